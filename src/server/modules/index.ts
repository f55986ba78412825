import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../lib/deps.ts';
import { accountRoutes } from './accounts/routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { eventRoutes } from './events/routes.ts';
import { agreementRoutes } from './agreements/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { dashboardRoutes } from './dashboards/routes.ts';
import { declarationRoutes } from './declarations/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { integrationRoutes } from './integration/routes.ts';
import { organizationRoutes } from './organization/routes.ts';
import { partyRoutes } from './parties/routes.ts';
import { questionRoutes } from './questions/routes.ts';
import { supportRoutes } from './support/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';

export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps), { prefix: '/api/auth' });
  await app.register(organizationRoutes(deps), { prefix: '/api/units' });
  await app.register(partyRoutes(deps), { prefix: '/api' });
  await app.register(accountRoutes(deps), { prefix: '/api/accounts' });
  await app.register(adminRoutes(deps), { prefix: '/api/admin' });
  await app.register(integrationRoutes(deps), { prefix: '/api/v1' });
  await app.register(assessmentRoutes(deps), { prefix: '/api' });
  await app.register(dashboardRoutes(deps), { prefix: '/api/dashboards' });
  await app.register(caseRoutes(deps), { prefix: '/api' });
  await app.register(declarationRoutes(deps), { prefix: '/api' });
  await app.register(eventRoutes(deps), { prefix: '/api' });
  await app.register(agreementRoutes(deps), { prefix: '/api' });
  await app.register(documentRoutes(deps), { prefix: '/api' });
  await app.register(questionRoutes(deps), { prefix: '/api' });
  await app.register(supportRoutes(deps), { prefix: '/api/support' });
  await app.register(surveyRoutes(deps), { prefix: '/api' });
}
