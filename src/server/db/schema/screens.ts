// Waiting-room screens: processing steps as they happen, the screen events they raise, and screens.
import type { Generated } from 'kysely';
import type { Json } from './common.ts';

export interface DeclarationProgressTable {
  id: Generated<string>;
  declaration_id: number;
  office_unit_id: string;
  stage: string;
  channel: 'green' | 'yellow' | 'red';
  counter: string | null;
  team_unit_id: string | null;
  at: Date;
  received_at: Date;
}

export interface ScreenEventsTable {
  id: Generated<string>;
  office_unit_id: string;
  declaration_id: number;
  created_at: Date;
}

export interface ScreensTable {
  id: Generated<string>;
  office_unit_id: string;
  name: string;
  stages: string[];
  rotation: string[];
  language: 'vi' | 'en' | 'both';
  number_digits: number;
  company_names: Generated<'hidden' | 'masked'>;
  question_ids: Generated<string[]>;
  document_ids: Generated<string[]>;
  announcements: Json;
  opening_hours: Json;
  key_hash: string;
  key_prefix: string;
  pairing_code_hash: string | null;
  pairing_expires_at: Date | null;
  revoked_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
