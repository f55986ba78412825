import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NAV_GROUPS } from '../../app/navigation.ts';
import { hasRole, useSession } from '../../app/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleList } from './RoleList.tsx';

/** The signed-in home: who you are, what you may do, and a card for each. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  const groups = NAV_GROUPS.filter((group) => hasRole(me, group.roles))
    .map((group) => ({ ...group, items: group.items.filter((item) => item.to !== '/app' && hasRole(me, item.roles)) }))
    .filter((group) => group.items.length > 0);

  return (
    <Stack gap="xl">
      <PageHeader title={t('dashboard.greeting', { name: me.fullName })} description={t('dashboard.intro')} />
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="my-roles-title">
        <Title order={2} size="h4" id="my-roles-title" mb="sm">
          {t('dashboard.rolesTitle')}
        </Title>
        <RoleList me={me} />
      </Card>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`dash-${group.key}`}>
          <Title order={2} size="h4" id={`dash-${group.key}`} mb="sm">
            {t(group.labelKey)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {group.items.map((item) => {
              const Icon = item.icon;
              return (
                <Link key={item.to} to={item.to} className="card-link" data-testid={`card-${item.testId}`}>
                  <Card withBorder padding="lg" radius="md" h="100%">
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <ThemeIcon size={40} radius="md" variant="light" aria-hidden="true">
                        <Icon size={22} />
                      </ThemeIcon>
                      <div>
                        <Text fw={700} c="navy.8">
                          {t(item.labelKey)}
                        </Text>
                        <Text size="sm" c="dimmed" mt={2}>
                          {t(item.descriptionKey)}
                        </Text>
                      </div>
                    </Group>
                  </Card>
                </Link>
              );
            })}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}
