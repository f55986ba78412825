// The filters live in the URL (so a view can be shared, reloaded and printed), and
// become the dashboards API's query here.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { CHANNELS, SUBJECT_KINDS } from '../../../contracts/assessments.ts';
import type { MonthlyReport, OfficerDashboard, UnitDashboard } from '../../../contracts/dashboards.ts';
import type { Role } from '../../../contracts/common.ts';
import { api, withQuery } from '../../app/api.ts';

/** Who may open the unit dashboards (mirrors the server's policy); officers see their own page. */
export const UNIT_DASHBOARD_ROLES: readonly Role[] = ['team_lead', 'branch_leader', 'department_leader', 'inspector', 'gd_staff', 'admin'];
export const RESULTS_ROLES: readonly Role[] = [...UNIT_DASHBOARD_ROLES, 'officer'];

export const PRESETS = ['1', '3', '6', '12'] as const;
export const TYPE_CODES = ['A11', 'A12', 'A21', 'A31', 'A41', 'A42', 'A43', 'A44', 'E11', 'E21', 'E31', 'E41', 'G11', 'B11', 'B12', 'B13', 'E42', 'E52', 'E62', 'E82', 'G21', 'G22', 'G23', 'G24', 'C12', 'C22', 'H21'];
export type Channel = (typeof CHANNELS)[number];
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface ResultsFilters {
  /** A preset number of months back from today, or 'custom' with from/to. */
  period: (typeof PRESETS)[number] | 'custom';
  from: string;
  to: string;
  channel: Channel | null;
  typeCode: string | null;
  subjectKind: SubjectKind | null;
  /** A processing stage by name (its ratings only). */
  stage: string | null;
  granularity: 'week' | 'month';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Vietnam (the day the server files an assessment under). */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function monthsBack(to: string, months: number): string {
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1 - months, d + 1));
  return start.toISOString().slice(0, 10);
}

export function readFilters(params: URLSearchParams): ResultsFilters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const custom = DATE.test(from) || DATE.test(to);
  const preset = PRESETS.find((p) => p === params.get('months')) ?? '12';
  const today = vietnamToday();
  const channel = CHANNELS.find((c) => c === params.get('channel')) ?? null;
  const subjectKind = SUBJECT_KINDS.find((k) => k === params.get('subjectKind')) ?? null;
  const typeCode = params.get('typeCode');
  const stage = params.get('stage')?.trim() ?? '';
  return {
    period: custom ? 'custom' : preset,
    from: custom ? (DATE.test(from) ? from : monthsBack(DATE.test(to) ? to : today, 12)) : monthsBack(today, Number(preset)),
    to: custom ? (DATE.test(to) ? to : today) : today,
    channel,
    typeCode: typeCode && /^[A-Z]\d{2}$/.test(typeCode) ? typeCode : null,
    subjectKind,
    stage: stage.length >= 2 && stage.length <= 100 ? stage : null,
    granularity: params.get('granularity') === 'week' ? 'week' : 'month',
  };
}

/** The URL query for a set of filters (only what differs from the defaults). */
export function filtersToParams(filters: ResultsFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period === 'custom') {
    params.set('from', filters.from);
    params.set('to', filters.to);
  } else if (filters.period !== '12') {
    params.set('months', filters.period);
  }
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.typeCode) params.set('typeCode', filters.typeCode);
  if (filters.subjectKind) params.set('subjectKind', filters.subjectKind);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.granularity === 'week') params.set('granularity', 'week');
  return params;
}

export function useResultsFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const search = filtersToParams(filters).toString();
  return {
    filters,
    /** The query string to carry along drill-down links. */
    search: search ? `?${search}` : '',
    update: (change: Partial<ResultsFilters>) => setParams(filtersToParams({ ...filters, ...change })),
    reset: () => setParams(new URLSearchParams()),
  };
}

export function apiQuery(filters: ResultsFilters, withDimensions = true) {
  return {
    from: filters.from,
    to: filters.to,
    granularity: filters.granularity,
    ...(withDimensions && { channel: filters.channel ?? undefined, typeCode: filters.typeCode ?? undefined, subjectKind: filters.subjectKind ?? undefined, stage: filters.stage ?? undefined }),
  };
}

export function exportUrl(target: { unitId: string } | { officerId: string }, filters: ResultsFilters, format: 'csv' | 'xlsx'): string {
  const path = 'unitId' in target ? `/api/dashboards/units/${target.unitId}/export` : `/api/dashboards/officers/${target.officerId}/export`;
  return withQuery(path, { ...apiQuery(filters, 'unitId' in target), format });
}

export function useUnitDashboard(unitId: string | undefined, filters: ResultsFilters, enabled = true) {
  const query = apiQuery(filters);
  return useQuery({
    queryKey: ['dashboards', 'unit', unitId ?? 'default', query],
    queryFn: () => api<UnitDashboard>(unitId ? `/api/dashboards/units/${unitId}` : '/api/dashboards/units', { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOfficerDashboard(officerId: string, filters: ResultsFilters) {
  const query = apiQuery(filters, false);
  return useQuery({
    queryKey: ['dashboards', 'officer', officerId, query],
    queryFn: () => api<OfficerDashboard>(`/api/dashboards/officers/${officerId}`, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useMonthlyReport(unitId: string | null, month: string) {
  return useQuery({
    queryKey: ['dashboards', 'report', unitId, month],
    queryFn: () => api<MonthlyReport>(`/api/dashboards/units/${unitId ?? ''}/report`, { query: { month } }),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });
}
