// The only way a consultation or a comment leaves the server. The public shape
// of a comment never carries the enterprise of a business that chose to be
// anonymous: no name, no id, no tax code; only the drafting unit's shape does.
import type {
  Article,
  ConsultationDetail,
  ConsultationSummary,
  PublicComment,
  ReviewComment,
} from '../../../contracts/consultations.ts';
import { ANONYMOUS_LABEL } from '../../../contracts/consultations.ts';
import type { Locale } from '../../lib/locale.ts';
import type { CommentRow, ConsultationRow } from './repository.ts';

export interface Extension {
  at: string;
  from: string;
  to: string;
  reason: string;
}

export function toSummary(
  row: ConsultationRow,
  facts: { phase: ConsultationSummary['phase']; commentCount: number; late: boolean },
): ConsultationSummary {
  return {
    id: row.id,
    title: row.title,
    docType: row.doc_type,
    phase: facts.phase,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    topics: row.topics,
    commentCount: facts.commentCount,
    extended: row.extensions.length > 0,
    responseLate: facts.late,
  };
}

export function toDetail(
  row: ConsultationRow,
  facts: {
    phase: ConsultationSummary['phase'];
    commentCount: number;
    late: boolean;
    ownerUnitName: string;
    articles: Article[];
    revisedArticles: Article[];
    mayManage: boolean;
    mayComment: boolean;
    myAssociationId: string | null;
  },
): ConsultationDetail {
  return {
    ...toSummary(row, facts),
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: facts.ownerUnitName,
    summary: row.summary,
    responseDueOn: row.response_due_on,
    publishedAt: row.published_at?.toISOString() ?? null,
    audience: row.audience,
    questions: row.questions,
    extensions: row.extensions,
    articles: facts.articles,
    revisedArticles: facts.revisedArticles,
    legalDocumentId: row.legal_document_id,
    responseSummary: row.response_summary,
    mayManage: facts.mayManage,
    mayComment: facts.mayComment,
    myAssociationId: facts.myAssociationId,
  };
}

/** The commenter as the public reads it: the organization's name, or null for an anonymous business. */
export function publicCommenter(row: CommentRow): string | null {
  if (row.kind === 'association') return row.association_name;
  return row.anonymous ? null : row.enterprise_name;
}

/** The public label, in a language (exports and the report). */
export function commenterLabel(row: CommentRow, locale: Locale): string {
  return publicCommenter(row) ?? ANONYMOUS_LABEL[locale];
}

export function toPublicComment(row: CommentRow, facts: { mine: boolean; cosigners: string[] }): PublicComment {
  return {
    id: row.id,
    articleNumber: row.article_number,
    clause: row.clause,
    body: row.body,
    proposedWording: row.proposed_wording,
    commenter: publicCommenter(row),
    kind: row.kind,
    anonymous: row.anonymous,
    representedCount: row.represented_count,
    cosigners: facts.cosigners,
    createdAt: row.created_at.toISOString(),
    disposition: row.disposition,
    reason: row.reason,
    mine: facts.mine,
    withdrawn: row.status === 'withdrawn',
  };
}

export function toReviewComment(row: CommentRow, cosigners: string[]): ReviewComment {
  return {
    ...toPublicComment(row, { mine: false, cosigners }),
    enterpriseName: row.enterprise_name,
    associationName: row.association_name,
    groupId: row.group_id,
  };
}
