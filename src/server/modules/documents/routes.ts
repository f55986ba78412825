import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  announcementBody,
  announcementQuery,
  announcementView,
  documentBody,
  documentListQuery,
  documentView,
  draftBody,
  newsletterView,
  reviewBody,
  subscriptionBody,
  subscriptionView,
  unsubscribeView,
} from '../../../contracts/documents.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { createNewsletterService } from './newsletter.ts';
import { createDocumentService } from './service.ts';

export function documentRoutes(deps: AppDeps): FastifyPluginAsync {
  const documents = createDocumentService(deps);
  const newsletters = createNewsletterService({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  return async (plugin) => {
    // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" as a form.
    plugin.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
    });
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['documents'];
    const params = z.object({ id: z.uuid() });
    const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
    app.get('/documents', { schema: { tags, querystring: documentListQuery, response: { 200: z.array(documentView) } } }, (request) => documents.listDocuments(request.query));
    app.post('/documents', { schema: { tags, body: documentBody, response: { 201: documentView } } }, async (request, reply) => reply.status(201).send(await documents.createDocument(auditContext(request), request.body)));
    app.get('/documents/:id', { schema: { tags, params, response: { 200: documentView } } }, (request) => documents.getDocument(request.params.id));
    app.get('/subscriptions/me', { schema: { tags, response: { 200: subscriptionView } } }, (request) => documents.getSubscription(request.actor));
    app.put('/subscriptions/me', { schema: { tags, body: subscriptionBody, response: { 200: subscriptionView } } }, (request) => documents.setSubscription(auditContext(request), request.body));
    app.get('/announcements', { schema: { tags, querystring: announcementQuery, response: { 200: z.array(announcementView) } } }, (request) => documents.listAnnouncements(request.query));
    app.post('/announcements', { schema: { tags, body: announcementBody, response: { 201: announcementView } } }, async (request, reply) => reply.status(201).send(await documents.createAnnouncement(auditContext(request), request.body)));
    app.get('/newsletters', { schema: { tags, response: { 200: z.array(newsletterView) } } }, (request) => newsletters.listNewsletters(request.actor));
    app.post('/newsletters', { schema: { tags, body: draftBody, response: { 201: newsletterView } } }, async (request, reply) => reply.status(201).send(await newsletters.createDraft(auditContext(request), request.body)));
    app.get('/newsletters/:id', { schema: { tags, params, response: { 200: newsletterView } } }, (request) => newsletters.getNewsletter(request.actor, request.params.id));
    app.post('/newsletters/:id/review', { schema: { tags, params, body: reviewBody, response: { 200: newsletterView } } }, (request) => newsletters.review(auditContext(request), request.params.id, request.body));
    app.post('/newsletters/:id/send', { schema: { tags, params, response: { 200: newsletterView } } }, (request) => newsletters.send(auditContext(request), request.params.id));
    app.get('/newsletter/unsubscribe/:token', { schema: { tags, params: tokenParams, response: { 200: unsubscribeView } } }, (request) => newsletters.unsubscribeStatus(request.params.token));
    app.post('/newsletter/unsubscribe/:token', { schema: { tags, params: tokenParams, response: { 200: unsubscribeView } } }, (request) => newsletters.unsubscribe(request.params.token));
  };
}
