// The annual partnership plan (migration 2026-12-07T22-50-plan).
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './common.ts';

type DateText = ColumnType<string, string, string>;

export interface PlansTable {
  id: Generated<string>;
  unit_id: string;
  year: number;
  parent_plan_id: string | null;
  status: Generated<'draft' | 'published' | 'adopted'>;
  title: string;
  published_at: Date | null;
  adopted_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlanTargetsTable {
  id: Generated<string>;
  plan_id: string;
  unit_id: string;
  content: string;
  goal: string;
  title: string;
  measure_code: string | null;
  target_value: number;
  deadline: DateText;
  level: 'general_department' | 'department' | 'branch' | 'team';
  source_target_id: string | null;
  owner_name: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlanActivitiesTable {
  id: Generated<string>;
  plan_id: string;
  content: string;
  title: string;
  owner_name: string;
  starts_on: DateText;
  ends_on: DateText;
  status: Generated<'planned' | 'in_progress' | 'done' | 'cancelled'>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlanReportsTable {
  id: Generated<string>;
  target_id: string;
  value: number;
  evidence: string;
  evidence_url: string | null;
  reported_by: string | null;
  reported_at: Date;
  review_status: Generated<'pending' | 'accepted' | 'rejected'>;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

export interface PlanProgressTable {
  target_id: string;
  plan_id: string;
  value: number | null;
  expected: number | null;
  projected: number | null;
  progress: number | null;
  status: 'achieved' | 'on_track' | 'at_risk' | 'missed' | 'no_data';
  computed_at: Date;
}

export interface PlanAlertsTable {
  id: Generated<string>;
  target_id: string;
  plan_id: string;
  unit_id: string;
  status: string;
  value: number | null;
  expected: number | null;
  created_at: Date;
}
