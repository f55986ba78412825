import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../contracts/common.ts';
import { QueryError } from '../components/Feedback.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { ForbiddenPage } from './ErrorPages.tsx';
import { hasRole, useSession } from './session.ts';

/** Signed-in pages: send strangers to sign in, and bring them back afterwards. */
export function RequireAuth() {
  const { me, isLoading, error, refetch } = useSession();
  const location = useLocation();
  if (isLoading) return <PageLoader />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/dang-nhap?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { me } = useSession();
  if (!hasRole(me, roles)) return <ForbiddenPage />;
  return <Outlet />;
}
