// The kinds of a rating, apart from the schemas (assessments.ts) so that the rating page,
// which needs only these lists, does not load zod.
export const SUBJECT_KINDS = ['branch', 'team', 'stage', 'officer'] as const;
export const FLAG_KINDS = ['inconvenience', 'harassment', 'negativity', 'delay', 'error'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
