// Table types for Kysely, written by hand beside the migrations they describe:
// one file per area under schema/, and the Database that maps table names to them.
export * from './schema/common.ts';
export * from './schema/platform.ts';
export * from './schema/assessments.ts';
export * from './schema/partnership.ts';
export * from './schema/support.ts';
export * from './schema/disclosure.ts';
export * from './schema/surveys.ts';
export * from './schema/plan.ts';
export * from './schema/screens.ts';
export * from './schema/cdci.ts';
export * from './schema/consultations.ts';
import type {
  ConsultationArticlesTable,
  ConsultationChangeLinksTable,
  ConsultationCommentsTable,
  ConsultationMemberViewsTable,
  ConsultationNoticesTable,
  ConsultationsTable,
} from './schema/consultations.ts';
export * from './schema/contests.ts';
import type {
  ApiClientsTable,
  AssociationMembersTable,
  AssociationsTable,
  AuditLogTable,
  BrokerClientsTable,
  EnterprisesTable,
  MailOutboxTable,
  OfficersTable,
  SessionsTable,
  SignInCountersTable,
  SignInLinksTable,
  UnitHistoryTable,
  UnitsTable,
  UserRolesTable,
  UsersTable,
} from './schema/platform.ts';
import type {
  AssessmentRatingsTable,
  AssessmentsTable,
  RatingAccessCodesTable,
  RatingAccessGrantsTable,
  RatingAuditPendingTable,
  DeclarationStepsTable,
  DeclarationsTable,
  FlagCaseEventsTable,
  FlagCasesTable,
  ImportJobsTable,
} from './schema/assessments.ts';
import type {
  AgreementTargetsTable,
  AgreementsTable,
  AnnouncementsTable,
  DialogueRequestsTable,
  EventInviteesTable,
  EventQuestionVotesTable,
  EventQuestionsTable,
  EventRegistrationsTable,
  EventsTable,
  LegalDocumentFilesTable,
  LegalDocumentsTable,
  MailDeliveriesTable,
  NewsletterOptoutsTable,
  NewsletterRecipientsTable,
  NewslettersTable,
  TopicSubscriptionsTable,
} from './schema/partnership.ts';
import type {
  DisclosureCellsTable,
  DisclosureCommentBatchesTable,
  DisclosureReleasesTable,
} from './schema/disclosure.ts';
import type {
  QaEntriesTable,
  QaEntryVersionsTable,
  QaSearchTable,
  QaSearchWordsTable,
  QaSearchesTable,
  QaWordsTable,
  QaSynonymsTable,
  SupportAttachmentsTable,
  SupportCannedAnswersTable,
  SupportEventsTable,
  SupportFollowersTable,
  SupportInboundMailsTable,
  SupportMessagesTable,
  SupportRequestsTable,
  SupportRoutesTable,
  SupportServiceLevelsTable,
} from './schema/support.ts';
import type {
  SurveyCountsTable,
  SurveyInvitationTokensTable,
  SurveyInvitationsTable,
  SurveyResponsesTable,
  SurveyTextsTable,
  SurveyResultViewsTable,
  SurveyForwardsTable,
  SurveysTable,
} from './schema/surveys.ts';
import type {
  PlanActivitiesTable,
  PlanAlertsTable,
  PlanProgressTable,
  PlanReportsTable,
  PlanTargetsTable,
  PlansTable,
} from './schema/plan.ts';
import type { DeclarationProgressTable, ScreenEventsTable, ScreensTable } from './schema/screens.ts';
import type { CdciDepartmentScoresTable, CdciMethodsTable, CdciResultsTable } from './schema/cdci.ts';
import type {
  ContestAnswersTable,
  ContestAttemptsTable,
  ContestQuestionsTable,
  ContestRegistrationsTable,
  ContestRoundsTable,
  ContestsTable,
  QaReviewTasksTable,
} from './schema/contests.ts';

export interface Database {
  plans: PlansTable;
  plan_targets: PlanTargetsTable;
  plan_activities: PlanActivitiesTable;
  plan_reports: PlanReportsTable;
  plan_progress: PlanProgressTable;
  plan_alerts: PlanAlertsTable;
  declaration_progress: DeclarationProgressTable;
  screen_events: ScreenEventsTable;
  screens: ScreensTable;
  consultations: ConsultationsTable;
  consultation_articles: ConsultationArticlesTable;
  consultation_comments: ConsultationCommentsTable;
  consultation_member_views: ConsultationMemberViewsTable;
  consultation_change_links: ConsultationChangeLinksTable;
  consultation_notices: ConsultationNoticesTable;
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  survey_invitation_tokens: SurveyInvitationTokensTable;
  survey_responses: SurveyResponsesTable;
  survey_counts: SurveyCountsTable;
  survey_texts: SurveyTextsTable;
  survey_result_views: SurveyResultViewsTable;
  survey_forwards: SurveyForwardsTable;
  cdci_methods: CdciMethodsTable;
  cdci_department_scores: CdciDepartmentScoresTable;
  cdci_results: CdciResultsTable;
  contests: ContestsTable;
  contest_questions: ContestQuestionsTable;
  contest_rounds: ContestRoundsTable;
  contest_registrations: ContestRegistrationsTable;
  contest_attempts: ContestAttemptsTable;
  contest_answers: ContestAnswersTable;
  qa_review_tasks: QaReviewTasksTable;
  disclosure_releases: DisclosureReleasesTable;
  disclosure_cells: DisclosureCellsTable;
  disclosure_comment_batches: DisclosureCommentBatchesTable;
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
  sign_in_counters: SignInCountersTable;
  sign_in_links: SignInLinksTable;
  audit_log: AuditLogTable;
  api_clients: ApiClientsTable;
  mail_outbox: MailOutboxTable;
  declarations: DeclarationsTable;
  declaration_steps: DeclarationStepsTable;
  assessments: AssessmentsTable;
  assessment_ratings: AssessmentRatingsTable;
  flag_cases: FlagCasesTable;
  flag_case_events: FlagCaseEventsTable;
  import_jobs: ImportJobsTable;
  rating_access_codes: RatingAccessCodesTable;
  rating_access_grants: RatingAccessGrantsTable;
  rating_audit_pending: RatingAuditPendingTable;
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
  qa_synonyms: QaSynonymsTable;
  support_inbound_mails: SupportInboundMailsTable;
  support_service_levels: SupportServiceLevelsTable;
}
