// The question bank: categories shared with the support desk, entries with their
// legal basis, search with highlights. Shared by the server and the web app.
import { z } from 'zod';

export const QA_CATEGORIES = [
  'hs_code',
  'tax_refund',
  'tax_exemption',
  'commodity_policy',
  'procedures',
  'processing_export',
  'origin',
  'it_ecustoms',
  'other',
] as const;
export type QaCategory = (typeof QA_CATEGORIES)[number];
export const QA_STATUSES = ['draft', 'reviewed', 'published', 'archived'] as const;
export type QaStatus = (typeof QA_STATUSES)[number];

/**
 * Folds Vietnamese text the way a reader types it: lower case, no tone or
 * vowel marks, đ → d. One output character per input character, so positions
 * found in the folded text point into the original (used for highlighting).
 */
export function foldVietnamese(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

// Folding a character (Unicode normalization, then several tests) costs about a
// microsecond; texts use few distinct characters, so each is folded once.
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = foldCharUncached(char);
    if (foldedChars.size < 10_000) foldedChars.set(char, folded);
  }
  return folded;
}

function foldCharUncached(char: string): string {
  if (char === 'đ' || char === 'Đ') return 'd';
  const base = char
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (base.length !== 1) return ' '.repeat(char.length);
  return /[a-z0-9]/.test(base)
    ? base
    : base === '/' || base === '.' || base === '-'
      ? base
      : /\p{L}|\p{N}/u.test(base)
        ? base
        : ' ';
}

/** The folded form kept in the search columns and used for queries: words separated by one space. */
export function searchForm(text: string): string {
  return foldVietnamese(text)
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits text into plain and matched segments for the folded query words (no HTML is ever built from user text). */
export function highlight(text: string, words: readonly string[], maxLength?: number): Segment[] {
  const folded = foldVietnamese(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    if (word.length < 2) continue;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length))
      ranges.push([at, at + word.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let start = 0;
  let end = text.length;
  if (maxLength && text.length > maxLength) {
    const first = ranges[0]?.[0] ?? 0;
    start = Math.max(0, first - Math.floor(maxLength / 3));
    const space = text.lastIndexOf(' ', start);
    if (start > 0 && space > start - 20) start = space + 1;
    end = Math.min(text.length, start + maxLength);
  }
  const segments: Segment[] = [];
  let cursor = start;
  const push = (from: number, to: number, hit: boolean) => {
    if (to <= from) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), hit });
  };
  if (start > 0) segments.push({ text: '… ', hit: false });
  for (const [from, to] of ranges) {
    if (to <= cursor || from >= end) continue;
    push(cursor, Math.max(cursor, from), false);
    push(Math.max(cursor, from), Math.min(to, end), true);
    cursor = Math.min(to, end);
  }
  push(cursor, end, false);
  if (end < text.length) segments.push({ text: ' …', hit: false });
  return segments;
}

export const legalBasisItem = z.object({
  document: z.string().trim().min(3).max(120),
  article: z.string().trim().max(120).default(''),
  effectiveDate: z.iso.date().nullable().default(null),
});
export type LegalBasis = z.infer<typeof legalBasisItem>;

const tag = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[\p{L}\p{N} /.-]+$/u);

export const entryBody = z.object({
  category: z.enum(QA_CATEGORIES),
  tags: z.array(tag).max(10).default([]),
  titleVi: z.string().trim().min(10).max(300),
  bodyVi: z.string().trim().min(20).max(20_000),
  titleEn: z.string().trim().max(300).default(''),
  bodyEn: z.string().trim().max(20_000).default(''),
  legalBasis: z.array(legalBasisItem).max(10).default([]),
});
export type EntryInput = z.infer<typeof entryBody>;

export const transitionBody = z.object({
  to: z.enum(QA_STATUSES),
  note: z.string().trim().max(1000).optional(),
});

export const searchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.enum(QA_CATEGORIES).optional(),
  tag: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const segmentSchema = z.object({ text: z.string(), hit: z.boolean() });

export const searchHit = z.object({
  id: z.uuid(),
  number: z.number().int(),
  category: z.enum(QA_CATEGORIES),
  tags: z.array(z.string()),
  title: z.string(),
  titleSegments: z.array(segmentSchema),
  snippet: z.array(segmentSchema),
  lastReviewedAt: z.string().nullable(),
});
/**
 * `total` is exact when `totalExact`; otherwise it is a lower bound ("more than
 * 200 results"): counting every match of a common word is what made search slow.
 * `corrected` is the query the results are for when typos were corrected (`fuzzy`).
 * `approximate`: no entry holds every word of the query; these hold most of them.
 * `searchId` is passed back when a result is opened (`?search=`), so the report
 * can list searches whose results nobody opened.
 */
export const searchResponse = z.object({
  items: z.array(searchHit),
  total: z.number().int(),
  totalExact: z.boolean(),
  fuzzy: z.boolean(),
  corrected: z.string().nullable(),
  approximate: z.boolean(),
  searchId: z.number().int().nullable(),
});
export type SearchResponse = z.infer<typeof searchResponse>;

export const suggestResponse = z.array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string() }));

export const publicEntry = z.object({
  id: z.uuid(),
  number: z.number().int(),
  category: z.enum(QA_CATEGORIES),
  tags: z.array(z.string()),
  titleVi: z.string(),
  bodyVi: z.string(),
  titleEn: z.string(),
  bodyEn: z.string(),
  legalBasis: z.array(z.object({ document: z.string(), article: z.string(), effectiveDate: z.string().nullable() })),
  lastReviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  views: z.number().int(),
  helpfulYes: z.number().int(),
  helpfulNo: z.number().int(),
});
export type PublicEntry = z.infer<typeof publicEntry>;

export const officerEntry = publicEntry.extend({
  status: z.enum(QA_STATUSES),
  version: z.number().int(),
  authorName: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  sourceRequestId: z.uuid().nullable(),
  updatedAt: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      status: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type OfficerEntry = z.infer<typeof officerEntry>;

export const officerListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(QA_STATUSES).optional(),
  category: z.enum(QA_CATEGORIES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const officerListItem = z.object({
  id: z.uuid(),
  number: z.number().int(),
  category: z.enum(QA_CATEGORIES),
  status: z.enum(QA_STATUSES),
  titleVi: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  views: z.number().int(),
});
export const officerListResponse = z.object({ items: z.array(officerListItem), total: z.number().int() });

export const feedbackBody = z.object({ helpful: z.boolean() });

export const categoryCounts = z.array(z.object({ category: z.enum(QA_CATEGORIES), count: z.number().int() }));

export const reportResponse = z.object({
  mostViewed: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      titleVi: z.string(),
      views: z.number().int(),
      helpfulYes: z.number().int(),
      helpfulNo: z.number().int(),
    }),
  ),
  emptySearches: z.array(z.object({ query: z.string(), count: z.number().int(), lastAt: z.string() })),
  unopenedSearches: z.array(z.object({ query: z.string(), count: z.number().int(), lastAt: z.string() })),
});

/** Opening an entry from a search result (the search's id from the results). */
export const entryReadQuery = z.object({
  search: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53)
    .optional(),
});

/**
 * A synonym group: expressions a search treats as the same ("C/O", "giấy chứng
 * nhận xuất xứ", "certificate of origin"), applied when a query runs.
 */
const synonymTerm = z
  .string()
  .trim()
  .min(1, { error: 'Mỗi từ đồng nghĩa cần ít nhất 1 ký tự / Each synonym needs at least 1 character' })
  .max(60, { error: 'Mỗi từ đồng nghĩa tối đa 60 ký tự / Each synonym is at most 60 characters' })
  .refine((term) => /[\p{L}\p{N}]/u.test(term), {
    error: 'Từ đồng nghĩa cần có chữ hoặc số / A synonym needs a letter or digit',
  });
export const synonymBody = z.object({
  terms: z
    .array(synonymTerm)
    .min(2, { error: 'Nhóm đồng nghĩa cần ít nhất 2 cách nói / A synonym group needs at least 2 expressions' })
    .max(12, { error: 'Nhóm đồng nghĩa tối đa 12 cách nói / A synonym group holds at most 12 expressions' })
    .refine((terms) => new Set(terms.map((t) => searchForm(t))).size === terms.length, {
      error: 'Các cách nói trong nhóm phải khác nhau / The expressions of a group must differ',
    }),
});
export type SynonymInput = z.infer<typeof synonymBody>;
export const synonymGroup = z.object({ id: z.uuid(), terms: z.array(z.string()), updatedAt: z.string() });
export type SynonymGroupView = z.infer<typeof synonymGroup>;
export const synonymList = z.array(synonymGroup);
