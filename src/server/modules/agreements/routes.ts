import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AGREEMENT_PDF_MAX_BYTES,
  agreementListQuery,
  agreementView,
  changeStatusBody,
  createAgreementBody,
  exportQuery,
  progressQuery,
  progressRow,
  targetBody,
} from '../../../contracts/agreements.ts';
import { okResponse } from '../../../contracts/common.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { AppError } from '../../lib/errors.ts';
import { auditContext, sendDownload } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { readUploadedFile } from '../../lib/upload.ts';
import { createAgreementService } from './service.ts';

export function agreementRoutes(deps: AppDeps): FastifyPluginAsync {
  const service = createAgreementService({
    db: deps.db,
    clock: deps.clock,
    dataDir: deps.config.DATA_DIR,
    publicBase: publicUrl(deps.config),
  });
  return async (plugin) => {
    await plugin.register(multipart, {
      limits: { fileSize: AGREEMENT_PDF_MAX_BYTES, files: 1, fields: 2 },
      throwFileSizeLimit: true,
    });
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['agreements'];
    const params = z.object({ id: z.uuid() });
    app.get(
      '/agreements',
      {
        schema: sessionRoute('listAgreements', 'List cooperation agreements', {
          tags,
          querystring: agreementListQuery,
          response: { 200: z.array(agreementView) },
          errors: [403],
        }),
      },
      (request) => service.listAgreements(request.actor, request.query),
    );
    app.post(
      '/agreements',
      {
        schema: sessionRoute('createAgreement', 'Create a cooperation agreement', {
          tags,
          body: createAgreementBody,
          response: { 201: agreementView },
        }),
      },
      async (request, reply) =>
        reply.status(201).send(await service.createAgreement(auditContext(request), request.body)),
    );
    app.get(
      '/agreements/progress',
      {
        schema: sessionRoute('getAgreementProgress', "Read units' progress against their yearly agreement targets", {
          tags,
          querystring: progressQuery,
          response: { 200: z.array(progressRow) },
          errors: [403],
        }),
      },
      (request) => service.progress(request.actor, request.query.year),
    );
    app.put(
      '/agreements/targets',
      {
        schema: sessionRoute('setAgreementTarget', "Set a unit's yearly agreement target", {
          tags,
          body: targetBody,
          response: { 200: okResponse },
        }),
      },
      (request) => service.setTarget(auditContext(request), request.body),
    );
    app.get(
      '/agreements/export',
      {
        schema: sessionRoute('exportAgreements', 'Download the agreements as a spreadsheet', {
          tags,
          querystring: exportQuery,
          errors: [403],
        }),
      },
      async (request, reply) => {
        return sendDownload(reply, await service.exportAgreements(request.actor, request.query));
      },
    );
    app.get(
      '/agreements/:id',
      { schema: sessionRoute('getAgreement', 'Read an agreement', { tags, params, response: { 200: agreementView } }) },
      (request) => service.getAgreement(request.actor, request.params.id),
    );
    app.post(
      '/agreements/:id/status',
      {
        schema: sessionRoute('changeAgreementStatus', 'Move an agreement to its next status', {
          tags,
          params,
          body: changeStatusBody,
          response: { 200: agreementView },
          errors: [409],
        }),
      },
      (request) => service.changeStatus(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/agreements/:id/document',
      {
        schema: sessionRoute('uploadAgreementDocument', "Upload an agreement's signed PDF", {
          tags,
          params,
          consumes: ['multipart/form-data'],
          response: { 200: agreementView },
        }),
      },
      async (request) => {
        const file = await readUploadedFile(request, 'agreement_pdf_too_large');
        if (file.declaredType !== 'application/pdf')
          throw new AppError('validation_failed', 'validation_failed', [
            { field: 'file', message: 'agreement_pdf_only' },
          ]);
        return service.uploadDocument(auditContext(request), request.params.id, {
          filename: file.fileName,
          buffer: file.bytes,
        });
      },
    );
    app.get(
      '/agreements/:id/document',
      { schema: sessionRoute('getAgreementDocument', "Download an agreement's signed PDF", { tags, params }) },
      async (request, reply) => {
        const file = await service.readDocument(request.actor, request.params.id);
        return sendDownload(reply, { fileName: file.name, contentType: 'application/pdf', body: file.content });
      },
    );
  };
}
