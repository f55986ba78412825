// A download or a link of the page's header. While another period or unit loads
// (the old figures stay, dimmed), it is a disabled button: a link then would give
// the file or report of what is about to go away.
import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type Target = { href: string; download: true; to?: undefined } | { to: string; href?: undefined; download?: undefined };

export function ResultsAction({
  stale,
  primary = false,
  testId,
  children,
  ...target
}: Target & { stale: boolean; primary?: boolean; testId: string; children: ReactNode }) {
  const variant = primary ? 'filled' : 'default';
  if (stale) {
    return (
      <Button size="sm" variant={variant} disabled data-testid={testId}>
        {children}
      </Button>
    );
  }
  if (target.to !== undefined) {
    return (
      <Button component={Link} to={target.to} size="sm" variant={variant} data-testid={testId}>
        {children}
      </Button>
    );
  }
  return (
    <Button component="a" href={target.href} download size="sm" variant={variant} data-testid={testId}>
      {children}
    </Button>
  );
}
