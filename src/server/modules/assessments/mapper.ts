// The only way an assessment leaves the server (to the business that sent it),
// fields listed one by one.
import type { FlagKind } from '../../../contracts/assessments.ts';
import type { Participant } from './participants.ts';
import type * as repo from './repository.ts';

export function toAssessmentView(
  declarationNumber: string,
  assessment: { comment: string | null; created_at: Date; updated_at: Date; editable_until: Date; revision: number },
  ratings: repo.RatingValues[],
  participants: Participant[],
  cases: { number: string; kinds: string[]; status: string }[],
) {
  return {
    declarationNumber,
    subjects: ratings.map((r) => ({
      kind: r.subjectKind,
      ref: r.subjectRef,
      label: participants.find((p) => p.kind === r.subjectKind && p.ref === r.subjectRef)?.label ?? r.subjectRef,
      stars: r.stars,
      reason: r.reason,
      flags: r.flags as FlagKind[],
    })),
    comment: assessment.comment,
    createdAt: assessment.created_at.toISOString(),
    updatedAt: assessment.updated_at.toISOString(),
    editableUntil: assessment.editable_until.toISOString(),
    revision: assessment.revision,
    cases: cases.map((c) => ({ number: c.number, kinds: c.kinds as FlagKind[], status: c.status })),
  };
}
