// Declarations entered by customs staff in the web app: CSV or Excel import.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_MAX_BYTES, importJobResponse } from '../../../contracts/assessments.ts';
import { publicUrl } from '../../config.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext } from '../../lib/http.ts';
import { sessionRoute } from '../../lib/openapi.ts';
import { readUploadedFile } from '../../lib/upload.ts';
import { createImportService } from './import-service.ts';
import { createDeclarationService } from './service.ts';

export function declarationRoutes(deps: AppDeps): FastifyPluginAsync {
  const declarations = createDeclarationService({ ...deps, publicBase: publicUrl(deps.config) });
  const imports = createImportService({ db: deps.db, clock: deps.clock, declarations });
  return async (plugin) => {
    await plugin.register(multipart, {
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 },
      throwFileSizeLimit: true,
    });
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['declarations'];
    app.post(
      '/declarations/imports',
      {
        schema: sessionRoute('startDeclarationImport', 'Import declarations from a CSV or Excel file', {
          tags,
          consumes: ['multipart/form-data'],
          response: { 202: z.object({ id: z.uuid(), total: z.number() }) },
        }),
      },
      async (request, reply) => {
        const file = await readUploadedFile(request, 'import_file_too_large');
        const started = await imports.startImport(auditContext(request), request.locale, {
          name: file.fileName,
          buffer: file.bytes,
        });
        return reply.status(202).send(started);
      },
    );
    app.get(
      '/declarations/imports/:id',
      {
        schema: sessionRoute('getDeclarationImport', "Read an import's progress and row errors", {
          tags,
          params: z.object({ id: z.uuid() }),
          response: { 200: importJobResponse },
        }),
      },
      (request) => imports.getImport(request.actor, request.params.id),
    );
  };
}
