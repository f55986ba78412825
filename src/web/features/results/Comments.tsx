// Comments as they are released: in batches of at least 5 businesses, each headed by
// the months it covers, shuffled, with no date, stars or writer.
import { Accordion, Badge, Card, Group, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDashboard } from '../../../contracts/dashboards.ts';
import { useResultsFormat } from './format.ts';

type Batch = UnitDashboard['comments'][number];

export function CommentBatches({ title, batches, minimum }: { title: string; batches: Batch[]; minimum: number }) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const ordered = [...batches].sort((a, b) => b.month.localeCompare(a.month));
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="comments-title"
      data-testid="comments"
    >
      <Title order={2} size="h4" id="comments-title">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('results.comments.help', { minimum })}
      </Text>
      {ordered.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic" data-testid="comments-empty">
          {t('results.comments.empty')}
        </Text>
      ) : (
        <Accordion multiple order={3} defaultValue={[ordered[0]!.month]} variant="separated" radius="sm">
          {ordered.map((batch) => (
            <Accordion.Item key={batch.month} value={batch.month} data-testid={`comment-batch-${batch.month}`}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm">
                    {t('results.comments.batch', { months: format.monthSpan(batch.firstMonth, batch.month) })}
                  </Text>
                  <Badge color="navy" variant="light" c="navy.8">
                    {t('results.comments.count', { count: batch.comments.length })}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <List spacing={6} size="sm" className="comment-list">
                  {batch.comments.map((comment, index) => (
                    // Shuffled by the server once, at release; the position is the only key there is.
                    <List.Item key={index} className="pre-wrap">
                      {comment}
                    </List.Item>
                  ))}
                </List>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Card>
  );
}
