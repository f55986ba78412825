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
const EventsPage = lazy(() => import('../features/events/EventsPage.tsx'));
const EventPage = lazy(() => import('../features/events/EventPage.tsx'));
const EventResultsPage = lazy(() => import('../features/events/ResultsPage.tsx'));
const DialoguesPage = lazy(() => import('../features/events/DialoguesPage.tsx'));
const AgreementsPage = lazy(() => import('../features/agreements/AgreementsPage.tsx'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage.tsx'));
const NewslettersPage = lazy(() => import('../features/documents/NewslettersPage.tsx'));
const UnsubscribePage = lazy(() => import('../features/documents/UnsubscribePage.tsx'));

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
          { path: 'van-ban', element: <DocumentsPage /> },
          { path: 'huy-dang-ky/:token', element: <UnsubscribePage /> },
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
              { path: 'events', element: <EventsPage /> },
              { path: 'event-results', element: <EventResultsPage /> },
              { path: 'events/:id', element: <EventPage /> },
              { path: 'dialogues', element: <DialoguesPage /> },
              { path: 'agreements', element: <AgreementsPage /> },
              { path: 'newsletters', element: <NewslettersPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
