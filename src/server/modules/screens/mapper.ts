// The only ways screen data leaves the server: fields listed one by one.
import {
  CLEARED_KEEP_MS,
  type BoardRow,
  type ProcessingStage,
  type RotationItem,
  type ScreenDetail,
} from '../../../contracts/screens.ts';
import { boardShows, maskCompany, maskNumber } from './policy.ts';
import type { BoardRowRecord, ScreenRecord } from './repository.ts';

export interface Announcement {
  text: { vi: string; en: string };
  from: string;
  to: string;
}

export function toScreen(row: ScreenRecord): ScreenDetail {
  const hours = row.opening_hours as { vi?: string; en?: string };
  return {
    id: row.id,
    officeCode: row.office_code,
    officeName: { vi: row.office_vi, en: row.office_en },
    name: row.name,
    stages: row.stages as ProcessingStage[],
    rotation: row.rotation as RotationItem[],
    language: row.language,
    numberDigits: row.number_digits,
    companyNames: row.company_names,
    questionIds: row.question_ids,
    documentIds: row.document_ids,
    announcements: (row.announcements as Announcement[]).map((a) => ({ text: a.text, from: a.from, to: a.to })),
    openingHours: { vi: hours.vi ?? '', en: hours.en ?? '' },
    keyPrefix: row.key_prefix,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What one screen shows of a declaration: null when this screen does not show it (any more). */
export function toBoardRow(
  row: BoardRowRecord,
  screen: Pick<ScreenRecord, 'stages' | 'number_digits' | 'company_names'>,
  now: Date,
): BoardRow | null {
  if (!boardShows(row, screen.stages, now, CLEARED_KEEP_MS)) return null;
  return {
    id: boardRowId(row.declaration_id),
    maskedNumber: maskNumber(row.number, screen.number_digits),
    stage: row.stage as ProcessingStage,
    channel: row.channel,
    since: row.at.toISOString(),
    counter: row.counter,
    team: row.team_vi === null ? null : { vi: row.team_vi, en: row.team_en ?? row.team_vi },
    company: screen.company_names === 'masked' ? maskCompany(row.company) : null,
  };
}

export const boardRowId = (declarationId: number | string): string => `r${declarationId}`;
