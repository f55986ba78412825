// Fan-out of screen events to the screens connected to this process.
//
// Every process follows one sequence table (`screen_events`) by polling it, a few
// times a second, only while a screen is connected here. We chose polling over
// LISTEN/NOTIFY: it works the same on PostgreSQL and on the embedded PGlite
// (whose worker-thread connection speaks the node-postgres API but delivers no
// notifications to other connections), a process that was away misses nothing,
// and a screen's Last-Event-ID is simply a position in the table.
//
// Ids come from a sequence, so a transaction that took id 41 may commit after
// the one that took 42. The poller delivers what it sees at once, keeps its
// cursor below any gap and skips a gap once it is older than GAP_WAIT_MS (an
// aborted transaction leaves a gap for ever).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from './repository.ts';

export interface LiveUpdate {
  eventId: number;
  row: repo.BoardRowRecord;
}
type Listener = (updates: LiveUpdate[]) => void;

const GAP_WAIT_MS = 3000;
const BATCH = 2000;

export function createScreenHub(deps: { db: Kysely<Database>; intervalMs?: number; log?: (error: unknown) => void }) {
  const { db } = deps;
  const intervalMs = deps.intervalMs ?? 200;
  const listeners = new Map<string, Set<Listener>>();
  let cursor: number | null = null;
  const seen = new Set<number>();
  let gapSince: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let polling = false;
  let closed = false;

  const size = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  async function poll(): Promise<void> {
    if (polling || closed) return;
    polling = true;
    try {
      if (cursor === null) cursor = Number((await repo.findLatestEventId(db)).id);
      const events = await repo.findEventsAfter(db, cursor, BATCH);
      const fresh = events.filter((e) => !seen.has(Number(e.id)));
      for (const e of fresh) seen.add(Number(e.id));
      advance();
      const wanted = fresh.filter((e) => listeners.has(e.office_unit_id));
      if (wanted.length === 0) return;
      const rows = new Map(
        (await repo.findBoardRowsOf(db, [...new Set(wanted.map((e) => e.declaration_id))])).map((r) => [
          r.declaration_id,
          r,
        ]),
      );
      const byOffice = new Map<string, LiveUpdate[]>();
      for (const e of wanted) {
        const row = rows.get(e.declaration_id);
        if (!row) continue;
        const list = byOffice.get(e.office_unit_id) ?? [];
        list.push({ eventId: Number(e.id), row });
        byOffice.set(e.office_unit_id, list);
      }
      for (const [office, updates] of byOffice)
        for (const listener of listeners.get(office) ?? []) {
          try {
            listener(updates);
          } catch (error) {
            deps.log?.(error);
          }
        }
    } catch (error) {
      deps.log?.(error);
    } finally {
      polling = false;
    }
  }

  /** Moves the cursor over the ids seen without a gap; past a gap that waited too long. */
  function advance(): void {
    if (cursor === null) return;
    while (seen.has(cursor + 1)) seen.delete(++cursor);
    if (seen.size === 0) {
      gapSince = null;
      return;
    }
    const now = performance.now(); // elapsed process time, not a moment of the domain
    if (gapSince === null) gapSince = now;
    else if (now - gapSince > GAP_WAIT_MS) {
      cursor = Math.min(...seen) - 1;
      gapSince = null;
      advance();
    }
  }

  function start(): void {
    if (timer || closed) return;
    timer = setInterval(() => void poll(), intervalMs);
    timer.unref();
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
    cursor = null; // a later start reads from the then latest event: screens catch up by Last-Event-ID
    seen.clear();
    gapSince = null;
  }

  return {
    subscribe(officeId: string, listener: Listener): () => void {
      const set = listeners.get(officeId) ?? new Set();
      set.add(listener);
      listeners.set(officeId, set);
      start();
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(officeId);
        if (size() === 0) stop();
      };
    },
    /** Connected screens (for the health of the stream and the tests). */
    connections: size,
    /** Polls now (tests, instead of waiting for the timer). */
    poll,
    close(): void {
      closed = true;
      stop();
      listeners.clear();
    },
  };
}
export type ScreenHub = ReturnType<typeof createScreenHub>;
