import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  announcementBody,
  announcementQuery,
  announcementView,
  deliveryLogView,
  deliveryQuery,
  DOCUMENT_FILE_MAX_BYTES,
  documentBody,
  documentFileParams,
  documentListQuery,
  documentView,
  draftBody,
  newsletterView,
  retryView,
  reviewBody,
  subscriptionBody,
  subscriptionView,
  unsubscribeView,
} from '../../../contracts/documents.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext, sendDownload } from '../../lib/http.ts';
import { publicRoute, sessionRoute } from '../../lib/openapi.ts';
import { readUploadedFile } from '../../lib/upload.ts';
import { createDeliveryLogService } from './delivery-log.ts';
import { createDocumentFileService } from './files.ts';
import { createNewsletterService } from './newsletter.ts';
import { createDocumentService } from './service.ts';

function sendFile(reply: FastifyReply, file: { name: string; contentType: string; sha256: string; content: Buffer }) {
  return sendDownload(
    reply,
    { fileName: file.name, contentType: file.contentType, body: file.content },
    { etag: file.sha256 },
  );
}

export function documentRoutes(deps: AppDeps): FastifyPluginAsync {
  const documents = createDocumentService(deps);
  const newsletters = createNewsletterService({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  const files = createDocumentFileService({ db: deps.db, clock: deps.clock, dataDir: deps.config.DATA_DIR });
  const log = createDeliveryLogService({ db: deps.db, clock: deps.clock });
  return async (plugin) => {
    await plugin.register(multipart, {
      limits: { fileSize: DOCUMENT_FILE_MAX_BYTES, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: true,
    });
    // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" as a form.
    plugin.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
      },
    );
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['documents'];
    const params = z.object({ id: z.uuid() });
    const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
    app.get(
      '/documents',
      {
        schema: publicRoute('listDocuments', 'Search the legal library', {
          tags,
          querystring: documentListQuery,
          response: { 200: z.array(documentView) },
        }),
      },
      (request) => documents.listDocuments(request.actor, request.query),
    );
    app.post(
      '/documents',
      {
        schema: sessionRoute('createDocument', 'Add a document to the legal library', {
          tags,
          body: documentBody,
          response: { 201: documentView },
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await documents.createDocument(auditContext(request), request.body)),
    );
    app.get(
      '/documents/:id',
      {
        schema: publicRoute('getDocument', 'Read a document of the legal library', {
          tags,
          params,
          response: { 200: documentView },
        }),
      },
      (request) => documents.getDocument(request.actor, request.params.id),
    );
    app.post(
      '/documents/:id/file',
      {
        schema: sessionRoute('uploadDocumentFile', "Upload a new version of a document's file", {
          tags,
          params,
          consumes: ['multipart/form-data'],
          response: { 200: documentView },
        }),
      },
      async (request) => {
        const file = await readUploadedFile(request, 'document_file_too_large');
        return files.uploadFile(auditContext(request), request.params.id, file);
      },
    );
    app.get(
      '/documents/:id/file',
      { schema: publicRoute('getDocumentFile', "Download a document's current file", { tags, params }) },
      async (request, reply) => sendFile(reply, await files.readFile(request.params.id)),
    );
    app.get(
      '/documents/:id/files/:fileId',
      {
        schema: publicRoute('getDocumentFileVersion', "Download a version of a document's file", {
          tags,
          params: documentFileParams,
        }),
      },
      async (request, reply) => sendFile(reply, await files.readFile(request.params.id, request.params.fileId)),
    );
    app.get(
      '/subscriptions/me',
      {
        schema: sessionRoute('getMySubscription', "Read the caller's newsletter subscription", {
          tags,
          response: { 200: subscriptionView },
          errors: [403],
        }),
      },
      (request) => documents.getSubscription(request.actor),
    );
    app.put(
      '/subscriptions/me',
      {
        schema: sessionRoute('setMySubscription', "Choose the caller's newsletter topics", {
          tags,
          body: subscriptionBody,
          response: { 200: subscriptionView },
        }),
      },
      (request) => documents.setSubscription(auditContext(request), request.body),
    );
    app.get(
      '/announcements',
      {
        schema: publicRoute('listAnnouncements', 'List announcements', {
          tags,
          querystring: announcementQuery,
          response: { 200: z.array(announcementView) },
        }),
      },
      (request) => documents.listAnnouncements(request.query),
    );
    app.post(
      '/announcements',
      {
        schema: sessionRoute('createAnnouncement', 'Publish an announcement', {
          tags,
          body: announcementBody,
          response: { 201: announcementView },
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await documents.createAnnouncement(auditContext(request), request.body)),
    );
    app.get(
      '/newsletters',
      {
        schema: sessionRoute('listNewsletters', 'List newsletters', {
          tags,
          response: { 200: z.array(newsletterView) },
          errors: [403],
        }),
      },
      (request) => newsletters.listNewsletters(request.actor),
    );
    app.post(
      '/newsletters',
      {
        schema: sessionRoute('createNewsletter', 'Draft a newsletter', {
          tags,
          body: draftBody,
          response: { 201: newsletterView },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await newsletters.createDraft(auditContext(request), request.body)),
    );
    app.get(
      '/newsletters/:id',
      {
        schema: sessionRoute('getNewsletter', 'Read a newsletter', {
          tags,
          params,
          response: { 200: newsletterView },
          errors: [403],
        }),
      },
      (request) => newsletters.getNewsletter(request.actor, request.params.id),
    );
    app.post(
      '/newsletters/:id/review',
      {
        schema: sessionRoute('reviewNewsletter', 'Review a newsletter draft', {
          tags,
          params,
          body: reviewBody,
          response: { 200: newsletterView },
          errors: [409],
        }),
      },
      (request) => newsletters.review(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/newsletters/:id/send',
      {
        schema: sessionRoute('sendNewsletter', 'Send a newsletter to its subscribers', {
          tags,
          params,
          response: { 200: newsletterView },
          errors: [409],
        }),
      },
      (request) => newsletters.send(auditContext(request), request.params.id),
    );
    app.get(
      '/newsletters/:id/deliveries',
      {
        schema: sessionRoute('listNewsletterDeliveries', "Read a newsletter's delivery log", {
          tags,
          params,
          querystring: deliveryQuery,
          response: { 200: deliveryLogView },
          errors: [403],
        }),
      },
      (request) => log.getDeliveryLog(request.actor, request.params.id, request.query),
    );
    app.get(
      '/newsletters/:id/deliveries.csv',
      {
        schema: sessionRoute('exportNewsletterDeliveries', "Download a newsletter's delivery log as CSV", {
          tags,
          params,
          querystring: deliveryQuery.pick({ status: true }),
          errors: [403],
        }),
      },
      async (request, reply) => {
        return sendDownload(reply, await log.exportDeliveryLog(request.actor, request.params.id, request.query));
      },
    );
    app.post(
      '/newsletters/:id/retry',
      {
        schema: sessionRoute('retryNewsletterDeliveries', "Retry a newsletter's failed deliveries", {
          tags,
          params,
          response: { 200: retryView },
        }),
      },
      (request) => log.retryFailed(auditContext(request), request.params.id),
    );
    app.get(
      '/newsletter/unsubscribe/:token',
      {
        schema: publicRoute('getUnsubscribeStatus', 'Read whether a mailed unsubscribe link has been used', {
          tags,
          params: tokenParams,
          response: { 200: unsubscribeView },
        }),
      },
      (request) => newsletters.unsubscribeStatus(request.params.token),
    );
    app.post(
      '/newsletter/unsubscribe/:token',
      {
        schema: publicRoute('unsubscribeFromNewsletters', 'Unsubscribe from newsletters with a mailed link', {
          description: 'Also the one-click unsubscribe of RFC 8058 (a form body `List-Unsubscribe=One-Click`).',
          tags,
          params: tokenParams,
          response: { 200: unsubscribeView },
        }),
      },
      (request) => newsletters.unsubscribe(request.params.token),
    );
  };
}
