import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { NAV_GROUPS } from '../navigation.ts';
import { hasRole, type Me } from '../session.ts';

export default function NavLinks({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const groups = NAV_GROUPS.filter((group) => hasRole(me, group.roles))
    .map((group) => ({ ...group, items: group.items.filter((item) => hasRole(me, item.roles)) }))
    .filter((group) => group.items.length > 0);
  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Stack gap="md" p="sm">
        {groups.map((group) => (
          <div key={group.key} role="group" aria-labelledby={`nav-group-${group.key}`}>
            <Text id={`nav-group-${group.key}`} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
              {t(group.labelKey)}
            </Text>
            {group.items.map((item) => {
              const active = item.to === '/app' ? pathname === '/app' : pathname.startsWith(item.to);
              const Icon = item.icon;
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.labelKey)}
                  leftSection={<Icon size={18} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  data-testid={item.testId}
                  onClick={onNavigate}
                  variant="light"
                />
              );
            })}
          </div>
        ))}
      </Stack>
    </ScrollArea>
  );
}
