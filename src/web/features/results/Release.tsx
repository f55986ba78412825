// When results appear and what is never shown: the footer of every results page,
// and the empty state before the first month is released.
import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EDIT_WINDOW_DAYS, RELEASE_DAY, type PeriodsResponse } from '../../../contracts/periods.ts';
import { useResultsFormat } from './format.ts';

function useNextRelease(next: PeriodsResponse['next']) {
  const format = useResultsFormat();
  return { month: format.monthSpan(next.month, next.month), date: format.date(next.releasesAt) };
}

export function ResultsFooter({ periods, flags = true }: { periods: PeriodsResponse; flags?: boolean }) {
  const { t } = useTranslation();
  const next = useNextRelease(periods.next);
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="results-rules-title"
      bg="gray.0"
      data-testid="results-footer"
    >
      <Title order={2} size="h5" id="results-rules-title" mb={6}>
        {t('results.rules.title')}
      </Title>
      <List size="sm" spacing={4}>
        <List.Item data-testid="next-release">{t('results.rules.next', next)}</List.Item>
        <List.Item>{t('results.rules.monthly', { day: RELEASE_DAY, days: EDIT_WINDOW_DAYS })}</List.Item>
        <List.Item>{t('results.rules.minimum', { minimum: periods.minimumBusinesses })}</List.Item>
        {flags && <List.Item>{t('results.rules.flags')}</List.Item>}
        <List.Item>{t('results.rules.anonymity')}</List.Item>
      </List>
    </Card>
  );
}

/** Nothing released yet: say when the first results come, and why not sooner. */
export function NothingReleased({ periods }: { periods: PeriodsResponse }) {
  const { t } = useTranslation();
  const next = useNextRelease(periods.next);
  return (
    <Card withBorder padding="xl" radius="md" data-testid="nothing-released">
      <Stack gap="xs" align="center" ta="center">
        <Title order={2} size="h4">
          {t('results.empty.title')}
        </Title>
        <Text size="sm" maw={560}>
          {t('results.empty.first', next)}
        </Text>
        <Text size="sm" c="dimmed" maw={560}>
          {t('results.empty.why', { day: RELEASE_DAY, days: EDIT_WINDOW_DAYS, minimum: periods.minimumBusinesses })}
        </Text>
      </Stack>
    </Card>
  );
}
