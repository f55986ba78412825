// The one choice on the results pages: a released period (the last twelve months,
// a month, a quarter or a year). It goes straight to the URL, so the view reloads
// and can be shared as it is.
import { Alert, Card, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parsePeriod, periodSchema, type PeriodsResponse, type ReleasedPeriod } from '../../../contracts/periods.ts';
import { Alert as AlertIcon } from '../../components/icons.tsx';
import { useResultsFormat } from './format.ts';
import type { RequestedPeriod } from './query.ts';

const GROUPS = ['last12', 'month', 'quarter', 'year'] as const;

/** `selected`: the period asked for (shown at once, while its figures load). */
export function PeriodPicker({
  periods,
  selected,
  onChange,
}: {
  periods: PeriodsResponse;
  selected: ReleasedPeriod;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  const offered = periods.periods.some((period) => period.key === selected.key)
    ? periods.periods
    : [selected, ...periods.periods];
  const data = GROUPS.map((kind) => ({
    group: t(`results.picker.groups.${kind}`),
    items: offered
      .filter((period) => period.kind === kind)
      .map((period) => ({ value: period.key, label: format.periodWithMonths(period, periods.periods[0]?.key) })),
  })).filter((group) => group.items.length > 0);
  const months = format.periodMonths(selected);
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-label={t('results.picker.section')}
      className="no-print"
      data-testid="period-picker"
    >
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('results.picker.label')}
          description={t('results.picker.description')}
          data={data}
          value={selected.key}
          allowDeselect={false}
          maxDropdownHeight={360}
          comboboxProps={{ withinPortal: true }}
          onChange={(value) => value && value !== selected.key && onChange(value)}
          w={{ base: '100%', xs: 340 }}
          data-testid="period-select"
        />
        {months && (
          <Text size="sm" c="dimmed" pb={6} data-testid="period-months">
            {t('results.picker.months', { count: selected.months.length, months })}
          </Text>
        )}
      </Group>
    </Card>
  );
}

/** A period in the URL that is not released (a mistyped link, or a month not yet out): say so, and what is shown instead. */
export function UnreleasedPeriodNotice({
  requested,
  shown,
  next,
}: {
  requested: RequestedPeriod;
  shown: ReleasedPeriod | null;
  next: PeriodsResponse['next'];
}) {
  const { t } = useTranslation();
  const format = useResultsFormat();
  if (requested.state !== 'unreleased') return null;
  const asked = periodSchema.safeParse(requested.key).success
    ? format.period(parsePeriod(requested.key), false)
    : requested.key;
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<AlertIcon />}
      title={t('results.picker.unreleasedTitle', { period: asked })}
      styles={{ title: { color: 'var(--mantine-color-dark-9)' }, icon: { color: 'var(--mantine-color-dark-6)' } }}
      className="no-print"
      data-testid="unreleased-period"
    >
      <Text size="sm">
        {requested.key === next.month && `${t('results.picker.releasesOn', { date: format.date(next.releasesAt) })} `}
        {shown
          ? t('results.picker.unreleased', { shown: format.period(shown) })
          : t('results.picker.unreleasedNothing')}
      </Text>
    </Alert>
  );
}
