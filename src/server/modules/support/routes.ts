// Support desk routes under /api/support: thin, every input through a contract.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignBody,
  ATTACHMENT_MAX_BYTES,
  attachmentView,
  cannedAnswer,
  cannedBody,
  createRequestBody,
  dashboardQuery,
  dashboardResponse,
  listRequestsQuery,
  mergeBody,
  rateBody,
  reasonBody,
  replyBody,
  requestDetail,
  requestList,
  statusBody,
  transferBody,
} from '../../../contracts/support.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { readUploadedFile } from '../../lib/upload.ts';
import { createQuestionService } from '../questions/service.ts';
import { createAttachmentService } from './attachments.ts';
import { createSupportDashboard } from './dashboard.ts';
import { createHandlingService } from './handling.ts';
import { createInboundService } from './inbound.ts';
import { registerInboundRoutes } from './inbound-routes.ts';
import { createServiceLevelService } from './service-levels.ts';
import { createSupportService } from './service.ts';

export function supportRoutes(deps: AppDeps): FastifyPluginAsync {
  const base = { db: deps.db, clock: deps.clock, mailer: deps.mailer, publicBase: publicUrl(deps.config) };
  const service = createSupportService(base);
  const handling = createHandlingService({ ...base, questions: createQuestionService(deps) });
  const attachments = createAttachmentService({ db: deps.db, clock: deps.clock, dataDir: deps.config.DATA_DIR });
  const dashboards = createSupportDashboard(deps);
  const inbound = createInboundService({ ...base, dataDir: deps.config.DATA_DIR });
  const levels = createServiceLevelService(deps);
  return async (plugin) => {
    await plugin.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, parts: 3 }, throwFileSizeLimit: true });
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['support'];
    const params = z.object({ id: z.uuid() });
    const detail = { 200: requestDetail };
    app.get('/requests', { schema: { tags, querystring: listRequestsQuery, response: { 200: requestList } } }, (request) => service.listRequests(request.actor, request.query));
    app.post('/requests', { schema: { tags, body: createRequestBody, response: { 201: requestDetail } } }, async (request, reply) => reply.status(201).send(await service.createRequest(auditContext(request), request.body)));
    app.get('/requests.csv', { schema: { tags, querystring: dashboardQuery } }, async (request, reply) =>
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="yeu-cau-ho-tro.csv"').send(await dashboards.exportCsv(request.actor, request.query)),
    );
    app.get('/requests/:id', { schema: { tags, params, response: detail } }, (request) => service.getRequest(request.actor, request.params.id));
    app.post('/requests/:id/messages', { schema: { tags, params, body: replyBody, response: detail } }, (request) => service.reply(auditContext(request), request.params.id, request.body));
    app.post('/requests/:id/status', { schema: { tags, params, body: statusBody, response: detail } }, (request) => service.setStatus(auditContext(request), request.params.id, request.body.status));
    app.post('/requests/:id/rating', { schema: { tags, params, body: rateBody, response: detail } }, (request) => service.rate(auditContext(request), request.params.id, request.body));
    app.post('/requests/:id/reopen', { schema: { tags, params, body: reasonBody, response: detail } }, (request) => service.reopen(auditContext(request), request.params.id, request.body.reason));
    app.post('/requests/:id/assign', { schema: { tags, params, body: assignBody, response: detail } }, (request) => handling.assign(auditContext(request), request.params.id, request.body.userId));
    app.post('/requests/:id/follow', { schema: { tags, params, response: detail } }, (request) => handling.follow(auditContext(request), request.params.id, true));
    app.delete('/requests/:id/follow', { schema: { tags, params, response: detail } }, (request) => handling.follow(auditContext(request), request.params.id, false));
    app.post('/requests/:id/transfer', { schema: { tags, params, body: transferBody, response: detail } }, (request) => handling.transfer(auditContext(request), request.params.id, request.body.teamId, request.body.reason));
    app.post('/requests/:id/escalate', { schema: { tags, params, body: reasonBody, response: detail } }, (request) => handling.escalate(auditContext(request), request.params.id, request.body.reason));
    app.post('/requests/:id/merge', { schema: { tags, params, body: mergeBody, response: detail } }, (request) => handling.merge(auditContext(request), request.params.id, request.body.intoId));
    app.post('/requests/:id/draft-entry', { schema: { tags, params, response: { 201: z.object({ entryId: z.uuid() }) } } }, async (request, reply) => reply.status(201).send(await handling.draftEntry(auditContext(request), request.params.id)));
    app.post(
      '/requests/:id/attachments',
      { schema: { tags, params, querystring: z.object({ internal: z.enum(['true', 'false']).default('false') }), consumes: ['multipart/form-data'], response: { 201: attachmentView } } },
      async (request, reply) => {
        const file = await readUploadedFile(request, 'attachment_too_large');
        const saved = await attachments.addAttachment(auditContext(request), request.params.id, { fileName: file.fileName, bytes: file.bytes, internal: request.query.internal === 'true' });
        return reply.status(201).send(saved);
      },
    );
    app.get('/requests/:id/attachments/:attachmentId', { schema: { tags, params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) } }, async (request, reply) => {
      const file = await attachments.readAttachment(auditContext(request), request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    });
    app.get('/canned-answers', { schema: { tags, response: { 200: z.array(cannedAnswer) } } }, (request) => handling.listCanned(request.actor));
    app.post('/canned-answers', { schema: { tags, body: cannedBody, response: { 201: cannedAnswer } } }, async (request, reply) => reply.status(201).send(await handling.createCanned(auditContext(request), request.body)));
    app.get('/teams', { schema: { tags, response: { 200: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })) } } }, (request) => handling.listTeams(request.actor));
    app.get('/dashboard', { schema: { tags, querystring: dashboardQuery, response: { 200: dashboardResponse } } }, (request) => dashboards.dashboard(request.actor, request.query));
    registerInboundRoutes(plugin, inbound, levels);
  };
}
