import { Anchor, Box, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.ts';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { Book, Chat, Lifebuoy, Star } from '../../components/icons.tsx';
import { Announcements } from '../documents/Announcements.tsx';

// Where a card leads: its public page when there is one (the question bank), else the workspace.
const FEATURES = [
  { key: 'rate', icon: Star, publicPath: null },
  { key: 'support', icon: Lifebuoy, publicPath: null },
  { key: 'questions', icon: Book, publicPath: '/hoi-dap' },
  { key: 'dialogues', icon: Chat, publicPath: null },
] as const;

/** The public front page: what Cầu Nối is, and the way in. */
export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  usePageTitle(t('home.pageTitle'));
  const entry = me ? '/app' : '/dang-nhap';

  return (
    <Stack gap="xl" maw={1100} mx="auto">
      <Box className="hero" p={{ base: 'lg', sm: 40 }}>
        <Stack gap="md" maw={720}>
          <Text fw={700} c="navy.8" size="sm" tt="uppercase">
            {t('home.kicker')}
          </Text>
          <Title order={1}>{t('home.title')}</Title>
          <Text size="lg">{t('home.intro')}</Text>
          <Group gap="sm">
            <Button component={Link} to={entry} size="md" data-testid="home-cta">
              {me ? t('home.openWorkspace') : t('home.signIn')}
            </Button>
            <Button component="a" href="#how-it-works" size="md" variant="default">
              {t('home.learnMore')}
            </Button>
          </Group>
        </Stack>
      </Box>

      <section aria-labelledby="home-features">
        <Title order={2} id="home-features" mb="md">
          {t('home.featuresTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {FEATURES.map(({ key, icon: Icon, publicPath }) => (
            <Card key={key} withBorder padding="lg" radius="md">
              <ThemeIcon size={44} radius="md" variant="light" aria-hidden="true">
                <Icon size={24} />
              </ThemeIcon>
              <Title order={3} size="h4" mt="md">
                {t(`home.features.${key}.title`)}
              </Title>
              <Text size="sm" mt="xs">
                {t(`home.features.${key}.text`)}
              </Text>
              <Anchor component={Link} to={publicPath ?? entry} size="sm" mt="md" display="inline-block" fw={600}>
                {t(`home.features.${key}.link`)}
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <Announcements />

      <section aria-labelledby="how-it-works">
        <Card withBorder padding="lg" radius="md">
          <Title order={2} id="how-it-works" mb="sm" style={{ scrollMarginTop: 80 }}>
            {t('home.howTitle')}
          </Title>
          <List spacing="xs">
            <List.Item>{t('home.how.levels')}</List.Item>
            <List.Item>{t('home.how.deadlines')}</List.Item>
            <List.Item>{t('home.how.honest')}</List.Item>
            <List.Item>{t('home.how.language')}</List.Item>
          </List>
          <Anchor component={Link} to="/ket-qua-khao-sat" size="sm" mt="md" display="inline-block" fw={600}>
            {t('home.surveyResults')}
          </Anchor>
          <Text size="sm" c="dimmed" mt="md">
            {t('home.footer')}
          </Text>
        </Card>
      </section>
    </Stack>
  );
}
