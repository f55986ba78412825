// The only way question-bank entries leave the server, fields listed one by one:
// the public entry, the officers' entry with its versions, list items and search hits.
import { highlight, type OfficerEntry, type PublicEntry, type QaCategory } from '../../../contracts/questions.ts';
import type { EntryRow, findVersions, SearchRow } from './repository.ts';

export function toPublic(row: EntryRow): PublicEntry {
  return {
    id: row.id,
    number: row.number,
    category: row.category as QaCategory,
    tags: row.tags,
    titleVi: row.title_vi,
    bodyVi: row.body_vi,
    titleEn: row.title_en,
    bodyEn: row.body_en,
    legalBasis: row.legal_basis.map((item) => ({
      document: item.document,
      article: item.article ?? '',
      effectiveDate: item.effectiveDate ?? null,
    })),
    lastReviewedAt: row.last_reviewed_at?.toISOString() ?? null,
    publishedAt: row.published_at?.toISOString() ?? null,
    views: row.views,
    helpfulYes: row.helpful_yes,
    helpfulNo: row.helpful_no,
  };
}

export function toOfficerEntry(
  row: EntryRow,
  versions: Awaited<ReturnType<typeof findVersions>>,
  names: Map<string, string>,
): OfficerEntry {
  return {
    ...toPublic(row),
    status: row.status,
    version: row.version,
    authorName: row.author_user_id ? (names.get(row.author_user_id) ?? null) : null,
    reviewedByName: row.reviewed_by_user_id ? (names.get(row.reviewed_by_user_id) ?? null) : null,
    sourceRequestId: row.source_request_id,
    updatedAt: row.updated_at.toISOString(),
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      actorName: v.actor_user_id ? (names.get(v.actor_user_id) ?? null) : null,
      note: v.note,
      at: v.at.toISOString(),
    })),
  };
}

export function toOfficerListItem(
  row: Pick<EntryRow, 'id' | 'number' | 'category' | 'status' | 'title_vi' | 'version' | 'updated_at' | 'views'>,
) {
  return {
    id: row.id,
    number: row.number,
    category: row.category as QaCategory,
    status: row.status,
    titleVi: row.title_vi,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    views: row.views,
  };
}

/** A search result, its title and snippet marked where the query's words (`marks`) occur. */
export function toSearchHit(row: SearchRow, marks: string[]) {
  return {
    id: row.id,
    number: row.number,
    category: row.category as QaCategory,
    tags: row.tags,
    title: row.title_vi,
    titleSegments: highlight(row.title_vi, marks),
    snippet: highlight(row.body_vi, marks, 220),
    lastReviewedAt: row.last_reviewed_at?.toISOString() ?? null,
  };
}

/** A synonym group for its editors. */
export function toSynonymGroup(row: { id: string; terms: string[]; updated_at: Date }) {
  return { id: row.id, terms: row.terms, updatedAt: row.updated_at.toISOString() };
}
