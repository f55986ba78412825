import { Notifications } from '@mantine/notifications';

export default function ToastsContainer() {
  return <Notifications position="bottom-right" zIndex={1000} />;
}
