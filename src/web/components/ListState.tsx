import type { ReactNode } from 'react';
import { EmptyState, QueryError } from './Feedback.tsx';
import { PageLoader, TableSkeleton } from './PageLoader.tsx';

/** What ListState reads of a TanStack query result. */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => Promise<unknown>;
}

/** A list with no rows: an empty array, or a page whose `items` is empty. */
export function isEmptyList(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (typeof data === 'object' && data !== null && 'items' in data && Array.isArray(data.items)) {
    return data.items.length === 0;
  }
  return false;
}

/**
 * The states of a page or card that shows one query: a skeleton (or a page loader)
 * while it loads, the error with a retry, an empty message, else the content.
 * As before, an error after a refetch keeps showing the data that was there.
 */
export function ListState<T>({
  query,
  empty,
  isEmpty = isEmptyList,
  loader = 'table',
  rows,
  retry = true,
  children,
}: {
  query: QueryLike<T>;
  /** Shown instead of the content when the data is empty; without it the content renders anyway. */
  empty?: string;
  isEmpty?: (data: T) => boolean;
  /** A table skeleton (lists) or the centred page loader (a single record). */
  loader?: 'table' | 'page';
  rows?: number;
  retry?: boolean;
  children: (data: T) => ReactNode;
}) {
  const { data } = query;
  return (
    <>
      {query.isPending && (loader === 'page' ? <PageLoader /> : <TableSkeleton rows={rows} />)}
      {query.isError && <QueryError error={query.error} onRetry={retry ? () => void query.refetch() : undefined} />}
      {data !== undefined && (empty !== undefined && isEmpty(data) ? <EmptyState>{empty}</EmptyState> : children(data))}
    </>
  );
}
