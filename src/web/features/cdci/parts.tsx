// Pieces of the index pages: the ranking with its bands and ties, a chart per
// component, a branch's profile, and the methodology written from the method.
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Badge, Card, List, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CdciMethod, PublishedIndexView, ResultView, UnitResult } from '../../../contracts/cdci.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';

export const fmt = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

export function useLabel() {
  const { i18n } = useTranslation();
  return (x: { vi: string; en: string }) => (i18n.language === 'en' && x.en ? x.en : x.vi);
}

const byRank = (units: UnitResult[]) =>
  [...units].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name));

/** The ranking: score, interval, rank band, tied group; branches under the minimum say so, without a number. */
export function RankingTable({ result, method }: { result: ResultView; method: CdciMethod }) {
  const { t } = useTranslation();
  const units = byRank(result.units);
  const groupSizes = new Map<number, number>();
  for (const u of units) if (u.group !== null) groupSizes.set(u.group, (groupSizes.get(u.group) ?? 0) + 1);
  return (
    <ScrollTable label={t('cdci.ranking.table')} minWidth={720}>
      <Table striped data-testid="cdci-ranking">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cdci.ranking.rank')}</Table.Th>
            <Table.Th scope="col">{t('cdci.ranking.branch')}</Table.Th>
            <Table.Th scope="col">{t('cdci.ranking.score')}</Table.Th>
            <Table.Th scope="col">{t('cdci.ranking.interval')}</Table.Th>
            <Table.Th scope="col">{t('cdci.ranking.band')}</Table.Th>
            <Table.Th scope="col">{t('cdci.ranking.tie')}</Table.Th>
            <Table.Th scope="col">{t('cdci.ranking.respondents')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.unit} data-testid={`cdci-row-${result.codes[u.unit] ?? u.unit}`}>
              <Table.Td>{u.rank ?? '—'}</Table.Td>
              <Table.Td>
                {u.name}{' '}
                <Text span size="xs" c="dimmed">
                  {result.codes[u.unit]}
                </Text>
              </Table.Td>
              {u.scored ? (
                <>
                  <Table.Td fw={600}>{fmt(u.composite)}</Table.Td>
                  <Table.Td>{u.ci ? `${fmt(u.ci[0])}–${fmt(u.ci[1])}` : '—'}</Table.Td>
                  <Table.Td>
                    {u.rankRange ? t('cdci.ranking.bandValue', { lo: u.rankRange[0], hi: u.rankRange[1] }) : '—'}
                  </Table.Td>
                  <Table.Td>
                    {u.group !== null && (groupSizes.get(u.group) ?? 0) > 1 ? (
                      <Badge variant="light" color="orange.9" data-testid="cdci-tied">
                        {t('cdci.ranking.tiedGroup', { group: u.group, n: u.tiedWith.length })}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('cdci.ranking.alone')}
                      </Text>
                    )}
                  </Table.Td>
                </>
              ) : (
                <Table.Td colSpan={4} data-testid="cdci-not-scored">
                  {t('cdci.ranking.notScored', { min: method.minRespondents })}
                </Table.Td>
              )}
              <Table.Td>{u.respondents}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** One bar chart per component (the scored branches on 1–10), each with its table for screen readers. */
export function ComponentCharts({ result, method }: { result: ResultView; method: CdciMethod }) {
  const label = useLabel();
  const { t } = useTranslation();
  const units = byRank(result.units).filter((u) => u.scored);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {method.components.map((component) => {
        const data = units.map((u) => ({
          branch: result.codes[u.unit] ?? u.name,
          score: u.components[component.code] ?? 0,
        }));
        const title = `${label(component.name)} (${component.weight} %)`;
        return (
          <Card withBorder key={component.code} component="section" aria-label={title}>
            <Title order={3} size="h5" mb="xs">
              {title}
            </Title>
            <figure style={{ margin: 0 }}>
              <div aria-hidden="true">
                <BarChart
                  h={Math.max(140, 22 * data.length)}
                  data={data}
                  dataKey="branch"
                  orientation="vertical"
                  yAxisProps={{ width: 70 }}
                  xAxisProps={{ domain: [0, 10] }}
                  series={[{ name: 'score', label: t('cdci.ranking.score'), color: 'navy.6' }]}
                  accessibilityLayer={false}
                />
              </div>
              <VisuallyHidden>
                <table>
                  <caption>{title}</caption>
                  <tbody>
                    {data.map((row) => (
                      <tr key={row.branch}>
                        <th scope="row">{row.branch}</th>
                        <td>{fmt(row.score)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </VisuallyHidden>
            </figure>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

const indicatorName = (method: CdciMethod, code: string) =>
  method.components.flatMap((c) => c.indicators).find((i) => i.code === code)?.name;

/** A branch against the department's median per component, its strongest and weakest indicators, its trend. */
export function BranchProfile({
  index,
  unit,
  strongest,
  weakest,
}: {
  index: PublishedIndexView;
  unit: string;
  strongest?: string[];
  weakest?: string[];
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const method = index.method.method;
  const mine = index.result.units.find((u) => u.unit === unit);
  if (!mine) return null;
  if (!mine.scored)
    return (
      <Text data-testid="cdci-profile-not-scored">{t('cdci.ranking.notScored', { min: method.minRespondents })}</Text>
    );
  const ordered = Object.entries(mine.indicators)
    .filter(([, cell]) => cell.score !== null)
    .sort((a, b) => b[1].score! - a[1].score!);
  const best = strongest ?? ordered.slice(0, 3).map(([code]) => code);
  const worst =
    weakest ??
    ordered
      .slice(-3)
      .reverse()
      .map(([code]) => code);
  const data = method.components.map((c) => ({
    component: label(c.name),
    branch: mine.components[c.code] ?? 0,
    median: index.medians[c.code] ?? 0,
  }));
  const trend = (index.trend[unit] ?? []).map((p) => ({ year: String(p.year), composite: p.composite }));
  const name = (code: string) => {
    const n = indicatorName(method, code);
    const component = method.components.find((c) => c.indicators.some((i) => i.code === code));
    return `${component ? label(component.name) : ''} — ${n ? label(n) : code}`;
  };
  return (
    <Stack data-testid="cdci-profile">
      <Text>
        {t('cdci.profile.summary', {
          score: fmt(mine.composite),
          rank: mine.rank,
          lo: mine.rankRange?.[0],
          hi: mine.rankRange?.[1],
          median: fmt(index.medians.composite),
        })}
      </Text>
      <figure style={{ margin: 0 }}>
        <div aria-hidden="true">
          <BarChart
            h={40 * data.length + 40}
            data={data}
            dataKey="component"
            orientation="vertical"
            yAxisProps={{ width: 150 }}
            xAxisProps={{ domain: [0, 10] }}
            withLegend
            series={[
              { name: 'branch', label: mine.name, color: 'navy.6' },
              { name: 'median', label: t('cdci.profile.median'), color: 'orange.9' },
            ]}
            accessibilityLayer={false}
          />
        </div>
        <VisuallyHidden>
          <table>
            <caption>{t('cdci.profile.vsMedian')}</caption>
            <tbody>
              {data.map((row) => (
                <tr key={row.component}>
                  <th scope="row">{row.component}</th>
                  <td>
                    {fmt(row.branch)} / {fmt(row.median)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
      </figure>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <div>
          <Title order={3} size="h5">
            {t('cdci.profile.strongest')}
          </Title>
          <List size="sm" data-testid="cdci-strongest">
            {best.map((code) => (
              <List.Item key={code}>
                {name(code)}: {fmt(mine.indicators[code]?.score)}
              </List.Item>
            ))}
          </List>
        </div>
        <div>
          <Title order={3} size="h5">
            {t('cdci.profile.weakest')}
          </Title>
          <List size="sm" data-testid="cdci-weakest">
            {worst.map((code) => (
              <List.Item key={code}>
                {name(code)}: {fmt(mine.indicators[code]?.score)}
              </List.Item>
            ))}
          </List>
        </div>
      </SimpleGrid>
      {trend.length > 1 && (
        <figure style={{ margin: 0 }}>
          <Title order={3} size="h5">
            {t('cdci.profile.trend')}
          </Title>
          <div aria-hidden="true">
            <LineChart
              h={200}
              data={trend}
              dataKey="year"
              series={[{ name: 'composite', label: t('cdci.ranking.score'), color: 'navy.7' }]}
              accessibilityLayer={false}
              curveType="linear"
            />
          </div>
          <VisuallyHidden>
            <table data-testid="cdci-trend">
              <caption>{t('cdci.profile.trend')}</caption>
              <tbody>
                {trend.map((p) => (
                  <tr key={p.year}>
                    <th scope="row">{p.year}</th>
                    <td>{fmt(p.composite)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </VisuallyHidden>
        </figure>
      )}
    </Stack>
  );
}

export function BranchPicker({
  index,
  value,
  onChange,
}: {
  index: PublishedIndexView;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('cdci.profile.choose')}
      data={byRank(index.result.units).map((u) => ({
        value: u.unit,
        label: `${index.result.codes[u.unit] ?? ''} ${u.name}`,
      }))}
      value={value}
      onChange={onChange}
      searchable
      data-testid="cdci-branch-select"
    />
  );
}

/** The methodology, written from the method itself. */
export function Methodology({ index }: { index: PublishedIndexView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const method = index.method.method;
  const source = (s: CdciMethod['components'][number]['indicators'][number]['source']) =>
    s.kind === 'survey'
      ? t(`cdci.method.surveySource.${s.stat}`, { what: s.question ?? s.group, from: s.favourableFrom })
      : s.kind === 'platform'
        ? t('cdci.method.source.platform', { measure: s.measure })
        : t(`cdci.method.source.${s.kind}`);
  const bounds = (b: CdciMethod['components'][number]['indicators'][number]['bounds']) =>
    b.kind === 'fixed'
      ? t('cdci.method.bounds.fixed', { min: b.min, max: b.max })
      : b.kind === 'years'
        ? t('cdci.method.bounds.years', { years: b.years.join(', ') })
        : t('cdci.method.bounds.observed');
  return (
    <Stack data-testid="cdci-methodology">
      <Text>{t(`cdci.method.normalisation.${method.normalisation}`)}</Text>
      <Text>{t(`cdci.method.aggregation.${method.aggregation}`)}</Text>
      <Text>{t('cdci.method.split', { survey: method.surveyShare, department: 100 - method.surveyShare })}</Text>
      <Text>{t(`cdci.method.missing.${method.missing}`)}</Text>
      <Text>{t('cdci.method.minimum', { min: method.minRespondents })}</Text>
      <Text>
        {t('cdci.method.uncertainty', {
          bootstrap: index.result.draws.bootstrap,
          sensitivity: index.result.draws.sensitivity,
          noise: Math.round(method.uncertainty.weightNoise * 100),
          seed: index.result.seed,
        })}
      </Text>
      <ScrollTable label={t('cdci.method.indicators')} minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cdci.method.component')}</Table.Th>
              <Table.Th scope="col">{t('cdci.method.weight')}</Table.Th>
              <Table.Th scope="col">{t('cdci.method.indicator')}</Table.Th>
              <Table.Th scope="col">{t('cdci.method.sourceTitle')}</Table.Th>
              <Table.Th scope="col">{t('cdci.method.direction')}</Table.Th>
              <Table.Th scope="col">{t('cdci.method.boundsTitle')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {method.components.flatMap((c) =>
              c.indicators.map((i, k) => (
                <Table.Tr key={i.code}>
                  <Table.Td>{k === 0 ? label(c.name) : ''}</Table.Td>
                  <Table.Td>{k === 0 ? `${c.weight} %` : ''}</Table.Td>
                  <Table.Td>{label(i.name)}</Table.Td>
                  <Table.Td>{source(i.source)}</Table.Td>
                  <Table.Td>{t(`cdci.method.${i.direction}`)}</Table.Td>
                  <Table.Td>{bounds(i.bounds)}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="sm">
        {t('cdci.method.samples')}:{' '}
        {index.result.units.map((u) => `${index.result.codes[u.unit] ?? u.name} ${u.respondents}`).join(' · ')}
      </Text>
    </Stack>
  );
}

export function ProfileSection({ index }: { index: PublishedIndexView }) {
  const [unit, setUnit] = useState<string | null>(null);
  return (
    <Stack>
      <BranchPicker index={index} value={unit} onChange={setUnit} />
      {unit && <BranchProfile index={index} unit={unit} />}
    </Stack>
  );
}
