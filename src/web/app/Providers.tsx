import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './queryClient.ts';
import { Toasts } from './Toasts.tsx';
import { createAppTheme, cssVariablesResolver } from './theme.ts';

export function Providers({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  // The theme carries translated labels for icon-only buttons (close, clear, show password).
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="light"
        forceColorScheme="light"
        cssVariablesResolver={cssVariablesResolver}
      >
        <Toasts />
        {children}
      </MantineProvider>
    </QueryClientProvider>
  );
}
