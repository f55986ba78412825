import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Logout, User } from '../../components/icons.tsx';
import { notifyError } from '../../lib/notify.ts';
import { useSignOut, type Me } from '../session.ts';

export default function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal={false}>
      <Menu.Target>
        <Button
          variant="white"
          color="navy"
          size="xs"
          leftSection={<User size={16} />}
          aria-label={t('header.userMenu', { name: me.fullName })}
          data-testid="user-menu"
          maw={{ base: 44, xs: 220 }}
          px={{ base: 8, xs: 'sm' }}
        >
          <Text span size="xs" fw={600} truncate visibleFrom="xs">
            {me.fullName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/app/account" leftSection={<User size={16} />}>
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item
          leftSection={<Logout size={16} />}
          data-testid="sign-out"
          onClick={() =>
            signOut.mutate(undefined, {
              onError: (error) => notifyError(error),
              onSettled: () => void navigate('/'),
            })
          }
        >
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
