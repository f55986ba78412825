import { AppShell, Burger, Button, Group } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../../components/PageLoader.tsx';
import { RouteErrorBoundary } from '../ErrorPages.tsx';
import { lazyPage } from '../lazyPage.ts';
import { useSession } from '../session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

// Only signed-in people need the menu and the navbar: keep them out of the public pages' bundle.
const UserMenu = lazyPage(() => import('./UserMenu.tsx'));
const NavLinks = lazyPage(() => import('./NavLinks.tsx'));

function Brand() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand-link" aria-label={t('header.homeLink')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span>Cầu Nối</span>
    </Link>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const withNavbar = Boolean(me) && pathname.startsWith('/app');
  // On a phone the closed navbar is only moved off screen: keep its links out of the tab order.
  const isPhone = useMediaQuery('(max-width: 47.99em)');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={withNavbar ? { width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main-content" className="skip-link">
        {t('header.skipToContent')}
      </a>
      <AppShell.Header className="app-header">
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            {withNavbar && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                color="white"
                aria-label={t(opened ? 'header.closeMenu' : 'header.openMenu')}
                aria-expanded={opened}
                aria-controls="app-navbar"
              />
            )}
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {me ? (
              <Suspense fallback={null}>
                <UserMenu me={me} />
              </Suspense>
            ) : (
              pathname !== '/dang-nhap' && (
                <Button
                  component={Link}
                  to="/dang-nhap"
                  size="xs"
                  variant="white"
                  color="navy"
                  data-testid="header-sign-in"
                >
                  {t('header.signIn')}
                </Button>
              )
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {withNavbar && me && (
        <AppShell.Navbar id="app-navbar" aria-label={t('nav.label')} inert={Boolean(isPhone) && !opened}>
          <Suspense fallback={null}>
            <NavLinks me={me} onNavigate={close} />
          </Suspense>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main-content" tabIndex={-1}>
        <RouteErrorBoundary resetKey={pathname}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
