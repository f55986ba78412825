import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AnnouncementView } from '../../../contracts/documents.ts';
import { api } from '../../app/api.ts';
import { useFormat } from '../../lib/format.ts';
import { documentKeys } from './keys.ts';

/** Announcements of customs units to their businesses, on the public home page. */
export function Announcements() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery({
    queryKey: documentKeys.announcements,
    queryFn: () => api<AnnouncementView[]>('/api/announcements'),
  });
  if (!list.data?.length) return null;
  return (
    <section aria-labelledby="home-announcements">
      <Title order={2} id="home-announcements" mb="md">
        {t('partnership.announcements.title')}
      </Title>
      <Stack gap="sm" data-testid="announcements">
        {list.data.slice(0, 5).map((a) => (
          <Card key={a.id} withBorder radius="md" padding="md" component="article">
            <Text size="xs" c="dimmed">
              {a.unit.code} — {a.unit.name} · {format.date(a.publishedAt)}
            </Text>
            <Title order={3} size="h5">
              {a.title}
            </Title>
            <Text size="sm">{a.body}</Text>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
