// Organization, parties, accounts, audit, API clients and mail (foundation migration).
import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './common.ts';

export type UnitKind = 'general_department' | 'department' | 'branch' | 'team';
export type UnitStatus = 'active' | 'merged' | 'closed';

export interface UnitsTable {
  id: Generated<string>;
  code: string;
  kind: UnitKind;
  name_vi: string;
  name_en: string;
  parent_id: string | null;
  status: Generated<UnitStatus>;
  merged_into_id: string | null;
  valid_from: Generated<Date>;
  valid_to: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UnitHistoryTable {
  id: Generated<number>;
  unit_id: string;
  action: string;
  before: Json | null;
  after: Json | null;
  actor_user_id: string | null;
  at: CreatedAt;
}

export interface EnterprisesTable {
  id: Generated<string>;
  tax_code: string;
  name: string;
  name_en: string | null;
  address: string | null;
  province: string | null;
  is_broker: Generated<boolean>;
  managing_unit_id: string | null;
  created_at: CreatedAt;
}

export interface BrokerClientsTable {
  broker_id: string;
  enterprise_id: string;
  since: CreatedAt;
}

export interface AssociationsTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  created_at: CreatedAt;
}

export interface AssociationMembersTable {
  association_id: string;
  enterprise_id: string;
  joined_at: CreatedAt;
}

export interface OfficersTable {
  id: Generated<string>;
  code: string;
  full_name: string;
  title: string | null;
  unit_id: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  full_name: string;
  phone: string | null;
  locale: Generated<'vi' | 'en'>;
  enterprise_id: string | null;
  association_id: string | null;
  officer_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_sign_in_at: Date | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
  unit_id: string | null;
  granted_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

/** One row per throttled key (`account:<email>`, `address:<ip>`, `link:<user id>`), over a fixed window (migration 2026-12-07T16-00). */
export interface SignInCountersTable {
  key: string;
  window_start: Date;
  max_attempts: number;
  /** Attempts taken in the window and not given back (failures, and attempts still being checked). */
  attempts: number;
  /** Whether the last attempt taken on this row got a place under the limit. */
  granted: boolean;
  /** Attempts refused in the window (the first one is the lockout). */
  refused: Generated<number>;
}

/** One-time sign-in links: only the SHA-256 of the token is kept (migration 2026-12-07T16-00). */
export interface SignInLinksTable {
  token_hash: string;
  user_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  attempts: Generated<number>;
  ip: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_api_client_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  details: Json<Record<string, unknown>>;
  ip: string | null;
}

export interface ApiClientsTable {
  id: Generated<string>;
  name: string;
  key_prefix: string;
  key_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: Json<unknown[]>;
  created_at: CreatedAt;
  sent_at: Date | null;
  error: string | null;
}
