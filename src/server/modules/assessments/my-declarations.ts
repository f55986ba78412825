// A business's own declarations (and a broker's declarations for its clients).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasRole, isUser, speaksForEnterprise, type Actor } from '../../lib/actor.ts';
import { forbidden, unauthorized } from '../../lib/errors.ts';
import { findDeclarationsForParties } from '../declarations/repository.ts';

export function createMyDeclarationsService(deps: { db: Kysely<Database> }) {
  async function listMyDeclarations(
    actor: Actor | null,
    query: { limit: number; offset: number; onlyUnrated: boolean },
  ) {
    if (!isUser(actor)) throw unauthorized();
    if (!speaksForEnterprise(actor)) throw forbidden();
    // The same parties as may rate (canRateAsUser): an enterprise user its enterprise's declarations, a broker those it declared.
    const result = await findDeclarationsForParties(
      deps.db,
      {
        enterpriseIds: hasRole(actor, 'enterprise_user') ? [actor.enterpriseId] : [],
        declarantIds: hasRole(actor, 'broker') ? [actor.enterpriseId] : [],
      },
      query,
    );
    return {
      total: result.total,
      items: result.items.map((d) => ({
        number: d.number,
        typeCode: d.type_code,
        channel: d.channel,
        registeredAt: d.registered_at.toISOString(),
        officeName: d.office_name_vi,
        enterpriseName: d.enterprise_name,
        assessed: d.assessment_id !== null,
        editableUntil: d.editable_until ? d.editable_until.toISOString() : null,
        ratingToken: d.rating_token,
      })),
    };
  }
  return { listMyDeclarations };
}
