// Waiting-room screens, the branch's side: set up screens for an office (audited),
// give a TV its key or a pairing code; and the board a screen key reads.
import type { Kysely } from 'kysely';
import { mayManageScreens } from '../../../contracts/roles.ts';
import {
  SCREEN_PAIRING_MINUTES,
  type BoardView,
  type ScreenBody,
  type ScreenDetail,
  screenBody,
} from '../../../contracts/screens.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { figuresOf } from '../dashboards/stats.ts';
import { createDisclosureReader } from '../disclosure/reader.ts';
import { toBoardRow, toScreen, type Announcement } from './mapper.ts';
import { PAIRING_ALPHABET } from './policy.ts';
import * as repo from './repository.ts';

/** How far back a board looks for declarations still being processed. */
const BOARD_LOOKBACK_MS = 24 * 3600_000;
/** A reconnecting screen catches up on at most this many events; beyond, it reloads the board. */
export const CATCH_UP_LIMIT = 500;

export function createScreenService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock, publicBase } = deps;
  const gate = createDisclosureReader(deps);

  async function requireManagedScreen(actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    const row = await repo.findScreen(db, id);
    if (!row || !mayManageScreens(actor) || !canOrganize(actor, await getUnitAncestry(db, row.office_unit_id)))
      throw notFound();
    return row;
  }

  async function listScreens(actor: Actor | null): Promise<ScreenDetail[]> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayManageScreens(actor)) throw forbidden();
    const units = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    return (await repo.findScreens(db, units ?? 'all')).map(toScreen);
  }

  async function getScreen(actor: Actor | null, id: string) {
    return toScreen(await requireManagedScreen(actor, id));
  }

  /** The office of the body, checked: an active branch the actor organizes for; its published questions and documents. */
  async function checkBody(actor: Actor, body: ReturnType<typeof screenBody.parse>) {
    const office = await repo.findOffice(db, body.officeCode.toUpperCase());
    if (!office) throw invalidField('officeCode', 'unknown_office');
    if (!canOrganize(actor, await getUnitAncestry(db, office.id))) throw forbidden();
    const questions = await repo.findPublishedQuestions(db, body.questionIds);
    const missingQuestion = body.questionIds.findIndex((id) => !questions.some((q) => q.id === id));
    if (missingQuestion >= 0) throw invalidField(`questionIds.${missingQuestion}`, 'screen_unknown_question');
    const documents = await repo.findDocuments(db, body.documentIds);
    const missingDocument = body.documentIds.findIndex((id) => !documents.some((d) => d.id === id));
    if (missingDocument >= 0) throw invalidField(`documentIds.${missingDocument}`, 'screen_unknown_document');
    return {
      office_unit_id: office.id,
      name: body.name,
      stages: body.stages,
      rotation: body.rotation,
      language: body.language,
      number_digits: body.numberDigits,
      company_names: body.companyNames,
      question_ids: body.questionIds,
      document_ids: body.documentIds,
      announcements: JSON.stringify(body.announcements satisfies Announcement[]),
      opening_hours: JSON.stringify(body.openingHours),
    };
  }

  function newCredentials() {
    const key = `scr_${randomToken(24)}`;
    const bytes = randomToken(16);
    let pairingCode = '';
    for (let i = 0; i < 8; i++) pairingCode += PAIRING_ALPHABET[bytes.charCodeAt(i) % PAIRING_ALPHABET.length];
    const pairingExpiresAt = new Date(clock.now().getTime() + SCREEN_PAIRING_MINUTES * 60_000);
    return {
      shown: { key, pairingCode, pairingExpiresAt: pairingExpiresAt.toISOString() },
      stored: {
        key_hash: sha256(key),
        key_prefix: key.slice(0, 8),
        pairing_code_hash: sha256(pairingCode),
        pairing_expires_at: pairingExpiresAt,
      },
    };
  }

  async function createScreen(context: AuditContext, input: ScreenBody) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayManageScreens(actor)) throw forbidden();
    const body = screenBody.parse(input);
    const values = await checkBody(actor, body);
    const credentials = newCredentials();
    const now = clock.now();
    const id = await db.transaction().execute(async (tx) => {
      const created = await repo.insertScreen(tx, {
        ...values,
        ...credentials.stored,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      await writeAudit(tx, context, {
        action: 'screen.created',
        entityType: 'screen',
        entityId: created,
        unitId: values.office_unit_id,
        details: { name: body.name, rotation: body.rotation, companyNames: body.companyNames },
      });
      return created;
    });
    return { ...toScreen((await repo.findScreen(db, id))!), credentials: credentials.shown };
  }

  async function updateScreen(context: AuditContext, id: string, input: ScreenBody) {
    const row = await requireManagedScreen(context.actor, id);
    const body = screenBody.parse(input);
    const values = await checkBody(context.actor as Actor, body);
    await db.transaction().execute(async (tx) => {
      await repo.updateScreen(tx, id, values, clock.now());
      await writeAudit(tx, context, {
        action: 'screen.updated',
        entityType: 'screen',
        entityId: id,
        unitId: values.office_unit_id,
        details: {
          name: body.name,
          rotation: body.rotation,
          companyNames: body.companyNames,
          ...(row.office_unit_id !== values.office_unit_id && { movedFrom: row.office_code }),
        },
      });
    });
    return toScreen((await repo.findScreen(db, id))!);
  }

  /** A new key and pairing code; the old key stops working (a lost or stolen TV). */
  async function renewKey(context: AuditContext, id: string) {
    const row = await requireManagedScreen(context.actor, id);
    const credentials = newCredentials();
    await db.transaction().execute(async (tx) => {
      await repo.replaceScreenKey(tx, id, { ...credentials.stored, now: clock.now() });
      await writeAudit(tx, context, {
        action: 'screen.key_renewed',
        entityType: 'screen',
        entityId: id,
        unitId: row.office_unit_id,
      });
    });
    return { ...toScreen((await repo.findScreen(db, id))!), credentials: credentials.shown };
  }

  async function deleteScreen(context: AuditContext, id: string) {
    const row = await requireManagedScreen(context.actor, id);
    await db.transaction().execute(async (tx) => {
      await repo.revokeScreen(tx, id, clock.now());
      await writeAudit(tx, context, {
        action: 'screen.removed',
        entityType: 'screen',
        entityId: id,
        unitId: row.office_unit_id,
      });
    });
    return { ok: true as const };
  }

  /** A TV types its pairing code once and receives a fresh key (the one shown to the branch stops working). */
  async function pair(code: string) {
    const credentials = newCredentials();
    return db.transaction().execute(async (tx) => {
      const taken = await repo.takePairingCode(tx, sha256(code.toUpperCase()), clock.now());
      if (!taken)
        throw new AppError('validation_failed', 'validation_failed', [
          { field: 'code', message: 'pairing_code_invalid' },
        ]);
      await repo.replaceScreenKey(tx, taken.id, {
        ...credentials.stored,
        pairing_code_hash: null,
        pairing_expires_at: null,
        now: clock.now(),
      });
      return { key: credentials.shown.key };
    });
  }

  /** The screen a key opens; 401 for any other key (also a revoked one). */
  async function screenOfKey(key: string) {
    const row = await repo.findScreenByKeyHash(db, sha256(key));
    if (!row) throw new AppError('unauthorized', 'screen_key_invalid');
    return row;
  }

  async function satisfactionOf(officeId: string) {
    const months = await gate.releasedMonths('service_ratings');
    const month = months.at(-1);
    if (!month) return { period: null, published: false, satisfiedShare: null, meanStars: null };
    const figures = figuresOf(
      (await gate.cells('service_ratings', [`unit:${officeId}`], [month])).get(`unit:${officeId}`),
      1,
    );
    return {
      period: month,
      published: figures.published,
      satisfiedShare: figures.published ? figures.satisfiedShare : null,
      meanStars: figures.published ? figures.meanStars : null,
    };
  }

  /** Everything a screen shows, read with its key only. */
  async function getBoard(key: string): Promise<BoardView> {
    const screen = await screenOfKey(key);
    const now = clock.now();
    const lastEventId = String((await repo.findLatestEventId(db)).id);
    const records = await repo.findBoardRows(db, screen.office_unit_id, new Date(now.getTime() - BOARD_LOOKBACK_MS));
    const rows = records
      .flatMap((r) => {
        const row = toBoardRow(r, screen, now);
        return row ? [row] : [];
      })
      .sort((a, b) => b.since.localeCompare(a.since));
    const today = vietnamDay(now);
    const rotation = new Set(screen.rotation);
    const questions = rotation.has('procedures') ? await repo.findPublishedQuestions(db, screen.question_ids) : [];
    const documents = rotation.has('documents') ? await repo.findDocuments(db, screen.document_ids) : [];
    const hours = screen.opening_hours as { vi?: string; en?: string };
    return {
      screen: {
        name: screen.name,
        officeName: { vi: screen.office_vi, en: screen.office_en },
        officeCode: screen.office_code,
        stages: toScreen(screen).stages,
        rotation: toScreen(screen).rotation,
        language: screen.language,
      },
      rows,
      lastEventId,
      procedures: questions.map((q) => ({
        id: q.id,
        title: { vi: q.title_vi, en: q.title_en || q.title_vi },
        body: { vi: q.body_vi.slice(0, 600), en: (q.body_en || q.body_vi).slice(0, 600) },
      })),
      documents: documents.map((d) => ({
        id: d.id,
        number: d.number,
        title: d.title,
        summary: { vi: d.summary_vi.slice(0, 600), en: (d.summary_en || d.summary_vi).slice(0, 600) },
      })),
      announcements: (screen.announcements as Announcement[])
        .filter((a) => a.from <= today && today <= a.to)
        .map((a) => ({ text: a.text, to: a.to })),
      openingHours: { vi: hours.vi ?? '', en: hours.en ?? '' },
      satisfaction: rotation.has('satisfaction')
        ? await satisfactionOf(screen.office_unit_id)
        : { period: null, published: false, satisfiedShare: null, meanStars: null },
      followUrl: `${publicBase}/theo-doi?office=${encodeURIComponent(screen.office_code)}`,
      now: now.toISOString(),
    };
  }

  /**
   * What a screen missed since an event: the current rows of the declarations that changed (each with
   * its last event id) and every event id covered; null when too much was missed (the screen reloads).
   */
  async function catchUp(screen: repo.ScreenRecord, after: number) {
    const events = await repo.findOfficeEventsAfter(db, screen.office_unit_id, after, CATCH_UP_LIMIT);
    if (events.length >= CATCH_UP_LIMIT) return null;
    const last = new Map<number, number>();
    for (const e of events) last.set(e.declaration_id, Number(e.id));
    const rows = await repo.findBoardRowsOf(db, [...last.keys()]);
    return {
      updates: rows
        .map((row) => ({ eventId: last.get(row.declaration_id)!, row }))
        .sort((a, b) => a.eventId - b.eventId),
      covered: new Set(events.map((e) => Number(e.id))),
    };
  }

  return {
    listScreens,
    getScreen,
    createScreen,
    updateScreen,
    renewKey,
    deleteScreen,
    pair,
    screenOfKey,
    getBoard,
    catchUp,
  };
}
export type ScreenService = ReturnType<typeof createScreenService>;
