// The branch competitiveness index: method versions, the Department's scores, computations.
import type { Generated } from 'kysely';
import type { Json } from './common.ts';

export interface CdciMethodsTable {
  id: Generated<string>;
  department_id: string;
  year: number;
  version: number;
  status: Generated<'draft' | 'published'>;
  survey_id: string | null;
  method: Json;
  created_by: string | null;
  created_at: Date;
  published_at: Date | null;
}

export interface CdciDepartmentScoresTable {
  method_id: string;
  unit_id: string;
  indicator: string;
  value: number;
}

export interface CdciResultsTable {
  id: Generated<string>;
  method_id: string;
  computed_at: Date;
  computed_by: string | null;
  seed: number;
  inputs: Json;
  result: Json;
  published: Generated<boolean>;
}
