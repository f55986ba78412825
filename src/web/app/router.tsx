// Routes. Each feature page is its own chunk (lazyPage), so the public pages
// load only the shell and themselves. Declarative routes (useRoutes under a BrowserRouter):
// nothing here uses loaders or actions, and the data router would add 15 kB to every page.
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { NotFoundPage } from './ErrorPages.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { lazyPage } from './lazyPage.ts';
import {
  CASE_HANDLER_ROLES,
  CDCI_BRANCH_ROLES,
  CDCI_METHOD_ROLES,
  ENTERPRISE_ROLES,
  IMPORT_ROLES,
  MEASURE_VIEWER_ROLES,
  ORGANIZER_ROLES,
  RESULTS_ROLES,
  STAFF_ROLES,
  SUPPORT_ROLES,
  SURVEY_OWNER_ROLES,
  SURVEY_FORWARDER_ROLES,
  SURVEY_RESPONDENT_ROLES,
} from '../../contracts/roles.ts';

const HomePage = lazyPage(() => import('../features/public/HomePage.tsx'));
const SignInPage = lazyPage(() => import('../features/auth/SignInPage.tsx'));
const SignInLinkPage = lazyPage(() => import('../features/auth/SignInLinkPage.tsx'));
const DashboardPage = lazyPage(() => import('../features/dashboard/DashboardPage.tsx'));
const AccountPage = lazyPage(() => import('../features/account/AccountPage.tsx'));
const UnitsPage = lazyPage(() => import('../features/admin/units/UnitsPage.tsx'));
const AccountsPage = lazyPage(() => import('../features/admin/accounts/AccountsPage.tsx'));
const ApiKeysPage = lazyPage(() => import('../features/admin/api-keys/ApiKeysPage.tsx'));
const AuditPage = lazyPage(() => import('../features/admin/audit/AuditPage.tsx'));
const OutboxPage = lazyPage(() => import('../features/admin/outbox/OutboxPage.tsx'));
const RatingLinkPage = lazyPage(() => import('../features/rating/RatingLinkPage.tsx'));
const MyDeclarationsPage = lazyPage(() => import('../features/declarations/MyDeclarationsPage.tsx'));
const MyDeclarationPage = lazyPage(() => import('../features/declarations/MyDeclarationPage.tsx'));
const ImportPage = lazyPage(() => import('../features/declarations/ImportPage.tsx'));
const CasesPage = lazyPage(() => import('../features/cases/CasesPage.tsx'));
const CaseDetailPage = lazyPage(() => import('../features/cases/CaseDetailPage.tsx'));
const ResultsPage = lazyPage(() => import('../features/results/ResultsPage.tsx'));
const OfficerResultsPage = lazyPage(() => import('../features/results/OfficerResultsPage.tsx'));
const MonthlyReportPage = lazyPage(() => import('../features/results/MonthlyReportPage.tsx'));
const EventsPage = lazyPage(() => import('../features/events/EventsPage.tsx'));
const EventPage = lazyPage(() => import('../features/events/EventPage.tsx'));
const EventResultsPage = lazyPage(() => import('../features/events/ResultsPage.tsx'));
const DialoguesPage = lazyPage(() => import('../features/events/DialoguesPage.tsx'));
const AgreementsPage = lazyPage(() => import('../features/agreements/AgreementsPage.tsx'));
const DocumentsPage = lazyPage(() => import('../features/documents/DocumentsPage.tsx'));
const NewslettersPage = lazyPage(() => import('../features/documents/NewslettersPage.tsx'));
const UnsubscribePage = lazyPage(() => import('../features/documents/UnsubscribePage.tsx'));
const DeliveryLogPage = lazyPage(() => import('../features/documents/DeliveryLogPage.tsx'));
const QuestionsPage = lazyPage(() => import('../features/questions/QuestionsPage.tsx'));
const QuestionEntryPage = lazyPage(() => import('../features/questions/EntryPage.tsx'));
const QaEntriesPage = lazyPage(() => import('../features/questions/EntriesPage.tsx'));
const QaEditorPage = lazyPage(() => import('../features/questions/EntryEditorPage.tsx'));
const QaSynonymsPage = lazyPage(() => import('../features/questions/SynonymsPage.tsx'));
const SupportRequestsPage = lazyPage(() => import('../features/support/RequestsPage.tsx'));
const SupportNewRequestPage = lazyPage(() => import('../features/support/NewRequestPage.tsx'));
const SupportRequestPage = lazyPage(() => import('../features/support/RequestPage.tsx'));
const SupportDashboardPage = lazyPage(() => import('../features/support/SupportDashboardPage.tsx'));
const SupportInboxPage = lazyPage(() => import('../features/support/InboxPage.tsx'));
const PlansPage = lazyPage(() => import('../features/plan/PlansPage.tsx'));
const PlanPage = lazyPage(() => import('../features/plan/PlanPage.tsx'));
const PlanReportPage = lazyPage(() => import('../features/plan/ReportPage.tsx'));
const ContestsPage = lazyPage(() => import('../features/contests/ContestsPage.tsx'));
const ContestPage = lazyPage(() => import('../features/contests/ContestPage.tsx'));
const ContestPlayPage = lazyPage(() => import('../features/contests/PlayPage.tsx'));
const ContestHallPage = lazyPage(() => import('../features/contests/HallPage.tsx'));
const QaReviewTasksPage = lazyPage(() => import('../features/contests/ReviewTasksPage.tsx'));
const SurveysPage = lazyPage(() => import('../features/surveys/SurveysPage.tsx'));
const SurveyPage = lazyPage(() => import('../features/surveys/SurveyPage.tsx'));
const SurveyAnswerPage = lazyPage(() => import('../features/surveys/AnswerPage.tsx'));
const SurveyResultsPage = lazyPage(() => import('../features/surveys/ResultsPage.tsx'));
const PublicSurveyResultsPage = lazyPage(() => import('../features/surveys/PublicResultsPage.tsx'));
const PublishedSurveysPage = lazyPage(() => import('../features/surveys/PublishedSurveysPage.tsx'));
const ScreensPage = lazyPage(() => import('../features/screens/ScreensPage.tsx'));
const ScreenBoardPage = lazyPage(() => import('../features/screens/ScreenBoardPage.tsx'));
const PairScreenPage = lazyPage(() => import('../features/screens/PairScreenPage.tsx'));
const FollowPage = lazyPage(() => import('../features/screens/FollowPage.tsx'));
const FollowDeclarationPage = lazyPage(() => import('../features/screens/FollowDeclarationPage.tsx'));
const CdciPublicPage = lazyPage(() => import('../features/cdci/PublicIndexPage.tsx'));
const CdciMethodsPage = lazyPage(() => import('../features/cdci/MethodsPage.tsx'));
const CdciSandboxPage = lazyPage(() => import('../features/cdci/SandboxPage.tsx'));
const CdciBranchPage = lazyPage(() => import('../features/cdci/BranchPage.tsx'));
const ConsultationsPage = lazyPage(() => import('../features/consultations/ConsultationsPage.tsx'));
const ConsultationPage = lazyPage(() => import('../features/consultations/ConsultationPage.tsx'));
const ConsultationReportPage = lazyPage(() => import('../features/consultations/ReportPage.tsx'));
const ConsultationManageListPage = lazyPage(() => import('../features/consultations/ManageListPage.tsx'));
const ConsultationManagePage = lazyPage(() => import('../features/consultations/ManagePage.tsx'));
const SupportServiceLevelsPage = lazyPage(() => import('../features/support/ServiceLevelsPage.tsx'));

const routes: RouteObject[] = [
  // A waiting-room TV: the whole screen is the board, no app chrome.
  { path: 'man-hinh/:key', element: <ScreenBoardPage /> },
  {
    element: <AppLayout />,
    children: [
      {
        children: [
          { index: true, element: <HomePage /> },
          { path: 'dang-nhap', element: <SignInPage /> },
          { path: 'dang-nhap/lien-ket', element: <SignInLinkPage /> },
          { path: 'sign-in', element: <Navigate to="/dang-nhap" replace /> },
          { path: 'danh-gia/:token', element: <RatingLinkPage /> },
          { path: 'khao-sat/:token', element: <SurveyAnswerPage /> },
          { path: 'ket-qua-khao-sat', element: <PublishedSurveysPage /> },
          { path: 'man-hinh', element: <PairScreenPage /> },
          { path: 'theo-doi', element: <FollowPage /> },
          { path: 'theo-doi/:token', element: <FollowDeclarationPage /> },
          { path: 'ket-qua-khao-sat/:id', element: <PublicSurveyResultsPage /> },
          { path: 'van-ban', element: <DocumentsPage /> },
          { path: 'gop-y', element: <ConsultationsPage /> },
          { path: 'gop-y/:id', element: <ConsultationPage /> },
          { path: 'gop-y/:id/bao-cao', element: <ConsultationReportPage /> },
          { path: 'huy-dang-ky/:token', element: <UnsubscribePage /> },
          { path: 'hoi-dap', element: <QuestionsPage /> },
          { path: 'hoi-dap/:id', element: <QuestionEntryPage /> },
          { path: 'chi-so', element: <CdciPublicPage /> },
          { path: 'chi-so/:id', element: <CdciPublicPage /> },
          {
            path: 'app',
            element: <RequireAuth />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'account', element: <AccountPage /> },
              {
                element: <RequireRole roles={ENTERPRISE_ROLES} />,
                children: [
                  { path: 'to-khai', element: <MyDeclarationsPage /> },
                  { path: 'to-khai/:number', element: <MyDeclarationPage /> },
                ],
              },
              {
                element: <RequireRole roles={CASE_HANDLER_ROLES} />,
                children: [
                  { path: 'phan-anh', element: <CasesPage /> },
                  { path: 'phan-anh/:id', element: <CaseDetailPage /> },
                ],
              },
              {
                path: 'man-hinh',
                element: <RequireRole roles={ORGANIZER_ROLES} />,
                children: [{ index: true, element: <ScreensPage /> }],
              },
              {
                path: 'nhap-to-khai',
                element: <RequireRole roles={IMPORT_ROLES} />,
                children: [{ index: true, element: <ImportPage /> }],
              },
              {
                path: 'admin',
                element: <RequireRole roles={['admin']} />,
                children: [
                  { index: true, element: <Navigate to="/app/admin/units" replace /> },
                  { path: 'units', element: <UnitsPage /> },
                  { path: 'accounts', element: <AccountsPage /> },
                  { path: 'api-keys', element: <ApiKeysPage /> },
                  { path: 'audit', element: <AuditPage /> },
                  { path: 'outbox', element: <OutboxPage /> },
                ],
              },
              {
                path: 'ket-qua',
                element: <RequireRole roles={RESULTS_ROLES} />,
                children: [
                  { index: true, element: <ResultsPage /> },
                  { path: 'don-vi/:unitId', element: <ResultsPage /> },
                  { path: 'cong-chuc/:officerId', element: <OfficerResultsPage /> },
                  { path: 'bao-cao', element: <MonthlyReportPage /> },
                ],
              },
              {
                path: 'ke-hoach',
                element: <RequireRole roles={MEASURE_VIEWER_ROLES} />,
                children: [
                  { index: true, element: <PlansPage /> },
                  { path: ':id', element: <PlanPage /> },
                  { path: ':id/bao-cao', element: <PlanReportPage /> },
                ],
              },
              {
                path: 'cuoc-thi',
                element: <RequireRole roles={[...ORGANIZER_ROLES, ...ENTERPRISE_ROLES]} />,
                children: [
                  { index: true, element: <ContestsPage /> },
                  { path: ':id', element: <ContestPage /> },
                  { path: 'vong/:roundId', element: <ContestPlayPage /> },
                ],
              },
              {
                path: 'cuoc-thi/vong/:roundId/man-hinh',
                element: <RequireRole roles={ORGANIZER_ROLES} />,
                children: [{ index: true, element: <ContestHallPage /> }],
              },
              {
                path: 'hoi-dap-ra-soat',
                element: <RequireRole roles={STAFF_ROLES} />,
                children: [{ index: true, element: <QaReviewTasksPage /> }],
              },
              {
                path: 'khao-sat',
                element: (
                  <RequireRole roles={[...SURVEY_OWNER_ROLES, ...SURVEY_RESPONDENT_ROLES, ...SURVEY_FORWARDER_ROLES]} />
                ),
                children: [{ index: true, element: <SurveysPage /> }],
              },
              {
                path: 'chi-so',
                element: <RequireRole roles={CDCI_METHOD_ROLES} />,
                children: [
                  { index: true, element: <CdciMethodsPage /> },
                  { path: 'thu-nghiem', element: <CdciSandboxPage /> },
                ],
              },
              {
                path: 'chi-so/chi-cuc',
                element: <RequireRole roles={CDCI_BRANCH_ROLES} />,
                children: [
                  { index: true, element: <CdciBranchPage /> },
                  { path: ':unitId', element: <CdciBranchPage /> },
                ],
              },
              {
                path: 'khao-sat/tra-loi/:id',
                element: <RequireRole roles={SURVEY_RESPONDENT_ROLES} />,
                children: [{ index: true, element: <SurveyAnswerPage /> }],
              },
              {
                path: 'khao-sat/:id',
                element: <RequireRole roles={SURVEY_OWNER_ROLES} />,
                children: [
                  { index: true, element: <SurveyPage /> },
                  { path: 'ket-qua', element: <SurveyResultsPage /> },
                ],
              },
              {
                path: 'gop-y',
                element: <RequireRole roles={ORGANIZER_ROLES} />,
                children: [
                  { index: true, element: <ConsultationManageListPage /> },
                  { path: ':id', element: <ConsultationManagePage /> },
                ],
              },
              { path: 'events', element: <EventsPage /> },
              { path: 'event-results', element: <EventResultsPage /> },
              { path: 'events/:id', element: <EventPage /> },
              { path: 'dialogues', element: <DialoguesPage /> },
              { path: 'agreements', element: <AgreementsPage /> },
              { path: 'newsletters', element: <NewslettersPage /> },
              { path: 'newsletters/:id/deliveries', element: <DeliveryLogPage /> },
              {
                path: 'ho-tro',
                element: <RequireRole roles={SUPPORT_ROLES} />,
                children: [
                  { index: true, element: <SupportRequestsPage /> },
                  { path: 'moi', element: <SupportNewRequestPage /> },
                  { path: ':id', element: <SupportRequestPage /> },
                ],
              },
              {
                path: 'ho-tro-bao-cao',
                element: <RequireRole roles={STAFF_ROLES} />,
                children: [{ index: true, element: <SupportDashboardPage /> }],
              },
              {
                path: 'ho-tro-thu-den',
                element: <RequireRole roles={STAFF_ROLES} />,
                children: [{ index: true, element: <SupportInboxPage /> }],
              },
              {
                path: 'ho-tro-thoi-han',
                element: <RequireRole roles={STAFF_ROLES} />,
                children: [{ index: true, element: <SupportServiceLevelsPage /> }],
              },
              {
                path: 'hoi-dap-dong-nghia',
                element: <RequireRole roles={STAFF_ROLES} />,
                children: [{ index: true, element: <QaSynonymsPage /> }],
              },
              {
                path: 'hoi-dap',
                element: <RequireRole roles={STAFF_ROLES} />,
                children: [
                  { index: true, element: <QaEntriesPage /> },
                  { path: ':id', element: <QaEditorPage /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
