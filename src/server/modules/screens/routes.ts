// Waiting-room screens: the branch's set-up (session), a TV's board and live
// stream (screen key), pairing, and a business following its declaration.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ratingTokenParams } from '../../../contracts/assessments.ts';
import { okResponse } from '../../../contracts/common.ts';
import {
  boardView,
  createdScreen,
  followedDeclaration,
  followedList,
  followQuery,
  pairingBody,
  pairingResponse,
  screenBody,
  screenDetail,
} from '../../../contracts/screens.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { sealRouteLog } from '../../lib/log-privacy.ts';
import { publicRoute, sessionRoute } from '../../lib/openapi.ts';
import { createFollowService } from './follow.ts';
import { createScreenHub, type LiveUpdate } from './live.ts';
import { boardRowId, toBoardRow } from './mapper.ts';
import { createScreenService } from './service.ts';

const HEARTBEAT_MS = 15_000;
/** A live batch's text per screen, while the batch is being fanned out. */
const rendered = new WeakMap<LiveUpdate[], Map<string, string>>();

export function screenRoutes(deps: AppDeps): FastifyPluginAsync {
  const screens = createScreenService({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  const follow = createFollowService({ db: deps.db, clock: deps.clock });
  return async (plugin) => {
    const hub = createScreenHub({ db: deps.db, log: (error) => plugin.log.error({ err: error }, 'screen hub') });
    plugin.addHook('onClose', () => hub.close());
    // A screen key and a rating token are capabilities: their routes' log lines name neither, nor the address.
    plugin.addHook('onRoute', sealRouteLog);
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['screens'];
    const params = z.object({ id: z.uuid() });
    const keyParams = z.object({ key: z.string().min(20).max(100) });

    app.get(
      '/screens',
      {
        schema: sessionRoute('listScreens', 'List the waiting-room screens of the offices the caller organizes for', {
          tags,
          response: { 200: z.array(screenDetail) },
          errors: [403],
        }),
      },
      (request) => screens.listScreens(request.actor),
    );
    app.post(
      '/screens',
      {
        schema: sessionRoute('createScreen', 'Set up a waiting-room screen for an office (its key is shown once)', {
          tags,
          body: screenBody,
          response: { 201: createdScreen },
        }),
      },
      async (request, reply) => reply.status(201).send(await screens.createScreen(auditContext(request), request.body)),
    );
    app.get(
      '/screens/:id',
      { schema: sessionRoute('getScreen', 'Read a screen', { tags, params, response: { 200: screenDetail } }) },
      (request) => screens.getScreen(request.actor, request.params.id),
    );
    app.put(
      '/screens/:id',
      {
        schema: sessionRoute('updateScreen', "Change a screen's settings", {
          tags,
          params,
          body: screenBody,
          response: { 200: screenDetail },
        }),
      },
      (request) => screens.updateScreen(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/screens/:id/key',
      {
        schema: sessionRoute('resetScreenKey', 'Give a screen a new key and pairing code (the old key stops working)', {
          tags,
          params,
          response: { 200: createdScreen },
        }),
      },
      (request) => screens.renewKey(auditContext(request), request.params.id),
    );
    app.delete(
      '/screens/:id',
      {
        schema: sessionRoute('deleteScreen', 'Remove a screen (its key stops working)', {
          tags,
          params,
          response: { 200: okResponse },
        }),
      },
      (request) => screens.deleteScreen(auditContext(request), request.params.id),
    );
    app.post(
      '/screen-pairing',
      {
        schema: publicRoute(
          'submitScreenPairingCode',
          "Exchange a screen's pairing code (typed on the TV) for its key",
          {
            tags,
            body: pairingBody,
            response: { 200: pairingResponse },
          },
        ),
      },
      (request) => screens.pair(request.body.code),
    );
    app.get(
      '/screen-boards/:key',
      {
        schema: publicRoute('getScreenBoard', 'Read the board a screen key opens', {
          tags,
          params: keyParams,
          response: { 200: boardView },
          errors: [401],
          omitErrors: [404],
        }),
      },
      (request) => screens.getBoard(request.params.key),
    );
    app.get(
      '/screen-boards/:key/stream',
      {
        schema: publicRoute('followScreenBoard', "Follow a screen's board as server-sent events", {
          description:
            'Events `row` (a declaration as the board shows it), `remove` (`{id}`: the board no longer shows it) and `reload` (too much was missed: read the board again). Each carries an `id`; reconnecting with `Last-Event-ID` (or `?after=`, the `lastEventId` of the board) replays what was missed. With `once=true` the answer ends after the replay (a polling client).',
          tags,
          params: keyParams,
          querystring: z.object({
            after: z.coerce.number().int().min(0).optional(),
            /** Replay what was missed since `after` and end, for a client behind a proxy that buffers streams (it polls). */
            once: z.enum(['true', 'false']).optional(),
          }),
          produces: ['text/event-stream'],
          errors: [401],
          omitErrors: [404],
        }),
      },
      async (request, reply) => {
        const screen = await screens.screenOfKey(request.params.key);
        const header = request.headers['last-event-id'];
        const after = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : request.query.after;
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
          'x-content-type-options': 'nosniff',
          connection: 'keep-alive',
        });
        res.write('retry: 2000\n\n');
        const send = (updates: LiveUpdate[]) => {
          // Screens of one office share the batch: each screen's text is made once, not once per TV.
          let texts = rendered.get(updates);
          if (!texts) rendered.set(updates, (texts = new Map()));
          let chunk = texts.get(screen.id);
          if (chunk === undefined) {
            const now = deps.clock.now();
            chunk = '';
            for (const update of updates) {
              const row = toBoardRow(update.row, screen, now);
              chunk += `id: ${update.eventId}\nevent: ${row ? 'row' : 'remove'}\ndata: ${JSON.stringify(
                row ?? { id: boardRowId(update.row.declaration_id) },
              )}\n\n`;
            }
            texts.set(screen.id, chunk);
          }
          if (chunk) res.write(chunk);
        };
        let pending: LiveUpdate[] | null = [];
        const unsubscribe = hub.subscribe(screen.office_unit_id, (updates) => {
          if (pending) pending.push(...updates);
          else send(updates);
        });
        const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
        request.raw.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
        });
        // Events that arrived live while catching up, and that the catch-up already covered, are not sent twice.
        let covered = new Set<number>();
        try {
          if (after !== undefined) {
            const missed = await screens.catchUp(screen, after);
            if (missed === null) res.write('event: reload\ndata: {}\n\n');
            else {
              send(missed.updates);
              covered = missed.covered;
            }
          }
        } finally {
          const buffered = pending.filter((update) => !covered.has(update.eventId));
          pending = null;
          send(buffered);
        }
        if (request.query.once === 'true') {
          clearInterval(heartbeat);
          unsubscribe();
          res.end();
        }
      },
    );
    app.get(
      '/follow/:token',
      {
        schema: publicRoute('followDeclaration', "Follow a declaration's processing with its rating link", {
          tags,
          params: ratingTokenParams,
          response: { 200: followedDeclaration },
        }),
      },
      (request) => follow.followByToken(request.params.token),
    );
    app.get(
      '/my/following',
      {
        schema: sessionRoute('listFollowedDeclarations', "The signed-in business's declarations being processed", {
          tags,
          querystring: followQuery,
          response: { 200: followedList },
          errors: [403],
        }),
      },
      (request) => follow.followMine(request.actor, request.query.office),
    );
  };
}
