// Period, channel, declaration type, rated subject and processing stage; each change
// goes straight to the URL, so the view reloads and can be shared as it is.
import { Button, Card, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, SUBJECT_KINDS } from '../../../contracts/assessments.ts';
import { PRESETS, TYPE_CODES, useResultsFilters } from './query.ts';

/** `stages`: the processing stages rated in the unit's view, to choose from. */
export function FiltersBar({ dimensions = true, stages = [] }: { dimensions?: boolean; stages?: string[] }) {
  const { t } = useTranslation();
  const { filters, update, reset } = useResultsFilters();
  const all = t('results.filters.all');
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-label={t('results.filters.label')} className="no-print" data-testid="results-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: dimensions ? 4 : 3 }} spacing="sm">
        <Select
          label={t('results.filters.period')}
          data={[...PRESETS.map((p) => ({ value: p, label: t('results.filters.months', { count: Number(p) }) })), { value: 'custom', label: t('results.filters.custom') }]}
          value={filters.period}
          allowDeselect={false}
          onChange={(value) => value && update({ period: value })}
          data-testid="filter-period"
        />
        {filters.period === 'custom' && (
          <>
            <TextInput label={t('results.filters.from')} type="date" value={filters.from} max={filters.to} onChange={(e) => e.currentTarget.value && update({ from: e.currentTarget.value })} data-testid="filter-from" />
            <TextInput label={t('results.filters.to')} type="date" value={filters.to} min={filters.from} onChange={(e) => e.currentTarget.value && update({ to: e.currentTarget.value })} data-testid="filter-to" />
          </>
        )}
        {dimensions && (
          <>
            <Select
              label={t('results.filters.channel')}
              data={[{ value: '', label: all }, ...CHANNELS.map((c) => ({ value: c, label: t(`results.channels.${c}`) }))]}
              value={filters.channel ?? ''}
              allowDeselect={false}
              onChange={(value) => update({ channel: (value || null) })}
              data-testid="filter-channel"
            />
            <Select
              label={t('results.filters.typeCode')}
              data={[{ value: '', label: all }, ...TYPE_CODES.map((code) => ({ value: code, label: code }))]}
              value={filters.typeCode ?? ''}
              searchable
              allowDeselect={false}
              onChange={(value) => update({ typeCode: value || null })}
              data-testid="filter-type"
            />
            <Select
              label={t('results.filters.subjectKind')}
              data={[{ value: '', label: all }, ...SUBJECT_KINDS.map((k) => ({ value: k, label: t(`results.subjects.${k}`) }))]}
              value={filters.subjectKind ?? ''}
              allowDeselect={false}
              onChange={(value) => update({ subjectKind: (value || null) })}
              data-testid="filter-subject"
            />
            <Select
              label={t('results.filters.stage')}
              data={[{ value: '', label: all }, ...[...new Set([...stages, ...(filters.stage ? [filters.stage] : [])])].map((stage) => ({ value: stage, label: stage }))]}
              value={filters.stage ?? ''}
              searchable
              allowDeselect={false}
              onChange={(value) => update({ stage: value || null })}
              data-testid="filter-stage"
            />
          </>
        )}
        <Select
          label={t('results.filters.granularity')}
          data={[
            { value: 'month', label: t('results.filters.month') },
            { value: 'week', label: t('results.filters.week') },
          ]}
          value={filters.granularity}
          allowDeselect={false}
          onChange={(value) => update({ granularity: value === 'week' ? 'week' : 'month' })}
          data-testid="filter-granularity"
        />
      </SimpleGrid>
      <Group mt="sm">
        <Button variant="default" size="xs" onClick={reset} data-testid="filter-reset">
          {t('common.clearFilters')}
        </Button>
      </Group>
    </Card>
  );
}
