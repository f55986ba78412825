// Public question bank (/api/questions, no sign-in) and the officers' editor (/api/question-bank).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  categoryCounts,
  entryBody,
  entryReadQuery,
  feedbackBody,
  officerEntry,
  officerListQuery,
  officerListResponse,
  publicEntry,
  reportResponse,
  searchQuery,
  searchResponse,
  suggestResponse,
  synonymBody,
  synonymGroup,
  synonymList,
  transitionBody,
} from '../../../contracts/questions.ts';
import { okResponse } from '../../../contracts/common.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { auditContext, sendDownload } from '../../lib/http.ts';
import { publicRoute, sessionRoute } from '../../lib/openapi.ts';
import { bankWorkbook } from './export.ts';
import { createQuestionService } from './service.ts';
import { createSynonymService } from './synonym-service.ts';
import { createSynonymCache } from './synonym-cache.ts';

export function questionRoutes(deps: AppDeps): FastifyPluginAsync {
  // One cache of synonym groups: the editors' changes reach this process's searches at once.
  const synonymCache = createSynonymCache(deps);
  const service = createQuestionService({ ...deps, synonyms: synonymCache });
  const synonyms = createSynonymService({ ...deps, synonyms: synonymCache });
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const tags = ['questions'];
    const params = z.object({ id: z.uuid() });
    app.get(
      '/questions',
      {
        schema: publicRoute('searchQuestions', 'Search the published question bank', {
          tags,
          querystring: searchQuery,
          response: { 200: searchResponse },
        }),
      },
      (request) => service.search(request.query),
    );
    app.get(
      '/questions/suggest',
      {
        schema: publicRoute('suggestQuestions', 'Suggest published questions as the user types', {
          tags,
          querystring: z.object({ q: z.string().max(200).optional() }),
          response: { 200: suggestResponse },
        }),
      },
      (request) => service.suggest(request.query.q),
    );
    app.get(
      '/questions/categories',
      {
        schema: publicRoute('listQuestionCategories', 'List the question bank categories with their counts', {
          tags,
          response: { 200: categoryCounts },
        }),
      },
      () => service.categories(),
    );
    app.get(
      '/questions/:id',
      {
        schema: publicRoute('getQuestion', 'Read a published question and its answer', {
          tags,
          params,
          querystring: entryReadQuery,
          response: { 200: publicEntry },
        }),
      },
      (request) => service.getPublished(request.params.id, request.query.search),
    );
    app.post(
      '/questions/:id/feedback',
      {
        schema: publicRoute('rateQuestionHelpfulness', 'Say whether an answer helped', {
          tags,
          params,
          body: feedbackBody,
          response: { 200: z.object({ helpfulYes: z.number(), helpfulNo: z.number() }) },
        }),
      },
      (request) => service.recordFeedback(request.params.id, request.body.helpful),
    );

    app.get(
      '/question-bank/entries',
      {
        schema: sessionRoute('listQuestionBankEntries', "List the question bank's entries for its editors", {
          tags,
          querystring: officerListQuery,
          response: { 200: officerListResponse },
          errors: [403],
        }),
      },
      (request) => service.listForOfficers(request.actor, request.query),
    );
    app.post(
      '/question-bank/entries',
      {
        schema: sessionRoute('createQuestionBankEntry', 'Draft a question bank entry', {
          tags,
          body: entryBody,
          response: { 201: officerEntry },
        }),
      },
      async (request, reply) => reply.status(201).send(await service.createEntry(auditContext(request), request.body)),
    );
    app.get(
      '/question-bank/entries/:id',
      {
        schema: sessionRoute('getQuestionBankEntry', 'Read a question bank entry with its history', {
          tags,
          params,
          response: { 200: officerEntry },
          errors: [403],
        }),
      },
      (request) => service.getForOfficers(request.actor, request.params.id),
    );
    app.put(
      '/question-bank/entries/:id',
      {
        schema: sessionRoute('updateQuestionBankEntry', 'Edit a question bank entry', {
          tags,
          params,
          body: entryBody,
          response: { 200: officerEntry },
          errors: [409],
        }),
      },
      (request) => service.updateEntry(auditContext(request), request.params.id, request.body),
    );
    app.post(
      '/question-bank/entries/:id/transition',
      {
        schema: sessionRoute('transitionQuestionBankEntry', 'Review, publish or retire a question bank entry', {
          tags,
          params,
          body: transitionBody,
          response: { 200: officerEntry },
          errors: [409],
        }),
      },
      (request) => service.transition(auditContext(request), request.params.id, request.body.to, request.body.note),
    );
    app.get(
      '/question-bank/report',
      {
        schema: sessionRoute('getQuestionBankReport', "Read the question bank's figures", {
          tags,
          response: { 200: reportResponse },
          errors: [403],
        }),
      },
      (request) => service.report(request.actor),
    );
    app.get(
      '/question-bank/synonyms',
      {
        schema: sessionRoute('listQuestionBankSynonyms', 'List the synonym groups search applies', {
          tags,
          response: { 200: synonymList },
          errors: [403],
        }),
      },
      (request) => synonyms.list(request.actor),
    );
    app.post(
      '/question-bank/synonyms',
      {
        schema: sessionRoute('createQuestionBankSynonyms', 'Add a synonym group', {
          tags,
          body: synonymBody,
          response: { 201: synonymGroup },
        }),
      },
      async (request, reply) => reply.status(201).send(await synonyms.create(auditContext(request), request.body)),
    );
    app.put(
      '/question-bank/synonyms/:id',
      {
        schema: sessionRoute('updateQuestionBankSynonyms', 'Change a synonym group', {
          tags,
          params,
          body: synonymBody,
          response: { 200: synonymGroup },
        }),
      },
      (request) => synonyms.update(auditContext(request), request.params.id, request.body),
    );
    app.delete(
      '/question-bank/synonyms/:id',
      {
        schema: sessionRoute('deleteQuestionBankSynonyms', 'Remove a synonym group', {
          tags,
          params,
          response: { 200: okResponse },
        }),
      },
      async (request) => {
        await synonyms.remove(auditContext(request), request.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/question-bank/export.xlsx',
      {
        schema: sessionRoute('exportQuestionBankXlsx', 'Download the published question bank as Excel', {
          tags,
          errors: [403],
        }),
      },
      async (request, reply) => {
        const entries = await service.exportRows(auditContext(request));
        return sendDownload(reply, await bankWorkbook(entries, deps.clock.now()));
      },
    );
    app.get(
      '/question-bank/export.pdf',
      {
        schema: sessionRoute('exportQuestionBankPdf', 'Download the published question bank as PDF', {
          tags,
          errors: [403],
        }),
      },
      async (request, reply) => {
        const pdf = await service.exportPdf(auditContext(request));
        return sendDownload(reply, { fileName: 'hoi-dap-hai-quan.pdf', contentType: 'application/pdf', body: pdf });
      },
    );
  };
}
