// Who is calling: a signed-in user (with role grants) or an integration client.
import type { Role } from '../../contracts/common.ts';
import { isEnterpriseUser } from '../../contracts/roles.ts';
import { forbidden, unauthorized } from './errors.ts';
import type { Locale } from './locale.ts';

export interface RoleGrant {
  role: Role;
  unitId: string | null;
  unitCode: string | null;
}

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  fullName: string;
  locale: Locale;
  roles: RoleGrant[];
  enterpriseId: string | null;
  associationId: string | null;
  officerId: string | null;
  sessionId: string;
  csrfToken: string;
}

export interface ApiActor {
  kind: 'api';
  clientId: string;
  name: string;
  scopes: string[];
}

export type Actor = UserActor | ApiActor;

export function isUser(actor: Actor | null): actor is UserActor {
  return actor?.kind === 'user';
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return isUser(actor) && actor.roles.some((grant) => roles.includes(grant.role));
}

/** A business user speaking for its enterprise: an enterprise role, on an account that belongs to one. */
export function speaksForEnterprise(actor: Actor | null): actor is UserActor & { enterpriseId: string } {
  return isUser(actor) && actor.enterpriseId !== null && isEnterpriseUser(actor);
}

export function hasScope(actor: Actor | null, scope: string): boolean {
  return actor?.kind === 'api' && actor.scopes.includes(scope);
}

/** An integration client's call: 401 for anyone else (a signed-in session included), 403 without the scope. */
export function requireScope(actor: Actor | null, scope: string): void {
  if (!actor || actor.kind !== 'api') throw unauthorized();
  if (!hasScope(actor, scope)) throw forbidden();
}
