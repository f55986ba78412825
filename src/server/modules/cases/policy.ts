// Who handles a flag case, and who may learn who raised it.
import type { Role } from '../../../contracts/common.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';

interface CaseFacts {
  handler_role: string;
  subject_officer_id: string | null;
}

/** The case's handler role (or the General Department) within scope; never the person flagged. */
export function canHandleCase(actor: Actor | null, kase: CaseFacts, handlerAncestry: string[]): boolean {
  if (!isUser(actor)) return false;
  if (actor.officerId && actor.officerId === kase.subject_officer_id) return false;
  const roles: Role[] =
    kase.handler_role === 'inspector' ? ['inspector', 'gd_staff'] : [kase.handler_role as Role, 'gd_staff'];
  return scopeCovers(unitScopeOf(actor, roles), handlerAncestry);
}

/** Only the inspector handling the case sees who raised it. */
export function canSeeRaterIdentity(actor: Actor | null, kase: CaseFacts, handlerAncestry: string[]): boolean {
  if (kase.handler_role !== 'inspector') return false;
  if (isUser(actor) && actor.officerId && actor.officerId === kase.subject_officer_id) return false;
  return scopeCovers(unitScopeOf(actor, ['inspector']), handlerAncestry);
}
