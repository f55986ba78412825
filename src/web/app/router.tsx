// Routes. Each feature page is its own chunk (React.lazy), so the public pages
// load only the shell and themselves.
import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { NotFoundPage, RouteError } from './ErrorPages.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';
import { AppLayout } from './layout/AppLayout.tsx';

const HomePage = lazy(() => import('../features/public/HomePage.tsx'));
const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx'));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx'));
const UnitsPage = lazy(() => import('../features/admin/units/UnitsPage.tsx'));
const AccountsPage = lazy(() => import('../features/admin/accounts/AccountsPage.tsx'));
const ApiKeysPage = lazy(() => import('../features/admin/api-keys/ApiKeysPage.tsx'));
const AuditPage = lazy(() => import('../features/admin/audit/AuditPage.tsx'));
const OutboxPage = lazy(() => import('../features/admin/outbox/OutboxPage.tsx'));
const QuestionsPage = lazy(() => import('../features/questions/QuestionsPage.tsx'));
const QuestionEntryPage = lazy(() => import('../features/questions/EntryPage.tsx'));
const QaEntriesPage = lazy(() => import('../features/questions/EntriesPage.tsx'));
const QaEditorPage = lazy(() => import('../features/questions/EntryEditorPage.tsx'));
const SupportRequestsPage = lazy(() => import('../features/support/RequestsPage.tsx'));
const SupportNewRequestPage = lazy(() => import('../features/support/NewRequestPage.tsx'));
const SupportRequestPage = lazy(() => import('../features/support/RequestPage.tsx'));
const SupportDashboardPage = lazy(() => import('../features/support/SupportDashboardPage.tsx'));

const SUPPORT_STAFF = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'gd_staff'] as const;
const SUPPORT_USERS = [...SUPPORT_STAFF, 'enterprise_user', 'broker', 'association_rep'] as const;

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
          { path: 'sign-in', element: <Navigate to="/dang-nhap" replace /> },
          { path: 'hoi-dap', element: <QuestionsPage /> },
          { path: 'hoi-dap/:id', element: <QuestionEntryPage /> },
          {
            path: 'app',
            element: <RequireAuth />,
            children: [
              { index: true, element: <DashboardPage /> },
              { path: 'account', element: <AccountPage /> },
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
                path: 'ho-tro',
                element: <RequireRole roles={SUPPORT_USERS} />,
                children: [
                  { index: true, element: <SupportRequestsPage /> },
                  { path: 'moi', element: <SupportNewRequestPage /> },
                  { path: ':id', element: <SupportRequestPage /> },
                ],
              },
              { path: 'ho-tro-bao-cao', element: <RequireRole roles={SUPPORT_STAFF} />, children: [{ index: true, element: <SupportDashboardPage /> }] },
              {
                path: 'hoi-dap',
                element: <RequireRole roles={SUPPORT_STAFF} />,
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
