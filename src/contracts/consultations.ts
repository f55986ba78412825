// Consultation on draft legal documents: the draft split into articles, comments
// on an article or clause with proposed wording, associations' consolidated
// positions, dispositions, the revised text and the "you said, we did" report
// (báo cáo tiếp thu, giải trình).
import { z } from 'zod';
import { uuid } from './common.ts';
import { DOC_TYPES, TOPICS } from './documents.ts';

export const CONSULTATION_PHASES = ['draft', 'open', 'closed', 'published'] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number];
export const DISPOSITIONS = ['accepted', 'partly', 'not_accepted', 'noted'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const COMMENTER_KINDS = ['enterprise', 'association'] as const;
export const COMMENT_MAX = 5000;
export const WORDING_MAX = 10000;
export const DRAFT_TEXT_MAX = 400_000;
export const REASON_MAX = 3000;
/** Near-duplicates: comments on the same article whose word 3-gram sets overlap at least this much (Jaccard). */
export const DUPLICATE_THRESHOLD = 0.6;

const text = (max: number) => z.string().trim().max(max);
/** An instant given as Vietnam local time: "2026-12-20T17:00" (UTC+7, no zone written). */
const vietnamLocal = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'msg:consultation_time_format');

export const questionItem = z.object({
  key: z.string().regex(/^q\d{1,2}$/),
  text: z.string().trim().min(3).max(500),
});

export const consultationBody = z.object({
  ownerUnitId: uuid,
  title: z.string().trim().min(5, 'msg:consultation_title_short').max(500),
  summary: text(8000).default(''),
  docType: z.enum(DOC_TYPES),
  /** The draft as text: articles start with "Điều N." on their own line. */
  draftText: z.string().trim().min(1, 'msg:consultation_draft_empty').max(DRAFT_TEXT_MAX),
  topics: z.array(z.enum(TOPICS)).min(1, 'msg:consultation_topics_empty').max(TOPICS.length),
  audience: z.enum(['all', 'list']).default('all'),
  audienceAssociationIds: z.array(uuid).max(200).default([]),
  audienceEnterpriseIds: z.array(uuid).max(2000).default([]),
  opensAt: vietnamLocal,
  closesAt: vietnamLocal,
  responseDueOn: z.iso.date().nullable().default(null),
  questions: z.array(questionItem).max(20).default([]),
});
export type ConsultationBody = z.infer<typeof consultationBody>;

export const extensionBody = z.object({
  closesAt: vietnamLocal,
  reason: z.string().trim().min(5, 'msg:consultation_reason_short').max(1000),
});

export const commentBody = z.object({
  articleNumber: z.number().int().min(1).max(10_000).nullable().default(null),
  clause: text(100).nullable().default(null),
  body: z
    .string()
    .trim()
    .min(1, 'msg:consultation_comment_empty')
    .max(COMMENT_MAX, 'msg:consultation_comment_too_long'),
  proposedWording: z.string().trim().max(WORDING_MAX, 'msg:consultation_wording_too_long').nullable().default(null),
  answers: z.record(z.string().regex(/^q\d{1,2}$/), z.string().trim().max(COMMENT_MAX)).default({}),
  anonymous: z.boolean().default(false),
  /** An association's consolidated position: the firms it represents and the members that co-sign. */
  representedCount: z.number().int().min(1).max(1_000_000).nullable().default(null),
  cosignerIds: z.array(uuid).max(2000).default([]),
});
export type CommentBody = z.infer<typeof commentBody>;

export const memberViewBody = z.object({
  articleNumber: z.number().int().min(1).max(10_000).nullable().default(null),
  body: z
    .string()
    .trim()
    .min(1, 'msg:consultation_comment_empty')
    .max(COMMENT_MAX, 'msg:consultation_comment_too_long'),
});

export const dispositionBody = z.object({
  commentIds: z.array(uuid).min(1).max(20_000),
  disposition: z.enum(DISPOSITIONS),
  reason: z.string().trim().min(3, 'msg:consultation_reason_short').max(REASON_MAX),
});

export const revisionBody = z.object({
  revisedText: z.string().trim().min(1, 'msg:consultation_draft_empty').max(DRAFT_TEXT_MAX),
});
export const changeLinksBody = z.object({
  articleNumber: z.number().int().min(1).max(10_000),
  commentIds: z.array(uuid).max(20_000),
});
export const publishBody = z.object({ responseSummary: text(8000).default('') });
export const linkDocumentBody = z.object({ legalDocumentId: uuid.nullable() });

export const listQuery = z.object({
  q: text(200).optional(),
  phase: z.enum(CONSULTATION_PHASES).optional(),
  topic: z.enum(TOPICS).optional(),
  documentId: uuid.optional(),
});
export const groupedQuery = z.object({
  article: z.coerce.number().int().min(0).max(10_000).optional(),
  kind: z.enum(COMMENTER_KINDS).optional(),
  associationId: uuid.optional(),
  status: z.enum(['pending', 'answered']).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const article = z.object({ number: z.number(), heading: z.string(), body: z.string() });
export type Article = z.infer<typeof article>;

export const consultationSummary = z.object({
  id: uuid,
  title: z.string(),
  docType: z.string(),
  phase: z.enum(CONSULTATION_PHASES),
  opensAt: z.string(),
  closesAt: z.string(),
  topics: z.array(z.string()),
  commentCount: z.number(),
  extended: z.boolean(),
  responseLate: z.boolean(),
});
export type ConsultationSummary = z.infer<typeof consultationSummary>;

export const consultationDetail = consultationSummary.extend({
  ownerUnitId: uuid,
  ownerUnitName: z.string(),
  summary: z.string(),
  responseDueOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  audience: z.enum(['all', 'list']),
  questions: z.array(questionItem),
  extensions: z.array(z.object({ at: z.string(), from: z.string(), to: z.string(), reason: z.string() })),
  articles: z.array(article),
  revisedArticles: z.array(article),
  legalDocumentId: uuid.nullable(),
  responseSummary: z.string(),
  /** What the caller may do: shown only when the server would allow it. */
  mayManage: z.boolean(),
  mayComment: z.boolean(),
  myAssociationId: uuid.nullable(),
});
export type ConsultationDetail = z.infer<typeof consultationDetail>;

/** A comment as the public reads it: an anonymous business is "a business", nothing more. */
export const publicComment = z.object({
  id: uuid,
  articleNumber: z.number().nullable(),
  clause: z.string().nullable(),
  body: z.string(),
  proposedWording: z.string().nullable(),
  commenter: z.string().nullable(),
  kind: z.enum(COMMENTER_KINDS),
  anonymous: z.boolean(),
  representedCount: z.number().nullable(),
  cosigners: z.array(z.string()),
  createdAt: z.string(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  reason: z.string().nullable(),
  mine: z.boolean(),
  withdrawn: z.boolean(),
});
export type PublicComment = z.infer<typeof publicComment>;

/** The drafting unit's view: who sent it, even when anonymous to the public. */
export const reviewComment = publicComment.extend({
  enterpriseName: z.string().nullable(),
  associationName: z.string().nullable(),
  groupId: uuid.nullable(),
});
export type ReviewComment = z.infer<typeof reviewComment>;

export const reviewGroup = z.object({
  groupId: uuid,
  articleNumber: z.number().nullable(),
  size: z.number(),
  pending: z.number(),
  /** Every comment of the group (a disposition given to the group applies to all of them). */
  commentIds: z.array(uuid),
  /** The first comments of the group, in full (at most REVIEW_SHOWN_PER_GROUP). */
  comments: z.array(reviewComment),
});
/** Groups per page of the grouped view, and comments shown in full per group. */
export const REVIEW_GROUPS_PER_PAGE = 50;
export const REVIEW_SHOWN_PER_GROUP = 10;
export const groupedView = z.object({
  total: z.number(),
  pending: z.number(),
  groupedAt: z.string().nullable(),
  /** Every article with comments: how many, and how many still without a disposition (0: the whole draft). */
  articles: z.array(z.object({ articleNumber: z.number().nullable(), total: z.number(), pending: z.number() })),
  /** The article whose groups follow (0: comments on the whole draft; null: none). */
  selected: z.number().nullable(),
  /** Groups of the selected article (with the filters), largest first; this page holds up to REVIEW_GROUPS_PER_PAGE. */
  groupCount: z.number(),
  offset: z.number(),
  groups: z.array(reviewGroup),
});
export type GroupedView = z.infer<typeof groupedView>;

export const memberView = z.object({
  id: uuid,
  articleNumber: z.number().nullable(),
  body: z.string(),
  enterpriseName: z.string(),
  enterpriseId: uuid,
  createdAt: z.string(),
});

export const reportArticle = z.object({
  articleNumber: z.number().nullable(),
  heading: z.string(),
  draft: z.string(),
  revised: z.string().nullable(),
  changedBy: z.array(uuid),
  entries: z.array(
    z.object({
      commentIds: z.array(uuid),
      commenters: z.array(z.string()),
      body: z.string(),
      proposedWording: z.string().nullable(),
      disposition: z.enum(DISPOSITIONS),
      reason: z.string(),
    }),
  ),
});
export const consultationReport = z.object({
  id: uuid,
  title: z.string(),
  publishedAt: z.string().nullable(),
  responseDueOn: z.string().nullable(),
  responseLate: z.boolean(),
  responseSummary: z.string(),
  counts: z.record(z.string(), z.number()),
  articles: z.array(reportArticle),
});
export type ConsultationReport = z.infer<typeof consultationReport>;

export const noticeItem = z.object({
  id: uuid,
  consultationId: uuid,
  title: z.string(),
  commentId: uuid.nullable(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

/** The public label of an anonymous business, in both languages. */
export const ANONYMOUS_LABEL = { vi: 'Một doanh nghiệp', en: 'A business' } as const;

/**
 * Splits a draft into its articles: each starts with "Điều N." (or "Article N.")
 * at the start of a line; text before the first is the preamble and is not an
 * article. Null when no article heading is found or numbers repeat.
 */
export function splitArticles(text: string): Article[] | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const heading = /^\s*(?:Điều|Dieu|Article)\s+(\d{1,4})\s*[.:]?\s*(.*)$/iu;
  const articles: Article[] = [];
  for (const line of lines) {
    const match = heading.exec(line);
    if (match) {
      articles.push({ number: Number(match[1]), heading: (match[2] ?? '').trim(), body: '' });
      continue;
    }
    const current = articles[articles.length - 1];
    if (current) current.body = current.body ? `${current.body}\n${line}` : line;
  }
  if (articles.length === 0) return null;
  const numbers = new Set(articles.map((a) => a.number));
  if (numbers.size !== articles.length) return null;
  return articles.map((a) => ({ ...a, body: a.body.trim() }));
}

export type DiffPart = { op: 'same' | 'add' | 'del'; text: string };

/** A word-level difference (longest common subsequence), for proposed wording and revised articles. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter((t) => t !== '');
  const b = after.split(/(\s+)/).filter((t) => t !== '');
  // Bounded: a very long text falls back to "all removed, all added".
  if (a.length * b.length > 4_000_000)
    return [
      { op: 'del', text: before },
      { op: 'add', text: after },
    ];
  const rows = a.length + 1;
  const cols = b.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * cols + j] =
        a[i] === b[j] ? lcs[(i + 1) * cols + j + 1]! + 1 : Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], t: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += t;
    else parts.push({ op, text: t });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!) push('del', a[i++]!);
    else push('add', b[j++]!);
  }
  while (i < a.length) push('del', a[i++]!);
  while (j < b.length) push('add', b[j++]!);
  return parts;
}
