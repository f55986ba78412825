import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/PageHeader.tsx';

function ErrorLayout({
  code,
  title,
  message,
  children,
}: {
  code: string;
  title: string;
  message: string;
  children?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Stack align="center" ta="center" py={48} gap="md" maw={560} mx="auto">
      <Text fw={800} fz={56} c="navy.7" aria-hidden="true" lh={1}>
        {code}
      </Text>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{message}</Text>
      <Group justify="center">{children}</Group>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <ErrorLayout code="404" title={t('errorsPage.notFoundTitle')} message={t('errorsPage.notFoundMessage')}>
      <Button component={Link} to="/">
        {t('errorsPage.goHome')}
      </Button>
    </ErrorLayout>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <ErrorLayout code="403" title={t('errorsPage.forbiddenTitle')} message={t('errorsPage.forbiddenMessage')}>
      <Button component={Link} to="/app">
        {t('errorsPage.goDashboard')}
      </Button>
    </ErrorLayout>
  );
}

/** What a failed render or a chunk that would not load leaves on screen. */
export function CrashPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? error.message : '';
  return (
    <ErrorLayout code="!" title={t('errorsPage.crashTitle')} message={t('errorsPage.crashMessage')}>
      <Button onClick={() => window.location.reload()}>{t('errorsPage.reload')}</Button>
      <Button component={Link} to="/" variant="default">
        {t('errorsPage.goHome')}
      </Button>
      {detail && (
        <Code block w="100%" ta="left">
          {detail}
        </Code>
      )}
    </ErrorLayout>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** The address: going elsewhere clears the error. */
  resetKey: string;
}

/** The routes' error boundary: the crash page instead of a blank screen, until the address changes. */
export class RouteErrorBoundary extends Component<BoundaryProps, { failed: boolean; error: unknown }> {
  override state = { failed: false, error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false, error: null });
  }

  override render() {
    return this.state.failed ? <CrashPage error={this.state.error} /> : this.props.children;
  }
}
