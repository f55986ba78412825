// A year of declarations: the calendar they are spread over (working days,
// month seasonality, the Tết dip), and one declaration with its processing
// steps and the participants a business may rate.
import { createHash } from 'node:crypto';
import type { SubjectKind } from '../../src/contracts/assessments.ts';
import type { Channel } from '../../src/server/db/schema.ts';
import { pickOfficer, pickParty, type OfficerModel, type Office, type Party, type TeamModel } from './context.ts';
import type { Rng } from './random.ts';
import { startOfVietnamDay } from '../../src/contracts/vietnam-time.ts';

/** The last day of the demo year (Vietnam time); everything is dated up to `NOW`. */
export const END_DAY = '2026-11-22';
export const NOW = new Date('2026-11-22T18:00:00+07:00');
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const DECLARATIONS_PER_SCALE = 12_000;

export const STAGES = {
  reception: 'Tiếp nhận',
  documents: 'Kiểm tra hồ sơ',
  inspection: 'Kiểm tra thực tế hàng hóa',
  tax: 'Thu thuế',
  release: 'Thông quan / Giải phóng hàng',
} as const;

// ---------------------------------------------------------------- calendar

export interface CalendarDay {
  iso: string;
  /** 00:00 of the day in Vietnam (UTC+7), in ms. */
  start: number;
  weight: number;
}

const HOLIDAYS = new Set(['2026-01-01', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02']);
const TET = Date.UTC(2026, 1, 17); // Lunar New Year 2026; the public holiday runs 14–22 February
const WEEKDAY = [0, 1.1, 1, 1, 1, 1.05, 0.3]; // Sunday .. Saturday (ports work Saturday mornings)
const MONTH = [1.15, 0.85, 1, 0.95, 1, 1, 1.05, 1.05, 1.05, 1.1, 1.1, 1.2]; // January .. December

/** The 365 days ending on END_DAY, weighted by weekday, month and Tết. */
export function demoCalendar(): CalendarDay[] {
  const end = Date.parse(`${END_DAY}T00:00:00Z`);
  const days: CalendarDay[] = [];
  for (let offset = 364; offset >= 0; offset -= 1) {
    const utc = end - offset * DAY_MS;
    const date = new Date(utc);
    const iso = date.toISOString().slice(0, 10);
    const fromTet = Math.round((utc - TET) / DAY_MS);
    let weight = (WEEKDAY[date.getUTCDay()] ?? 0) * (MONTH[date.getUTCMonth()] ?? 1);
    if (HOLIDAYS.has(iso) || (fromTet >= -3 && fromTet <= 5)) weight = 0;
    else if (fromTet >= -12 && fromTet < -3)
      weight *= 1.35; // the rush to ship before Tết
    else if (fromTet > 5 && fromTet <= 14) weight *= 0.55; // the slow restart after
    days.push({ iso, start: startOfVietnamDay(iso).getTime(), weight });
  }
  return days;
}

/** A time on a day, `hours` after midnight in Vietnam. */
export function atHour(day: { start: number }, hours: number): Date {
  return new Date(day.start + Math.round(hours * 60) * 60_000);
}

/** Which teams work a stage: the procedures team mostly, others where the branch has them. */
const STAGE_TEAMS: Record<string, [TeamModel['role'], number][]> = {
  [STAGES.reception]: [['procedures', 1]],
  [STAGES.documents]: [
    ['procedures', 0.8],
    ['operations', 0.2],
  ],
  [STAGES.inspection]: [
    ['procedures', 0.6],
    ['control', 0.25],
    ['supervision', 0.15],
  ],
  [STAGES.tax]: [
    ['procedures', 0.5],
    ['operations', 0.3],
    ['general', 0.2],
  ],
  [STAGES.release]: [
    ['procedures', 0.75],
    ['supervision', 0.25],
  ],
};

function teamFor(office: Office, stage: string, rng: Rng): TeamModel {
  const options = (STAGE_TEAMS[stage] ?? [['procedures', 1]]).flatMap(([role, weight]) => {
    const team = office.teams.find((t) => t.role === role);
    return team ? [{ team, weight }] : [];
  });
  return rng.weighted(
    options.map((o) => o.team),
    options.map((o) => o.weight),
  );
}

// ---------------------------------------------------------------- one declaration

const IMPORT_TYPES = ['A11', 'A12', 'A41', 'A31', 'E31', 'E21', 'E11', 'G11'];
const IMPORT_WEIGHTS = [26, 18, 7, 3, 15, 8, 5, 4];
const EXPORT_TYPES = ['B11', 'B13', 'E62', 'E52', 'E42', 'G21', 'C12'];
const EXPORT_WEIGHTS = [36, 6, 18, 10, 6, 5, 3];
// Export-processing and investment branches see far more processing and EPZ codes.
const ZONE_IMPORT_WEIGHTS = [10, 12, 4, 2, 24, 16, 16, 4];
const ZONE_EXPORT_WEIGHTS = [16, 4, 28, 18, 20, 4, 2];

export interface StepPlan {
  stage: string;
  team: TeamModel;
  officer: OfficerModel;
  startedAt: Date;
  finishedAt: Date;
}

export interface DeclarationPlan {
  number: string;
  isImport: boolean;
  typeCode: string;
  office: Office;
  party: Party;
  declarantId: string | null;
  channel: Channel;
  registeredAt: Date;
  clearedAt: Date;
  salt: string;
  steps: StepPlan[];
}

export interface DeclarationOverrides {
  party?: Party;
  declarantId?: string | null;
  channel?: Channel;
  registeredAt?: Date;
  clearanceHours?: number;
  /** Every stage by this team, and the officer of a stage when given. */
  team?: TeamModel;
  officerOf?: (stage: string) => OfficerModel | undefined;
}

/**
 * A capability link token: 32 base64url characters (192 bits) hashed from the
 * declaration's unique number and random salt from its stream, so tokens stay
 * unique even where two streams happen to overlap.
 */
export function ratingToken(plan: DeclarationPlan): string {
  return createHash('sha256').update(`${plan.number}:${plan.salt}`).digest('base64url').slice(0, 32);
}

function stagesFor(channel: Channel, isImport: boolean, rng: Rng): string[] {
  const taxed = isImport && rng.chance(0.45);
  if (channel === 'red') return [STAGES.reception, STAGES.documents, STAGES.inspection, STAGES.release];
  if (channel === 'yellow') return [STAGES.reception, STAGES.documents, ...(taxed ? [STAGES.tax] : []), STAGES.release];
  return [STAGES.reception, ...(taxed ? [STAGES.tax] : []), STAGES.release];
}

/** Hours from registration to release: minutes on green, hours on yellow, up to two days on red. */
function clearanceHours(channel: Channel, rng: Rng): number {
  if (channel === 'green') return 0.2 + 2.5 * rng.next() ** 2;
  if (channel === 'yellow') return 1 + 7 * rng.next() ** 1.5;
  return 4 + 44 * rng.next() ** 1.6;
}

/** One declaration registered on `day` at `office`, numbered later (numbers follow registration order). */
export function planDeclaration(
  office: Office,
  day: CalendarDay,
  rng: Rng,
  overrides: DeclarationOverrides = {},
): DeclarationPlan {
  const party = overrides.party ?? pickParty(office, rng);
  const isImport = rng.chance(party.importShare);
  const typeCode = isImport
    ? rng.weighted(IMPORT_TYPES, office.zone ? ZONE_IMPORT_WEIGHTS : IMPORT_WEIGHTS)
    : rng.weighted(EXPORT_TYPES, office.zone ? ZONE_EXPORT_WEIGHTS : EXPORT_WEIGHTS);
  const channel = overrides.channel ?? rng.weighted<Channel>(['green', 'yellow', 'red'], [60, 30, 10]);
  const brokered = party.brokers.length > 0 && rng.chance(0.5); // about 20 % of all declarations
  const declarantId =
    overrides.declarantId !== undefined ? overrides.declarantId : brokered ? rng.pick(party.brokers) : null;
  // Registered between 07:30 and 16:30, more in the morning.
  const registeredAt = overrides.registeredAt ?? atHour(day, 7.5 + 9 * rng.next() ** 1.3);
  const hours = overrides.clearanceHours ?? clearanceHours(channel, rng);
  const clearedAt = new Date(Math.min(registeredAt.getTime() + hours * HOUR_MS, NOW.getTime() - 10 * 60_000));

  const stages = stagesFor(channel, isImport, rng);
  // The inspection takes most of a red declaration's time, the documents most of a yellow one's.
  const spans = stages.map(
    (stage) => (stage === STAGES.inspection ? 6 : stage === STAGES.documents ? 3 : 1) * (0.5 + rng.next()),
  );
  const spanTotal = spans.reduce((sum, span) => sum + span, 0);
  const steps: StepPlan[] = [];
  let at = registeredAt.getTime();
  const length = clearedAt.getTime() - registeredAt.getTime();
  for (const [index, stage] of stages.entries()) {
    const team = overrides.team ?? teamFor(office, stage, rng);
    const previous = steps[steps.length - 1];
    // The officer who received a declaration often checks its documents too.
    const officer =
      overrides.officerOf?.(stage) ??
      (previous && previous.team === team && rng.chance(0.5) ? previous.officer : pickOfficer(team, rng));
    const end =
      index === stages.length - 1 ? clearedAt.getTime() : at + Math.round((length * (spans[index] ?? 1)) / spanTotal);
    steps.push({ stage, team, officer, startedAt: new Date(at), finishedAt: new Date(end) });
    at = end;
  }
  return {
    number: '',
    isImport,
    typeCode,
    office,
    party,
    declarantId,
    channel,
    registeredAt,
    clearedAt,
    salt: `${Math.floor(rng.next() * 2 ** 32)}.${Math.floor(rng.next() * 2 ** 32)}`,
    steps,
  };
}

export interface Subject {
  kind: SubjectKind;
  ref: string;
  unitId: string;
  officerId: string | null;
  stage: string | null;
  bias: number;
}

/** What may be rated, as the app's participantsOf sees it: branch, teams, stages, officers. */
export function subjectsOf(plan: DeclarationPlan): Subject[] {
  const list: Subject[] = [
    {
      kind: 'branch',
      ref: plan.office.code,
      unitId: plan.office.id,
      officerId: null,
      stage: null,
      bias: plan.office.bias,
    },
  ];
  const seen = new Set([`branch:${plan.office.code}`]);
  const add = (subject: Subject) => {
    const key = `${subject.kind}:${subject.ref}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(subject);
  };
  for (const step of plan.steps) {
    add({
      kind: 'team',
      ref: step.team.code,
      unitId: step.team.id,
      officerId: null,
      stage: null,
      bias: 0.5 * plan.office.bias + step.team.bias,
    });
    add({
      kind: 'stage',
      ref: step.stage,
      unitId: step.team.id,
      officerId: null,
      stage: step.stage,
      bias: 0.5 * plan.office.bias + step.team.bias,
    });
  }
  for (const step of plan.steps) {
    add({
      kind: 'officer',
      ref: step.officer.code,
      unitId: step.officer.teamId,
      officerId: step.officer.id,
      stage: step.stage,
      bias: 0.3 * plan.office.bias + step.officer.bias,
    });
  }
  return list;
}
