// Routes. Each feature page is its own chunk (React.lazy), so the public pages
// load only the shell and themselves.
import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { NotFoundPage, RouteError } from './ErrorPages.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { CASE_HANDLER_ROLES, ENTERPRISE_ROLES, IMPORT_ROLES, RESULTS_ROLES, STAFF_ROLES, SUPPORT_ROLES } from '../../contracts/roles.ts';

const HomePage = lazy(() => import('../features/public/HomePage.tsx'));
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx'));
const SignInLinkPage = lazy(() => import('../features/auth/SignInLinkPage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx'));
const UnitsPage = lazy(() => import('../features/admin/units/UnitsPage.tsx'));
const AccountsPage = lazy(() => import('../features/admin/accounts/AccountsPage.tsx'));
const ApiKeysPage = lazy(() => import('../features/admin/api-keys/ApiKeysPage.tsx'));
const AuditPage = lazy(() => import('../features/admin/audit/AuditPage.tsx'));
const OutboxPage = lazy(() => import('../features/admin/outbox/OutboxPage.tsx'));
const RatingLinkPage = lazy(() => import('../features/rating/RatingLinkPage.tsx'));
const MyDeclarationsPage = lazy(() => import('../features/declarations/MyDeclarationsPage.tsx'));
const MyDeclarationPage = lazy(() => import('../features/declarations/MyDeclarationPage.tsx'));
const ImportPage = lazy(() => import('../features/declarations/ImportPage.tsx'));
const CasesPage = lazy(() => import('../features/cases/CasesPage.tsx'));
const CaseDetailPage = lazy(() => import('../features/cases/CaseDetailPage.tsx'));
const ResultsPage = lazy(() => import('../features/results/ResultsPage.tsx'));
const OfficerResultsPage = lazy(() => import('../features/results/OfficerResultsPage.tsx'));
const MonthlyReportPage = lazy(() => import('../features/results/MonthlyReportPage.tsx'));
const EventsPage = lazy(() => import('../features/events/EventsPage.tsx'));
const EventPage = lazy(() => import('../features/events/EventPage.tsx'));
const EventResultsPage = lazy(() => import('../features/events/ResultsPage.tsx'));
const DialoguesPage = lazy(() => import('../features/events/DialoguesPage.tsx'));
const AgreementsPage = lazy(() => import('../features/agreements/AgreementsPage.tsx'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage.tsx'));
const NewslettersPage = lazy(() => import('../features/documents/NewslettersPage.tsx'));
const UnsubscribePage = lazy(() => import('../features/documents/UnsubscribePage.tsx'));
const DeliveryLogPage = lazy(() => import('../features/documents/DeliveryLogPage.tsx'));
const QuestionsPage = lazy(() => import('../features/questions/QuestionsPage.tsx'));
const QuestionEntryPage = lazy(() => import('../features/questions/EntryPage.tsx'));
const QaEntriesPage = lazy(() => import('../features/questions/EntriesPage.tsx'));
const QaEditorPage = lazy(() => import('../features/questions/EntryEditorPage.tsx'));
const SupportRequestsPage = lazy(() => import('../features/support/RequestsPage.tsx'));
const SupportNewRequestPage = lazy(() => import('../features/support/NewRequestPage.tsx'));
const SupportRequestPage = lazy(() => import('../features/support/RequestPage.tsx'));
const SupportDashboardPage = lazy(() => import('../features/support/SupportDashboardPage.tsx'));
const SupportInboxPage = lazy(() => import('../features/support/InboxPage.tsx'));
const SupportServiceLevelsPage = lazy(() => import('../features/support/ServiceLevelsPage.tsx'));

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'dang-nhap', element: <SignInPage /> },
          { path: 'dang-nhap/lien-ket', element: <SignInLinkPage /> },
          { path: 'sign-in', element: <Navigate to="/dang-nhap" replace /> },
          { path: 'danh-gia/:token', element: <RatingLinkPage /> },
          { path: 'van-ban', element: <DocumentsPage /> },
          { path: 'huy-dang-ky/:token', element: <UnsubscribePage /> },
          { path: 'hoi-dap', element: <QuestionsPage /> },
          { path: 'hoi-dap/:id', element: <QuestionEntryPage /> },
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
              { path: 'nhap-to-khai', element: <RequireRole roles={IMPORT_ROLES} />, children: [{ index: true, element: <ImportPage /> }] },
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
              { path: 'ho-tro-bao-cao', element: <RequireRole roles={STAFF_ROLES} />, children: [{ index: true, element: <SupportDashboardPage /> }] },
              { path: 'ho-tro-thu-den', element: <RequireRole roles={STAFF_ROLES} />, children: [{ index: true, element: <SupportInboxPage /> }] },
              { path: 'ho-tro-thoi-han', element: <RequireRole roles={STAFF_ROLES} />, children: [{ index: true, element: <SupportServiceLevelsPage /> }] },
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
]);
