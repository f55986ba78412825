// Dialogues and meetings, agreements, information to businesses.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './common.ts';

// ---- Dialogues and meetings (migration 2026-11-23T11-00-events)
export type EventKind = 'conference' | 'quarterly_dialogue' | 'morning_coffee' | 'enterprise_dialogue';
export type EventAudience = 'all' | 'branch' | 'association' | 'invited';

export interface EventsTable {
  id: Generated<string>;
  kind: EventKind;
  title: string;
  search_text: Generated<string>;
  agenda: Generated<string>;
  organizer_unit_id: string;
  place: string | null;
  online_url: string | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  audience: EventAudience;
  audience_unit_id: string | null;
  audience_association_id: string | null;
  status: Generated<'published' | 'held' | 'cancelled'>;
  series_id: string | null;
  minutes: string | null;
  minutes_at: Date | null;
  invitations_queued_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface EventInviteesTable {
  event_id: string;
  enterprise_id: string;
}

export interface EventRegistrationsTable {
  id: Generated<string>;
  event_id: string;
  enterprise_id: string;
  user_id: string;
  attendee_name: string;
  token: string;
  registered_at: CreatedAt;
  checked_in_at: Date | null;
  checked_in_by: string | null;
}

export interface EventQuestionsTable {
  id: Generated<string>;
  event_id: string;
  enterprise_id: string | null;
  user_id: string | null;
  text: string;
  raised_at_event: Generated<boolean>;
  votes: Generated<number>;
  created_at: CreatedAt;
  owner_unit_id: string | null;
  owner_user_id: string | null;
  due_at: Date | null;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  link_kind: 'support_request' | 'question_bank' | null;
  link_ref: string | null;
  link_status: string | null;
}

export interface EventQuestionVotesTable {
  question_id: string;
  enterprise_id: string;
  voted_at: CreatedAt;
}

export interface DialogueRequestsTable {
  id: Generated<string>;
  enterprise_id: string;
  user_id: string;
  unit_id: string;
  subject: string;
  description: string;
  preferred_at: Date | null;
  status: Generated<'pending' | 'proposed' | 'accepted' | 'declined'>;
  proposed_at: Date | null;
  proposed_place: string | null;
  decline_reason: string | null;
  event_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: CreatedAt;
}

export interface MailDeliveriesTable {
  id: Generated<string>;
  key: string;
  to_address: string;
  subject: string;
  text_body: string;
  headers: Json<Record<string, string>>;
  attachments: Json<{ filename: string; content: string; contentType: string }[]>;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'uncertain'>;
  attempts: Generated<number>;
  created_at: CreatedAt;
  claimed_at: Date | null;
  sent_at: Date | null;
  error: string | null;
  /** Carries a secret or names a rater: never copied to the outbox, text wiped once sent (migration 2026-12-07T16-30). */
  sealed: Generated<boolean>;
}

// ---- Partnership agreements (migration 2026-11-23T11-30-agreements)
export type AgreementStatus = 'draft' | 'signed' | 'in_force' | 'expired' | 'terminated';

export interface AgreementsTable {
  id: Generated<string>;
  number: string;
  kind: 'cooperation' | 'coordination';
  unit_id: string;
  enterprise_id: string | null;
  association_id: string | null;
  title: string;
  search_text: Generated<string>;
  signed_on: ColumnType<string | null, string | null | undefined, string | null>;
  expires_on: ColumnType<string | null, string | null | undefined, string | null>;
  commitments: Generated<string>;
  status: Generated<AgreementStatus>;
  status_reason: string | null;
  document_name: string | null;
  document_size: number | null;
  document_path: string | null;
  renewal_reminded_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AgreementTargetsTable {
  unit_id: string;
  year: number;
  target_min: number;
  target_max: number | null;
  updated_at: Timestamp;
}

// ---- Information to businesses (migration 2026-11-23T12-00-documents)
type DateText = ColumnType<string, string, string>;

export interface LegalDocumentsTable {
  id: Generated<string>;
  number: string;
  doc_type: 'law' | 'decree' | 'decision' | 'circular' | 'official_letter';
  issuer: string;
  title: string;
  issued_on: DateText;
  effective_on: ColumnType<string | null, string | null | undefined, string | null>;
  summary_vi: string;
  summary_en: Generated<string>;
  topics: string[];
  status: Generated<'in_force' | 'amended' | 'replaced' | 'expired'>;
  replaced_by_id: string | null;
  file_url: string | null;
  search_text: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  /** The unit whose officers maintain the record (migration 2026-11-23T14-00-document-files). */
  unit_id: string | null;
}

export interface TopicSubscriptionsTable {
  id: Generated<string>;
  kind: 'enterprise' | 'association';
  user_id: string;
  enterprise_id: string | null;
  association_id: string | null;
  topics: string[];
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NewsletterOptoutsTable {
  email: string;
  at: CreatedAt;
}

export interface NewsletterItem {
  kind: 'document' | 'question' | 'event';
  id: string;
  title: string;
  detail: string;
  topics: string[];
}

export interface NewslettersTable {
  id: Generated<string>;
  month: string;
  status: Generated<'draft' | 'sent'>;
  intro_vi: string;
  items: Json<NewsletterItem[]>;
  recipients: Generated<number>;
  created_at: CreatedAt;
  sent_at: Date | null;
  sent_by: string | null;
  /** null: the General Department's (national) issue. */
  unit_id: string | null;
}

export interface NewsletterRecipientsTable {
  newsletter_id: string;
  email: string;
  token: string;
  unsubscribed_at: Date | null;
  /** Left out of the send (no mail queued), and why. */
  skipped: 'unsubscribed' | null;
}

export interface LegalDocumentFilesTable {
  id: Generated<string>;
  document_id: string;
  /** 1, 2, … per document, in upload order. */
  version: number;
  file_name: string;
  stored_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  replaced_at: Date | null;
}

export interface AnnouncementsTable {
  id: Generated<string>;
  unit_id: string;
  title: string;
  body: string;
  published_at: Timestamp;
  expires_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
}
