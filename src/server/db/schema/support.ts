// Question bank and support desk.
import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './common.ts';

export interface QaEntriesTable {
  id: Generated<string>;
  number: Generated<number>;
  category: string;
  tags: string[];
  status: Generated<'draft' | 'reviewed' | 'published' | 'archived'>;
  title_vi: string;
  body_vi: string;
  title_en: string;
  body_en: string;
  legal_basis: Json<{ document: string; article: string; effectiveDate: string | null }[]>;
  search_title: string;
  search_text: string;
  version: Generated<number>;
  views: Generated<number>;
  helpful_yes: Generated<number>;
  helpful_no: Generated<number>;
  author_user_id: string | null;
  reviewed_by_user_id: string | null;
  source_request_id: string | null;
  last_reviewed_at: Date | null;
  published_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface QaEntryVersionsTable {
  id: Generated<number>;
  entry_id: string;
  version: number;
  status: string;
  snapshot: Json<Record<string, unknown>>;
  actor_user_id: string | null;
  note: string | null;
  at: Timestamp;
}

export interface QaSearchesTable {
  id: Generated<number>;
  query: string;
  normalized: string;
  results: number;
  at: Timestamp;
  opened_at: Timestamp | null;
}

export type SupportStatus = 'open' | 'in_progress' | 'waiting' | 'resolved' | 'merged';

export interface SupportRequestsTable {
  id: Generated<string>;
  number: string;
  subject: string;
  body: string;
  category: string;
  priority: string;
  channel: string;
  status: Generated<SupportStatus>;
  calendar: '24x7' | 'working';
  enterprise_id: string | null;
  association_id: string | null;
  requester_user_id: string | null;
  requester_name: string;
  requester_email: string | null;
  requester_phone: string | null;
  branch_unit_id: string;
  team_unit_id: string;
  handler_unit_id: string;
  handler_role: string;
  escalation_level: Generated<number>;
  assignee_user_id: string | null;
  first_response_due: Date;
  resolution_due: Date;
  escalation_due_at: Date | null;
  first_responded_at: Date | null;
  resolved_at: Date | null;
  paused_at: Date | null;
  reopen_until: Date | null;
  merged_into_id: string | null;
  rating_helpful: boolean | null;
  rating_fast: boolean | null;
  rating_comment: string | null;
  rated_at: Date | null;
  business_unread: Generated<boolean>;
  created_by_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SupportMessagesTable {
  id: Generated<number>;
  request_id: string;
  kind: 'public' | 'internal' | 'system';
  from_business: Generated<boolean>;
  author_user_id: string | null;
  author_name: string;
  body: string;
  created_at: Timestamp;
}

export interface SupportAttachmentsTable {
  id: Generated<string>;
  request_id: string;
  internal: Generated<boolean>;
  from_business: Generated<boolean>;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  uploaded_by_user_id: string | null;
  created_at: Timestamp;
}

export interface SupportFollowersTable {
  request_id: string;
  user_id: string;
}

export interface SupportCannedAnswersTable {
  id: Generated<string>;
  category: string | null;
  title: string;
  body: string;
  created_by_user_id: string | null;
  created_at: CreatedAt;
}

export interface SupportRoutesTable {
  branch_unit_id: string;
  category: string;
  team_unit_id: string;
}

export interface SupportEventsTable {
  id: Generated<number>;
  request_id: string;
  at: Date;
  action: string;
  actor_user_id: string | null;
  details: Json<Record<string, unknown>>;
}

/** One row per published question-bank entry, kept by a trigger on qa_entries (see the question-search migration). */
export interface QaSearchTable {
  entry_id: string;
  number: number;
  views: number;
  category: string;
  tags: string[];
  title: string;
  doc: string;
}

/** The same words as qa_search, under the GIN word indexes. */
export interface QaSearchWordsTable {
  entry_id: string;
  title: string;
  doc: string;
}

/** Folded words of published entries: the dictionary for typo correction. */
export interface QaWordsTable {
  word: string;
  /** Published entries holding the word (kept by the sync trigger). */
  df: Generated<number>;
}

export interface QaSynonymsTable {
  id: Generated<string>;
  /** Expressions editors declare equivalent, as they wrote them ("C/O", "giấy chứng nhận xuất xứ"). */
  terms: string[];
  created_by_user_id: string | null;
  updated_by_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type InboundMailStatus = 'opened' | 'continued' | 'unmatched' | 'opened_by_officer' | 'dismissed';

/** One attachment of an inbound mail: kept (with its storage key until it joins a request) or refused with the reason. */
export interface InboundAttachmentNote {
  fileName: string;
  size: number;
  contentType?: string;
  storageKey?: string;
  refused?: 'attachment_type' | 'attachment_too_large';
}

export interface SupportInboundMailsTable {
  id: Generated<string>;
  message_id: string;
  from_address: string;
  from_name: Generated<string>;
  subject: Generated<string>;
  text_body: Generated<string>;
  received_at: Date;
  status: InboundMailStatus;
  reason: string | null;
  request_id: string | null;
  sender_user_id: string | null;
  attachments: Json<InboundAttachmentNote[]>;
  handled_by_user_id: string | null;
  handled_at: Date | null;
}

export interface SupportServiceLevelsTable {
  category: string;
  priority: string;
  calendar: '24x7' | 'working';
  first_response_minutes: number;
  resolution_minutes: number;
  updated_by_user_id: string | null;
  updated_at: Timestamp;
}
