// Which status moves of a question-bank entry exist, and who may make them (the
// role rules — who writes, publishes, exports — are in src/contracts/roles.ts).
import type { QaStatus } from '../../../contracts/questions.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { mayPublishAnswers, mayWriteAnswers } from '../../../contracts/roles.ts';

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
export function checkTransition(
  actor: Actor | null,
  from: QaStatus,
  to: QaStatus,
  lastEditorId: string | null,
): TransitionDenial | null {
  if (!mayWriteAnswers(actor) || !isUser(actor)) return 'forbidden';
  if (!MOVES[from].includes(to)) return 'invalid_transition';
  if (to === 'reviewed' || to === 'published' || to === 'archived') {
    if (!mayPublishAnswers(actor)) return 'forbidden';
    if (to === 'reviewed' && lastEditorId === actor.userId) return 'four_eyes';
  }
  return null;
}
