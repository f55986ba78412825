// Who may write, review and publish question-bank entries, and which status moves exist.
import type { Role } from '../../../contracts/common.ts';
import type { QaStatus } from '../../../contracts/questions.ts';
import { isUser, type Actor } from '../../lib/actor.ts';

export const QA_WRITER_ROLES: Role[] = ['officer', 'team_lead', 'branch_leader', 'department_leader', 'gd_staff'];
export const QA_PUBLISHER_ROLES: Role[] = ['team_lead', 'branch_leader', 'department_leader', 'gd_staff'];
/** Who may download the whole bank to pass on: associations' focal points and customs staff. */
export const QA_EXPORT_ROLES: Role[] = ['association_rep', ...QA_WRITER_ROLES];

const hasAny = (actor: Actor | null, roles: Role[]) => isUser(actor) && actor.roles.some((grant) => roles.includes(grant.role));

export const canWriteEntries = (actor: Actor | null): boolean => hasAny(actor, QA_WRITER_ROLES);
export const canExportBank = (actor: Actor | null): boolean => hasAny(actor, QA_EXPORT_ROLES);

const MOVES: Record<QaStatus, QaStatus[]> = {
  draft: ['reviewed', 'archived'],
  reviewed: ['published', 'draft', 'archived'],
  published: ['archived', 'draft'],
  archived: ['draft'],
};

export type TransitionDenial = 'invalid_transition' | 'forbidden' | 'four_eyes';

/**
 * A move from one status to another. Reviewing and publishing need a team lead
 * or above; the author of the current version cannot review it (four eyes).
 */
export function checkTransition(actor: Actor | null, from: QaStatus, to: QaStatus, lastEditorId: string | null): TransitionDenial | null {
  if (!canWriteEntries(actor) || !isUser(actor)) return 'forbidden';
  if (!MOVES[from].includes(to)) return 'invalid_transition';
  if (to === 'reviewed' || to === 'published' || to === 'archived') {
    if (!hasAny(actor, QA_PUBLISHER_ROLES)) return 'forbidden';
    if (to === 'reviewed' && lastEditorId === actor.userId) return 'four_eyes';
  }
  return null;
}
