import { CUSTOMS_ROLES } from '../../../contracts/roles.ts';
import { hasRole, type Actor } from '../../lib/actor.ts';

/** Customs staff read the enterprise directory; a party reads only its own side of it. */
export function canReadEnterpriseDirectory(actor: Actor | null): boolean {
  return hasRole(actor, ...CUSTOMS_ROLES);
}

export function canManageEnterprises(actor: Actor | null): boolean {
  return hasRole(actor, 'admin');
}
