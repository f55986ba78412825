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
import { auditContext, sendDownload } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
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
    await plugin.register(multipart, {
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: true,
    });
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['support'];
    const params = z.object({ id: z.uuid() });
    const detail = { 200: requestDetail };
    app.get(
      '/requests',
      {
        schema: sessionRoute('listSupportRequests', 'List support requests', {
          tags,
          querystring: listRequestsQuery,
          response: { 200: requestList },
          errors: [403],
        }),
      },
      (request) => service.listRequests(request.actor, request.query),
    );
    app.post(
      '/requests',
      {
        schema: sessionRoute('createSupportRequest', 'Open a support request', {
          tags,
          body: createRequestBody,
          response: { 201: requestDetail },
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await service.createRequest(auditContext(request), request.body)),
    );
    app.get(
      '/requests.csv',
      {
        schema: sessionRoute('exportSupportRequests', 'Download support requests as CSV', {
          tags,
          querystring: dashboardQuery,
          errors: [403],
        }),
      },
      async (request, reply) => sendDownload(reply, await dashboards.exportCsv(request.actor, request.query)),
    );
    app.get(
      '/requests/:id',
      { schema: sessionRoute('getSupportRequest', 'Read a support request', { tags, params, response: detail }) },
      (request) => service.getRequest(request.actor, request.params.id),
    );
    app.post(
      '/requests/:id/messages',
      {
        schema: sessionRoute('replyToSupportRequest', 'Add a message to a support request', {
          tags,
          params,
          body: replyBody,
          response: detail,
          errors: [409],
        }),
      },
      (request) => service.reply(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/requests/:id/status',
      {
        schema: sessionRoute('setSupportRequestStatus', "Change a support request's status", {
          tags,
          params,
          body: statusBody,
          response: detail,
          errors: [409],
        }),
      },
      (request) => service.setStatus(auditContext(request), request.params.id, request.body.status),
    );
    app.post(
      '/requests/:id/rating',
      {
        schema: sessionRoute('rateSupportRequest', 'Rate the answer to a resolved support request', {
          tags,
          params,
          body: rateBody,
          response: detail,
          errors: [409],
        }),
      },
      (request) => service.rate(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/requests/:id/reopen',
      {
        schema: sessionRoute('reopenSupportRequest', 'Reopen a resolved support request', {
          tags,
          params,
          body: reasonBody,
          response: detail,
          errors: [409],
        }),
      },
      (request) => service.reopen(auditContext(request), request.params.id, request.body.reason),
    );
    app.post(
      '/requests/:id/assign',
      {
        schema: sessionRoute('assignSupportRequest', 'Assign a support request to an officer', {
          tags,
          params,
          body: assignBody,
          response: detail,
        }),
      },
      (request) => handling.assign(auditContext(request), request.params.id, request.body.userId),
    );
    app.post(
      '/requests/:id/follow',
      { schema: sessionRoute('followSupportRequest', 'Follow a support request', { tags, params, response: detail }) },
      (request) => handling.follow(auditContext(request), request.params.id, true),
    );
    app.delete(
      '/requests/:id/follow',
      {
        schema: sessionRoute('unfollowSupportRequest', 'Stop following a support request', {
          tags,
          params,
          response: detail,
        }),
      },
      (request) => handling.follow(auditContext(request), request.params.id, false),
    );
    app.post(
      '/requests/:id/transfer',
      {
        schema: sessionRoute('transferSupportRequest', 'Transfer a support request to another team', {
          tags,
          params,
          body: transferBody,
          response: detail,
          errors: [409],
        }),
      },
      (request) =>
        handling.transfer(auditContext(request), request.params.id, request.body.teamId, request.body.reason),
    );
    app.post(
      '/requests/:id/escalate',
      {
        schema: sessionRoute('escalateSupportRequest', 'Escalate a support request one level up', {
          tags,
          params,
          body: reasonBody,
          response: detail,
          errors: [409],
        }),
      },
      (request) => handling.escalate(auditContext(request), request.params.id, request.body.reason),
    );
    app.post(
      '/requests/:id/merge',
      {
        schema: sessionRoute('mergeSupportRequest', 'Merge a support request into another', {
          tags,
          params,
          body: mergeBody,
          response: detail,
          errors: [409],
        }),
      },
      (request) => handling.merge(auditContext(request), request.params.id, request.body.intoId),
    );
    app.post(
      '/requests/:id/draft-entry',
      {
        schema: sessionRoute('draftEntryFromSupportRequest', 'Draft a question bank entry from a support request', {
          tags,
          params,
          response: { 201: z.object({ entryId: z.uuid() }) },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await handling.draftEntry(auditContext(request), request.params.id)),
    );
    app.post(
      '/requests/:id/attachments',
      {
        schema: sessionRoute('uploadSupportAttachment', 'Attach a file to a support request', {
          tags,
          params,
          querystring: z.object({ internal: z.enum(['true', 'false']).default('false') }),
          consumes: ['multipart/form-data'],
          response: { 201: attachmentView },
          errors: [409],
        }),
      },
      async (request, reply) => {
        const file = await readUploadedFile(request, 'attachment_too_large');
        const saved = await attachments.addAttachment(auditContext(request), request.params.id, {
          fileName: file.fileName,
          bytes: file.bytes,
          internal: request.query.internal === 'true',
        });
        return reply.status(201).send(saved);
      },
    );
    app.get(
      '/requests/:id/attachments/:attachmentId',
      {
        schema: sessionRoute('getSupportAttachment', "Download a support request's attachment", {
          tags,
          params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        }),
      },
      async (request, reply) => {
        const file = await attachments.readAttachment(
          auditContext(request),
          request.params.id,
          request.params.attachmentId,
        );
        return sendDownload(reply, { fileName: file.fileName, contentType: file.contentType, body: file.bytes });
      },
    );
    app.get(
      '/canned-answers',
      {
        schema: sessionRoute('listCannedAnswers', 'List canned answers', {
          tags,
          response: { 200: z.array(cannedAnswer) },
          errors: [403],
        }),
      },
      (request) => handling.listCanned(request.actor),
    );
    app.post(
      '/canned-answers',
      {
        schema: sessionRoute('createCannedAnswer', 'Save a canned answer', {
          tags,
          body: cannedBody,
          response: { 201: cannedAnswer },
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await handling.createCanned(auditContext(request), request.body)),
    );
    app.get(
      '/teams',
      {
        schema: sessionRoute('listSupportTeams', 'List the teams a request can be transferred to', {
          tags,
          response: { 200: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })) },
          errors: [403],
        }),
      },
      (request) => handling.listTeams(request.actor),
    );
    app.get(
      '/dashboard',
      {
        schema: sessionRoute('getSupportDashboard', "Read the support desk's figures", {
          tags,
          querystring: dashboardQuery,
          response: { 200: dashboardResponse },
          errors: [403],
        }),
      },
      (request) => dashboards.dashboard(request.actor, request.query),
    );
    registerInboundRoutes(plugin, inbound, levels);
  };
}
