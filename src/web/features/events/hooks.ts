// Server calls of the events pages.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventDetail, EventSummary } from '../../../contracts/events.ts';
import { api } from '../../app/api.ts';
import { eventKeys } from './keys.ts';
import { vietnamDateTime } from '../../../contracts/vietnam-time.ts';

export function useEvents(query: { when: string; q: string }) {
  return useQuery({
    queryKey: eventKeys.list(query),
    queryFn: () => api<EventSummary[]>('/api/events', { query: { when: query.when, q: query.q, limit: 100 } }),
  });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: eventKeys.one(id), queryFn: () => api<EventDetail>(`/api/events/${id}`) });
}

/** A change to one event: the answer is the event as it now is. */
export function useEventAction<B>(id: string, path: (body: B) => string, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<EventDetail>(path(body), { method: 'POST', body: body ?? undefined }),
    onSuccess: async (event) => {
      client.setQueryData(eventKeys.one(id), event);
      await client.invalidateQueries({ queryKey: eventKeys.all });
      onDone?.();
    },
  });
}

/** "2026-11-30T07:30" typed in a form is Vietnam time. */
export function vietnamIso(local: string): string {
  return local ? vietnamDateTime(local) : '';
}
