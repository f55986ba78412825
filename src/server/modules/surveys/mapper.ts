// The only way survey rows leave the server: fields listed one by one.
import {
  SURVEY_MIN_CELL,
  type AnswerMap,
  type PublishedSurvey,
  type SurveyDefinition,
  type SurveyDetail,
  type SurveySummary,
} from '../../../contracts/surveys.ts';
import type { SurveyRow } from './repository.ts';

export function toSurveySummary(row: SurveyRow): SurveySummary {
  return {
    id: row.id,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    title: { vi: row.title_vi, en: row.title_en },
    status: row.status,
    frozen: row.frozen,
    published: row.published,
    closesOn: row.closes_on,
    invited: row.invited ?? 0,
    answered: row.answered ?? 0,
  };
}

export function toSurveyDetail(row: SurveyRow): SurveyDetail {
  return {
    ...toSurveySummary(row),
    description: { vi: row.description_vi, en: row.description_en },
    version: row.version,
    targeting: row.targeting,
    definition: row.definition as SurveyDefinition,
  };
}

export function toMyInvitation(row: {
  id: string;
  survey_id: string;
  answered: boolean;
  has_draft: boolean;
  title_vi: string;
  title_en: string;
  status: 'draft' | 'open' | 'closed';
  closes_on: string | null;
}) {
  return {
    invitationId: row.id,
    surveyId: row.survey_id,
    title: { vi: row.title_vi, en: row.title_en },
    closesOn: row.closes_on,
    status: row.status,
    answered: row.answered,
    hasDraft: row.has_draft,
  };
}

export function draftOf(value: unknown): AnswerMap {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as AnswerMap) : {};
}

export function toPublishedSurvey(row: SurveyRow): PublishedSurvey {
  const answered = row.answered ?? 0;
  return {
    id: row.id,
    ownerUnitName: row.owner_unit_name,
    title: { vi: row.title_vi, en: row.title_en },
    closesOn: row.closes_on,
    respondents: answered >= SURVEY_MIN_CELL ? answered : null,
  };
}
