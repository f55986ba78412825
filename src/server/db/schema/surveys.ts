// Customs surveys: forms, invitations, unlinked answers and their maintained counts.
import type { Generated } from 'kysely';
import type { Json } from './common.ts';

export interface SurveysTable {
  id: Generated<string>;
  owner_unit_id: string;
  title_vi: string;
  title_en: Generated<string>;
  description_vi: Generated<string>;
  description_en: Generated<string>;
  status: Generated<'draft' | 'open' | 'closed'>;
  version: Generated<number>;
  frozen: Generated<boolean>;
  published: Generated<boolean>;
  closes_on: string | null;
  targeting: string | null;
  definition: Json;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SurveyInvitationsTable {
  id: Generated<string>;
  survey_id: string;
  enterprise_id: string;
  stratum: string;
  branch_ids: Generated<string[]>;
  invited_on: string | null;
  reminded_on: string | null;
  answered: Generated<boolean>;
  answered_on: string | null;
  draft: Json | null;
}

export interface SurveyInvitationTokensTable {
  token_hash: string;
  invitation_id: string;
}

export interface SurveyResponsesTable {
  id: Generated<string>;
  survey_id: string;
  version: number;
  stratum: string;
  business_type: 'enterprise' | 'broker';
  answers: Json;
}

export interface SurveyCountsTable {
  survey_id: string;
  item: string;
  branch_id: string;
  stratum: string;
  business_type: string;
  value: string;
  count: number | string;
  total: Generated<number>;
}

export interface SurveyTextsTable {
  id: Generated<string>;
  survey_id: string;
  item: string;
  body: string;
}

/** A closed survey's results for one view (stratum, business type), as the JSON served. */
export interface SurveyResultViewsTable {
  survey_id: string;
  view_key: string;
  body: string;
}

/** An association passed an open survey on to its members (once; not to whom). */
export interface SurveyForwardsTable {
  survey_id: string;
  association_id: string;
  forwarded_by: string | null;
  forwarded_at: Date;
  message: Generated<string>;
}
