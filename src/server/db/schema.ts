// Table types for Kysely. Written by hand beside the migrations they describe.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

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

export interface SignInAttemptsTable {
  id: Generated<number>;
  key: string;
  succeeded: boolean;
  at: CreatedAt;
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

export interface RollupPendingTable {
  id: Generated<number>;
  day: string;
  unit_path: string[];
  officer_id: string | null;
  channel: string;
  type_code: string;
  subject_kind: string;
  /** The stage a stage rating is about; '' for other subjects. */
  stage: Generated<string>;
  stars: number;
  flags: string[];
  sign: number;
}

interface RollupCounts {
  n: number;
  stars_sum: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  f_inconvenience: number;
  f_harassment: number;
  f_negativity: number;
  f_delay: number;
  f_error: number;
}

export interface RollupUnitDayTable extends RollupCounts {
  day: string;
  unit_id: string;
  channel: string;
  type_code: string;
  subject_kind: string;
  stage: string;
}

export interface RollupUnitDayTotalTable extends RollupCounts {
  day: string;
  unit_id: string;
}

/** The same counts per calendar month ('YYYY-MM-01'). */
export interface RollupUnitMonthTable extends RollupCounts {
  month: string;
  unit_id: string;
  channel: string;
  type_code: string;
  subject_kind: string;
  stage: string;
}

export interface RollupUnitMonthTotalTable extends RollupCounts {
  month: string;
  unit_id: string;
}

export interface RollupOfficerDayTable extends RollupCounts {
  day: string;
  officer_id: string;
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

export interface Database {
  units: UnitsTable;
  unit_history: UnitHistoryTable;
  enterprises: EnterprisesTable;
  broker_clients: BrokerClientsTable;
  associations: AssociationsTable;
  association_members: AssociationMembersTable;
  officers: OfficersTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  audit_log: AuditLogTable;
  api_clients: ApiClientsTable;
  mail_outbox: MailOutboxTable;
  declarations: DeclarationsTable;
  declaration_steps: DeclarationStepsTable;
  assessments: AssessmentsTable;
  assessment_ratings: AssessmentRatingsTable;
  flag_cases: FlagCasesTable;
  flag_case_events: FlagCaseEventsTable;
  rollup_pending: RollupPendingTable;
  rollup_unit_day: RollupUnitDayTable;
  rollup_officer_day: RollupOfficerDayTable;
  rollup_unit_day_total: RollupUnitDayTotalTable;
  rollup_unit_month: RollupUnitMonthTable;
  rollup_unit_month_total: RollupUnitMonthTotalTable;
  import_jobs: ImportJobsTable;
  events: EventsTable;
  event_invitees: EventInviteesTable;
  event_registrations: EventRegistrationsTable;
  event_questions: EventQuestionsTable;
  event_question_votes: EventQuestionVotesTable;
  dialogue_requests: DialogueRequestsTable;
  mail_deliveries: MailDeliveriesTable;
  agreements: AgreementsTable;
  agreement_targets: AgreementTargetsTable;
  legal_documents: LegalDocumentsTable;
  topic_subscriptions: TopicSubscriptionsTable;
  newsletter_optouts: NewsletterOptoutsTable;
  newsletters: NewslettersTable;
  newsletter_recipients: NewsletterRecipientsTable;
  announcements: AnnouncementsTable;
  qa_entries: QaEntriesTable;
  qa_entry_versions: QaEntryVersionsTable;
  qa_searches: QaSearchesTable;
  support_requests: SupportRequestsTable;
  support_messages: SupportMessagesTable;
  support_attachments: SupportAttachmentsTable;
  support_followers: SupportFollowersTable;
  support_canned_answers: SupportCannedAnswersTable;
  support_routes: SupportRoutesTable;
  support_events: SupportEventsTable;
  legal_document_files: LegalDocumentFilesTable;
  qa_search: QaSearchTable;
  qa_search_words: QaSearchWordsTable;
  qa_words: QaWordsTable;
  support_inbound_mails: SupportInboundMailsTable;
  support_service_levels: SupportServiceLevelsTable;
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
