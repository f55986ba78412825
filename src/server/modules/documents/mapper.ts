// The only way the library's rows leave the server: documents and their files,
// announcements, newsletters and their delivery log, fields listed one by one.
import type {
  AnnouncementView,
  DeliveryLogView,
  DocumentFileView,
  DocumentView,
  NewsletterView,
  Topic,
} from '../../../contracts/documents.ts';
import type { DeliveryLogRow, NewsletterViewData } from './newsletter-repository.ts';
import type { AnnouncementRow, DocumentRow, FileRow } from './repository.ts';

function toFileView(row: FileRow): DocumentFileView {
  return {
    id: row.id,
    version: row.version,
    name: row.file_name,
    contentType: row.content_type,
    size: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
    current: row.replaced_at === null,
    url: `/api/documents/${row.document_id}/files/${row.id}`,
  };
}

/** A document with its files (of any documents: those of this one are picked) and whether the caller maintains it. */
export function toDocument(row: DocumentRow, files: FileRow[], canManage: boolean): DocumentView {
  return {
    id: row.id,
    number: row.number,
    docType: row.doc_type,
    issuer: row.issuer,
    title: row.title,
    issuedOn: row.issued_on,
    effectiveOn: row.effective_on,
    summaryVi: row.summary_vi,
    summaryEn: row.summary_en,
    topics: row.topics as Topic[],
    status: row.status,
    replacedBy: row.replaced_by_id ? { id: row.replaced_by_id, number: row.replaced_by_number ?? '' } : null,
    fileUrl: row.file_url,
    unit: row.unit_id ? { id: row.unit_id, code: row.unit_code ?? '', name: row.unit_name ?? '' } : null,
    files: files.filter((f) => f.document_id === row.id).map(toFileView),
    canManage,
  };
}

export function toAnnouncementView(row: AnnouncementRow): AnnouncementView {
  return {
    id: row.id,
    unit: { code: row.code, name: row.name_vi },
    title: row.title,
    body: row.body,
    publishedAt: row.published_at.toISOString(),
    expiresOn: row.expires_on,
  };
}

export function toNewsletterView({ row, delivery }: NewsletterViewData): NewsletterView {
  return {
    id: row.id,
    month: row.month,
    status: row.status,
    introVi: row.intro_vi,
    items: row.items,
    recipients: row.recipients,
    sentAt: row.sent_at?.toISOString() ?? null,
    delivery,
    unit: row.unit_id ? { id: row.unit_id, code: row.unit_code ?? '', name: row.unit_name ?? '' } : null,
  };
}

export function toDeliveryLogRow(row: DeliveryLogRow): DeliveryLogView['rows'][number] {
  return {
    email: row.email,
    status: row.status,
    error: row.error,
    attempts: row.attempts,
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    unsubscribedAt: row.unsubscribed_at ? new Date(row.unsubscribed_at).toISOString() : null,
  };
}
