// Declarations, assessments, flag cases and imports.
import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './common.ts';

export type Channel = 'green' | 'yellow' | 'red';

export interface DeclarationsTable {
  id: Generated<number>;
  number: string;
  type_code: string;
  enterprise_id: string;
  declarant_id: string | null;
  office_unit_id: string;
  channel: Channel;
  registered_at: Date;
  cleared_at: Date | null;
  status: Generated<string>;
  rating_token: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeclarationStepsTable {
  declaration_id: number;
  seq: number;
  stage: string;
  team_unit_id: string | null;
  officer_id: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export interface AssessmentsTable {
  id: Generated<number>;
  declaration_id: number;
  enterprise_id: string;
  submitted_by_user_id: string | null;
  submitted_via: 'link' | 'app' | 'api';
  /** The integration client that sent it (migration 2026-12-07T16-30): only it may amend through the API. */
  submitted_api_client_id: string | null;
  comment: string | null;
  created_at: Date;
  updated_at: Date;
  editable_until: Date;
  revision: Generated<number>;
}

export interface AssessmentRatingsTable {
  id: Generated<number>;
  assessment_id: number;
  subject_kind: 'branch' | 'team' | 'stage' | 'officer';
  subject_ref: string;
  unit_id: string;
  officer_id: string | null;
  stars: number;
  reason: string | null;
  flags: string[];
}

export interface FlagCasesTable {
  id: Generated<string>;
  number: string;
  assessment_id: number;
  rating_id: number;
  kinds: string[];
  subject_kind: string;
  subject_unit_id: string;
  subject_officer_id: string | null;
  handler_unit_id: string;
  handler_role: string;
  status: Generated<'open' | 'in_review' | 'resolved'>;
  escalation_level: Generated<number>;
  opened_at: Date;
  due_at: Date;
  substantiated: boolean | null;
  responsible_unit_id: string | null;
  responsible_officer_id: string | null;
  measure: string | null;
  finding_note: string | null;
  resolved_at: Date | null;
  resolved_by_user_id: string | null;
  enterprise_notified_at: Date | null;
  handling_stars: number | null;
  handling_comment: string | null;
}

export interface FlagCaseEventsTable {
  id: Generated<number>;
  case_id: string;
  at: Date;
  action: string;
  actor_user_id: string | null;
  details: Json<Record<string, unknown>>;
}

export interface ImportJobsTable {
  id: Generated<string>;
  kind: string;
  file_name: string;
  created_by: string;
  status: Generated<'running' | 'done' | 'failed'>;
  total: Generated<number>;
  processed: Generated<number>;
  succeeded: Generated<number>;
  errors: Json<{ row: number; field: string; message: string }[]>;
  created_at: CreatedAt;
  finished_at: Date | null;
}

// ---- Access to a sent rating, and the rating-side audit (migration 2026-12-07T16-30-rating-access)

/** A one-time code mailed to the business's registered addresses. */
export interface RatingAccessCodesTable {
  id: Generated<string>;
  declaration_id: number;
  code_hash: string;
  created_at: Date;
  expires_at: Date;
  attempts: Generated<number>;
  used_at: Date | null;
}

/** What a verified code grants: one browser (a cookie, hashed here), one declaration, a short while. */
export interface RatingAccessGrantsTable {
  token_hash: string;
  declaration_id: number;
  expires_at: Date;
}

export type RatingAuditKind =
  'submitted' | 'amended' | 'case_opened' | 'handling_rated' | 'code_sent' | 'code_verified';

/** Rating-side events awaiting the per-office, per-day audit summary: no id, no time, no actor. */
export interface RatingAuditPendingTable {
  day: string;
  office_unit_id: string;
  kind: RatingAuditKind;
  via: 'link' | 'app' | 'api' | null;
  case_number: string | null;
}
