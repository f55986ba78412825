import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../lib/deps.ts';
import { publicRoute } from '../../lib/openapi.ts';

// /healthz answers from the process alone so it stays instant while the
// database is busy; /readyz also asks the database.
export function healthRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin.withTypeProvider<ZodTypeProvider>();
    const started = Date.now();
    app.get(
      '/healthz',
      {
        schema: publicRoute('getHealth', 'Check that the process answers', {
          tags: ['health'],
          response: { 200: z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }) },
        }),
      },
      () => ({ status: 'ok' as const, uptimeSeconds: Math.round((Date.now() - started) / 1000) }),
    );
    app.get(
      '/readyz',
      {
        schema: publicRoute('getReadiness', 'Check that the process and its database answer', {
          tags: ['health'],
          response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }) },
        }),
      },
      async () => {
        await sql`select 1`.execute(deps.db);
        return { status: 'ready' as const, database: deps.dbKind };
      },
    );
  };
}
