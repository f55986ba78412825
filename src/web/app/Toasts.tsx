// Success and failure toasts. Mantine's notifications container (with its styles and transitions)
// loads when the first notification is shown: the store that `lib/notify.ts` writes to is small,
// the container is not, and most visits of a public page never show one.
import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';

const ToastsContainer = lazy(() => import('./ToastsContainer.tsx'));

export function Toasts() {
  const { notifications, queue } = useNotifications();
  // Once mounted the container stays, so that toasts leave with their transition.
  const [mounted, setMounted] = useState(false);
  if (!mounted && notifications.length + queue.length > 0) setMounted(true);
  if (!mounted) return null;
  return (
    <Suspense fallback={null}>
      <ToastsContainer />
    </Suspense>
  );
}
