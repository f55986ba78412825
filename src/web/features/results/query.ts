// The results API as the pages use it. The only choice a reader makes is the
// period: it lives in the URL (`?period=2026-Q3`), so a view can be shared,
// reloaded and carried along drill-down links. Nothing else in the URL is sent:
// the server refuses any other filter, and the web app never asks for one.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Role } from '../../../contracts/common.ts';
import type { MonthlyReport, OfficerDashboard, UnitDashboard } from '../../../contracts/dashboards.ts';
import { parsePeriod, periodSchema, type PeriodsResponse, type ReleasedPeriod } from '../../../contracts/periods.ts';
import { api, withQuery } from '../../app/api.ts';

/** Who may open the unit dashboards (mirrors the server's policy); officers see their own page. */
export const UNIT_DASHBOARD_ROLES: readonly Role[] = [
  'team_lead',
  'branch_leader',
  'department_leader',
  'inspector',
  'gd_staff',
  'admin',
];

/** Query keys of the results pages. */
export const resultKeys = {
  periods: ['dashboards', 'periods'] as const,
  unit: (unitId: string | undefined, period: string | null) =>
    ['dashboards', 'unit', unitId ?? 'default', period ?? 'default'] as const,
  officer: (officerId: string, period: string | null) =>
    ['dashboards', 'officer', officerId, period ?? 'default'] as const,
  report: (unitId: string | null, month: string | null) => ['dashboards', 'report', unitId, month ?? 'latest'] as const,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function usePeriods() {
  return useQuery({
    queryKey: resultKeys.periods,
    queryFn: () => api<PeriodsResponse>('/api/dashboards/periods'),
    staleTime: 5 * 60_000,
  });
}

export type RequestedPeriod =
  /** No period in the URL: the server's default (the last twelve released months). */
  | { state: 'default' }
  /** A period in the URL, not yet checked against the released ones. */
  | { state: 'checking' }
  | { state: 'released'; period: ReleasedPeriod }
  /** A period in the URL that is not (or not yet) released, or not a period at all. */
  | { state: 'unreleased'; key: string };

/** The period the URL asks for, checked against the released periods. */
export function resolvePeriod(key: string | null, periods: PeriodsResponse | undefined): RequestedPeriod {
  if (key === null || key === '') return { state: 'default' };
  if (!periodSchema.safeParse(key).success) return { state: 'unreleased', key };
  if (!periods) return { state: 'checking' };
  const offered = periods.periods.find((period) => period.key === key);
  if (offered) return { state: 'released', period: offered };
  // The twelve months to an earlier released month (a link shared before the next release).
  const released = new Set(periods.periods.filter((period) => period.kind === 'month').map((period) => period.key));
  const parsed = parsePeriod(key);
  if (parsed.kind === 'last12' && released.has(parsed.months.at(-1)!)) {
    return {
      state: 'released',
      period: { key, kind: 'last12', months: parsed.months.filter((month) => released.has(month)) },
    };
  }
  return { state: 'unreleased', key };
}

/** The period of the page: what to ask the API for, and the query string to carry along links. */
export function useResultsPeriod() {
  const [params, setParams] = useSearchParams();
  const periods = usePeriods();
  const requested = resolvePeriod(params.get('period'), periods.data);
  const key = requested.state === 'released' ? requested.period.key : null;
  return {
    periods,
    requested,
    /** The period to send (null: the server's default). */
    key,
    /** False while a period in the URL is being checked: nothing is asked for until then. */
    ready: requested.state !== 'checking',
    /** '?period=…' for links that keep the view's period ('' for the default). */
    search: key ? `?${new URLSearchParams({ period: key }).toString()}` : '',
    choose: (period: string) => setParams(new URLSearchParams({ period }), { preventScrollReset: true }),
  };
}

export function exportUrl(
  target: { unitId: string } | { officerId: string },
  period: string | null,
  format: 'csv' | 'xlsx',
): string {
  const path =
    'unitId' in target
      ? `/api/dashboards/units/${target.unitId}/export`
      : `/api/dashboards/officers/${target.officerId}/export`;
  return withQuery(path, { period: period ?? undefined, format });
}

export function useUnitDashboard(unitId: string | undefined, period: string | null, enabled = true) {
  return useQuery({
    queryKey: resultKeys.unit(unitId, period),
    queryFn: () =>
      api<UnitDashboard>(unitId ? `/api/dashboards/units/${unitId}` : '/api/dashboards/units', {
        query: { period: period ?? undefined },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOfficerDashboard(officerId: string, period: string | null, enabled = true) {
  return useQuery({
    queryKey: resultKeys.officer(officerId, period),
    queryFn: () =>
      api<OfficerDashboard>(`/api/dashboards/officers/${officerId}`, { query: { period: period ?? undefined } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `month`: a released month, or null for the latest one. */
export function useMonthlyReport(unitId: string | null, month: string | null, enabled = true) {
  return useQuery({
    queryKey: resultKeys.report(unitId, month),
    queryFn: () =>
      api<MonthlyReport>(`/api/dashboards/units/${unitId ?? ''}/report`, { query: { month: month ?? undefined } }),
    enabled: enabled && Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}

export function isMonth(value: string | null): value is string {
  return value !== null && MONTH.test(value);
}
