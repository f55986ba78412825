import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okResponse } from '../../../contracts/common.ts';
import {
  changeLinksBody,
  commentBody,
  consultationBody,
  consultationDetail,
  consultationReport,
  consultationSummary,
  dispositionBody,
  extensionBody,
  groupedQuery,
  groupedView,
  linkDocumentBody,
  listQuery,
  memberView,
  memberViewBody,
  noticeItem,
  publicComment,
  publishBody,
  revisionBody,
  splitArticles,
  article,
} from '../../../contracts/consultations.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { invalidField } from '../../lib/errors.ts';
import { auditContext, sendDownload } from '../../lib/http.ts';
import { publicRoute, sessionRoute } from '../../lib/openapi.ts';
import { readUploadedFile } from '../../lib/upload.ts';
import { createCommentingService } from './commenting.ts';
import { docxText } from './docx.ts';
import { createConsultationReporting } from './report.ts';
import { createConsultationService } from './service.ts';

const DOCX_MAX_BYTES = 10 * 1024 * 1024;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function consultationRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createConsultationService({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  const commenting = createCommentingService({ db: deps.db, clock: deps.clock });
  const reporting = createConsultationReporting({ db: deps.db, clock: deps.clock });
  return async (plugin) => {
    await plugin.register(multipart, {
      limits: { fileSize: DOCX_MAX_BYTES, files: 1, fields: 2, parts: 3 },
      throwFileSizeLimit: true,
    });
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['consultations'];
    const params = z.object({ id: z.uuid() });
    const commentParams = z.object({ commentId: z.uuid() });
    const spaceParams = z.object({ id: z.uuid(), associationId: z.uuid() });

    app.get(
      '/consultations',
      {
        schema: publicRoute('listConsultations', 'Browse and search consultations (open, closed, answered)', {
          tags,
          querystring: listQuery,
          response: { 200: z.array(consultationSummary) },
        }),
      },
      (request) => service.listPublic(request.query),
    );
    app.get(
      '/consultations/managed',
      {
        schema: sessionRoute('listManagedConsultations', "List the consultations of the caller's drafting units", {
          tags,
          response: { 200: z.array(consultationSummary) },
          errors: [403],
        }),
      },
      (request) => service.listManaged(request.actor),
    );
    app.post(
      '/consultations',
      {
        schema: sessionRoute('createConsultation', 'Open a consultation on a draft (a hidden draft until opened)', {
          tags,
          body: consultationBody,
          response: { 201: consultationDetail },
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await service.createConsultation(auditContext(request), request.body)),
    );
    app.post(
      '/consultations/docx-text',
      {
        schema: sessionRoute('readConsultationDocx', 'Read a DOCX draft and split it into its articles', {
          tags,
          consumes: ['multipart/form-data'],
          response: { 200: z.object({ text: z.string(), articles: z.array(article) }) },
          errors: [413, 415],
        }),
      },
      async (request) => {
        service.mayReadDrafts(request.actor);
        const file = await readUploadedFile(request, 'consultation_docx_too_large');
        if (!file.fileName.toLowerCase().endsWith('.docx') && file.declaredType !== DOCX_TYPE)
          throw invalidField('file', 'consultation_docx_type');
        const text = await docxText(file.bytes);
        if (text === null) throw invalidField('file', 'consultation_docx_unreadable');
        const articles = splitArticles(text);
        if (!articles) throw invalidField('file', 'consultation_no_articles');
        return { text, articles };
      },
    );
    app.get(
      '/consultations/:id',
      {
        schema: publicRoute('getConsultation', 'Read a consultation and its draft, article by article', {
          tags,
          params,
          response: { 200: consultationDetail },
        }),
      },
      (request) => service.getConsultation(request.actor, request.params.id),
    );
    app.put(
      '/consultations/:id',
      {
        schema: sessionRoute('updateConsultation', 'Change a consultation while it is a draft', {
          tags,
          params,
          body: consultationBody,
          response: { 200: consultationDetail },
          errors: [409],
        }),
      },
      (request) => service.updateConsultation(auditContext(request), request.params.id, request.body),
    );
    for (const [action, operationId, summary] of [
      ['open', 'openConsultation', 'Open a consultation for comment (topic subscribers are told)'],
      ['close', 'closeConsultation', 'Close a consultation now'],
      ['group', 'groupConsultationComments', 'Group near-duplicate comments'],
    ] as const)
      app.post(
        `/consultations/:id/${action}`,
        {
          schema: sessionRoute(operationId, summary, {
            tags,
            params,
            response: {
              200: action === 'group' ? z.object({ comments: z.number(), groups: z.number() }) : consultationDetail,
            },
            errors: [409],
          }),
        },
        (request) =>
          action === 'open'
            ? service.openConsultation(auditContext(request), request.params.id)
            : action === 'close'
              ? service.closeConsultation(auditContext(request), request.params.id)
              : service.groupComments(auditContext(request), request.params.id),
      );
    app.post(
      '/consultations/:id/extend',
      {
        schema: sessionRoute('extendConsultation', 'Extend a consultation, with a reason shown publicly', {
          tags,
          params,
          body: extensionBody,
          response: { 200: consultationDetail },
          errors: [409],
        }),
      },
      (request) => service.extendConsultation(auditContext(request), request.params.id, request.body),
    );
    app.get(
      '/consultations/:id/review',
      {
        schema: sessionRoute('getConsultationReview', "The drafting unit's grouped view of the comments", {
          tags,
          params,
          querystring: groupedQuery,
          response: { 200: groupedView },
        }),
      },
      (request) => service.groupedView(request.actor, request.params.id, request.query),
    );
    app.post(
      '/consultations/:id/dispositions',
      {
        schema: sessionRoute('setConsultationDispositions', 'Give comments (or a group) a disposition with a reason', {
          tags,
          params,
          body: dispositionBody,
          response: { 200: z.object({ updated: z.number(), pending: z.number() }) },
          errors: [409],
        }),
      },
      (request) => service.setDisposition(auditContext(request), request.params.id, request.body),
    );
    app.put(
      '/consultations/:id/revision',
      {
        schema: sessionRoute('setConsultationRevision', 'Write the revised text (split into articles)', {
          tags,
          params,
          body: revisionBody,
          response: { 200: consultationDetail },
          errors: [409],
        }),
      },
      (request) => service.setRevision(auditContext(request), request.params.id, request.body.revisedText),
    );
    app.put(
      '/consultations/:id/changes',
      {
        schema: sessionRoute('linkConsultationChange', "Link an article's change to the comments that caused it", {
          tags,
          params,
          body: changeLinksBody,
          response: { 200: okResponse },
          errors: [409],
        }),
      },
      (request) => service.linkChanges(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/consultations/:id/publish',
      {
        schema: sessionRoute(
          'publishConsultationResponse',
          'Publish the response (every comment must have a disposition)',
          {
            tags,
            params,
            body: publishBody,
            response: { 200: consultationDetail },
            errors: [409],
          },
        ),
      },
      (request) => service.publishResponse(auditContext(request), request.params.id, request.body.responseSummary),
    );
    app.put(
      '/consultations/:id/document',
      {
        schema: sessionRoute('linkConsultationDocument', 'Link the library document the consultation produced', {
          tags,
          params,
          body: linkDocumentBody,
          response: { 200: consultationDetail },
        }),
      },
      (request) => service.linkDocument(auditContext(request), request.params.id, request.body.legalDocumentId),
    );
    app.get(
      '/consultations/:id/comments',
      {
        schema: publicRoute('listConsultationComments', 'The public comments (anonymous businesses unnamed)', {
          tags,
          params,
          querystring: z.object({ article: z.coerce.number().int().min(0).max(10_000).optional() }),
          response: { 200: z.array(publicComment) },
        }),
      },
      (request) => commenting.listComments(request.actor, request.params.id, request.query.article),
    );
    app.post(
      '/consultations/:id/comments',
      {
        schema: sessionRoute('createConsultationComment', 'Comment on the draft or an article', {
          tags,
          params,
          body: commentBody,
          response: { 201: publicComment },
          errors: [409],
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await commenting.addComment(auditContext(request), request.params.id, request.body)),
    );
    app.put(
      '/consultation-comments/:commentId',
      {
        schema: sessionRoute('updateConsultationComment', 'Edit your comment until the consultation closes', {
          tags,
          params: commentParams,
          body: commentBody,
          response: { 200: publicComment },
          errors: [409],
        }),
      },
      (request) => commenting.updateComment(auditContext(request), request.params.commentId, request.body),
    );
    app.post(
      '/consultation-comments/:commentId/withdraw',
      {
        schema: sessionRoute('withdrawConsultationComment', 'Withdraw your comment until the consultation closes', {
          tags,
          params: commentParams,
          response: { 200: okResponse },
          errors: [409],
        }),
      },
      (request) => commenting.withdrawComment(auditContext(request), request.params.commentId),
    );
    const space = z.object({
      views: z.array(memberView),
      contributors: z.array(z.object({ id: z.uuid(), name: z.string() })),
      isRepresentative: z.boolean(),
    });
    app.get(
      '/consultations/:id/associations/:associationId',
      {
        schema: sessionRoute('getAssociationSpace', "An association's private space: its members' views", {
          tags,
          params: spaceParams,
          response: { 200: space },
          errors: [403],
        }),
      },
      (request) => commenting.associationSpace(request.actor, request.params.id, request.params.associationId),
    );
    app.post(
      '/consultations/:id/associations/:associationId/views',
      {
        schema: sessionRoute('createAssociationMemberView', "Give your view inside your association's space", {
          tags,
          params: spaceParams,
          body: memberViewBody,
          response: { 200: space },
          errors: [409],
        }),
      },
      (request) =>
        commenting.addMemberView(auditContext(request), request.params.id, request.params.associationId, request.body),
    );
    app.get(
      '/consultations/:id/report',
      {
        schema: publicRoute('getConsultationReport', 'The "you said, we did" report (báo cáo tiếp thu, giải trình)', {
          tags,
          params,
          response: { 200: consultationReport },
        }),
      },
      (request) => reporting.buildReport(request.actor, request.params.id),
    );
    app.get(
      '/consultations/:id/report/file',
      {
        schema: publicRoute('exportConsultationReport', 'The report as PDF or Excel', {
          tags,
          params,
          querystring: z.object({ format: z.enum(['pdf', 'xlsx']) }),
        }),
      },
      async (request, reply) =>
        sendDownload(
          reply,
          request.query.format === 'pdf'
            ? await reporting.reportPdf(request.actor, request.params.id)
            : await reporting.reportTable(request.actor, request.params.id, 'xlsx'),
        ),
    );
    app.get(
      '/consultations/:id/comments.csv',
      {
        schema: publicRoute('exportConsultationComments', 'The comments as open data (CSV)', { tags, params }),
      },
      async (request, reply) => sendDownload(reply, await reporting.commentsCsv(request.actor, request.params.id)),
    );
    app.get(
      '/consultation-notices',
      {
        schema: sessionRoute('listConsultationNotices', 'Your notices: responses published on your comments', {
          tags,
          response: { 200: z.array(noticeItem) },
        }),
      },
      (request) => commenting.myNotices(request.actor),
    );
  };
}
