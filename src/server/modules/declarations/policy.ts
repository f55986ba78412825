import { DECLARATION_ENTRY_ROLES, IMPORT_ROLES } from '../../../contracts/roles.ts';
import type { Actor } from '../../lib/actor.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';

/** Customs staff of a branch (or above) may enter or import its declarations. */
export function canEnterDeclarations(actor: Actor | null, officeAncestry: string[]): boolean {
  return scopeCovers(unitScopeOf(actor, DECLARATION_ENTRY_ROLES), officeAncestry);
}

/** Imports cover a whole branch's declarations: its leaders, the Department's, or an administrator. */
export function canImport(actor: Actor | null): boolean {
  return unitScopeOf(actor, IMPORT_ROLES) !== 'none';
}
