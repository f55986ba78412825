// The response: the "you said, we did" report per article — a Vietnamese báo
// cáo tiếp thu, giải trình — on the web, as Excel (the one table writer) and as
// a PDF (pdfkit with the platform's Noto fonts); and the comments as open data
// (CSV). Anonymous businesses appear as "Một doanh nghiệp" everywhere here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
import { type ConsultationReport, DISPOSITIONS, type Disposition } from '../../../contracts/consultations.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { writeTable, type DownloadFile, type TableFormat } from '../../lib/tabular.ts';
import { articlesOf, getVisible, isManager } from './access.ts';
import { commenterLabel } from './mapper.ts';
import { responseLate } from './policy.ts';
import * as repo from './repository.ts';

export const DISPOSITION_VI: Record<Disposition, string> = {
  accepted: 'Tiếp thu',
  partly: 'Tiếp thu một phần',
  not_accepted: 'Không tiếp thu (giải trình)',
  noted: 'Ghi nhận',
};

const FONTS = fileURLToPath(new URL('../../../../assets/fonts/', import.meta.url));

export function createConsultationReporting(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function buildReport(actor: Actor | null, id: string): Promise<ConsultationReport> {
    const row = await getVisible(db, actor, id);
    if (row.phase !== 'published' && !(await isManager(db, actor, row))) throw notFound();
    const [{ draft, revised }, comments, links] = await Promise.all([
      articlesOf(db, id),
      repo.findComments(db, id, { activeOnly: true }),
      repo.findChangeLinks(db, id),
    ]);
    const counts: Record<string, number> = Object.fromEntries(DISPOSITIONS.map((d) => [d, 0]));
    const articleNumbers: (number | null)[] = [null, ...draft.map((a) => a.number)];
    const articles = articleNumbers
      .map((number) => {
        const own = comments.filter((c) => c.article_number === number);
        // One entry per group and disposition: the same text sent by many firms is answered once.
        const entries = new Map<string, ConsultationReport['articles'][number]['entries'][number]>();
        for (const c of own) {
          if (c.disposition) counts[c.disposition] = (counts[c.disposition] ?? 0) + 1;
          const key = `${c.group_id ?? c.id}|${c.disposition ?? ''}|${c.reason ?? ''}`;
          const entry = entries.get(key);
          if (entry) {
            entry.commentIds.push(c.id);
            entry.commenters.push(commenterLabel(c, 'vi'));
          } else
            entries.set(key, {
              commentIds: [c.id],
              commenters: [commenterLabel(c, 'vi')],
              body: c.body,
              proposedWording: c.proposed_wording,
              disposition: c.disposition ?? 'noted',
              reason: c.reason ?? '',
            });
        }
        const a = draft.find((d) => d.number === number);
        const r = revised.find((d) => d.number === number);
        return {
          articleNumber: number,
          heading: a?.heading ?? '',
          draft: a?.body ?? '',
          revised: r && a && r.body !== a.body ? r.body : null,
          changedBy: links.filter((l) => l.article_number === number).map((l) => l.comment_id),
          entries: [...entries.values()],
        };
      })
      .filter((a) => a.articleNumber !== null || a.entries.length > 0);
    return {
      id,
      title: row.title,
      publishedAt: row.published_at?.toISOString() ?? null,
      responseDueOn: row.response_due_on,
      responseLate: responseLate(row, vietnamDay(clock.now()), vietnamDay),
      responseSummary: row.response_summary,
      counts,
      articles,
    };
  }

  const articleLabel = (n: number | null) => (n === null ? 'Chung (toàn bộ dự thảo)' : `Điều ${n}`);

  async function reportTable(actor: Actor | null, id: string, format: TableFormat): Promise<DownloadFile> {
    const report = await buildReport(actor, id);
    const rows: (string | number)[][] = [
      [
        'Điều',
        'Nội dung góp ý',
        'Đề xuất sửa đổi',
        'Cơ quan, tổ chức góp ý',
        'Số ý kiến',
        'Tiếp thu, giải trình',
        'Lý do',
        'Nội dung đã sửa',
      ],
    ];
    for (const a of report.articles)
      for (const e of a.entries)
        rows.push([
          articleLabel(a.articleNumber),
          e.body,
          e.proposedWording ?? '',
          [...new Set(e.commenters)].join('; '),
          e.commentIds.length,
          DISPOSITION_VI[e.disposition],
          e.reason,
          e.commentIds.some((c) => a.changedBy.includes(c)) ? (a.revised ?? '') : '',
        ]);
    return writeTable(
      [
        {
          name: 'Tiếp thu, giải trình',
          rows,
          headerRows: [0],
          widths: [10, 60, 40, 30, 8, 18, 50, 50],
          wrap: [1, 2, 3, 6, 7],
        },
      ],
      format,
      `bao-cao-tiep-thu-giai-trinh-${id.slice(0, 8)}`,
      clock.now(),
    );
  }

  async function reportPdf(actor: Actor | null, id: string): Promise<DownloadFile> {
    const report = await buildReport(actor, id);
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      info: { Title: `Báo cáo tiếp thu, giải trình — ${report.title}`, Author: 'Cầu Nối — Hải quan Việt Nam' },
      lang: 'vi-VN',
    });
    doc.registerFont('body', path.join(FONTS, 'NotoSans-Regular.ttf'));
    doc.registerFont('bold', path.join(FONTS, 'NotoSans-Bold.ttf'));
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    doc.font('bold').fontSize(16).text('BÁO CÁO TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý', { align: 'center' });
    doc.font('body').fontSize(12).text(report.title, { align: 'center' });
    doc.moveDown();
    doc
      .fontSize(10)
      .text(
        `Tổng số ý kiến: ${Object.values(report.counts).reduce((s, n) => s + n, 0)} — ` +
          DISPOSITIONS.map((d) => `${DISPOSITION_VI[d]}: ${report.counts[d] ?? 0}`).join('; '),
      );
    if (report.publishedAt) doc.text(`Ngày công bố: ${vietnamDay(new Date(report.publishedAt))}`);
    if (report.responseLate) doc.text(`Công bố muộn so với hạn ${report.responseDueOn}.`);
    if (report.responseSummary) doc.moveDown(0.5).text(report.responseSummary);
    for (const a of report.articles) {
      doc
        .moveDown()
        .font('bold')
        .fontSize(12)
        .text(`${articleLabel(a.articleNumber)}${a.heading ? `. ${a.heading}` : ''}`);
      doc.font('body').fontSize(10);
      if (a.entries.length === 0) doc.text('Không có ý kiến.');
      for (const e of a.entries) {
        doc
          .moveDown(0.3)
          .font('bold')
          .text(`${[...new Set(e.commenters)].join('; ')} (${e.commentIds.length} ý kiến)`);
        doc.font('body').text(`Ý kiến: ${e.body}`);
        if (e.proposedWording) doc.text(`Đề xuất: ${e.proposedWording}`);
        doc.text(`${DISPOSITION_VI[e.disposition]}: ${e.reason}`);
      }
      if (a.revised)
        doc.moveDown(0.3).font('bold').text('Nội dung đã sửa: ', { continued: true }).font('body').text(a.revised);
    }
    doc.end();
    await done;
    return {
      fileName: `bao-cao-tiep-thu-giai-trinh-${id.slice(0, 8)}.pdf`,
      contentType: 'application/pdf',
      body: Buffer.concat(chunks),
    };
  }

  /** Open data: every comment, anonymous businesses unnamed; dispositions once published. */
  async function commentsCsv(actor: Actor | null, id: string): Promise<DownloadFile> {
    const row = await getVisible(db, actor, id);
    const comments = await repo.findComments(db, id, { activeOnly: true });
    const published = row.phase === 'published';
    const rows: (string | number | null)[][] = [
      [
        'id',
        'dieu',
        'khoan',
        'loai',
        'nguoi_gop_y',
        'so_doanh_nghiep_dai_dien',
        'noi_dung',
        'de_xuat_sua',
        'thoi_gian',
        'tiep_thu',
        'ly_do',
      ],
    ];
    for (const c of comments)
      rows.push([
        c.id,
        c.article_number,
        c.clause,
        c.kind,
        commenterLabel(c, 'vi'),
        c.represented_count,
        c.body,
        c.proposed_wording,
        c.created_at.toISOString(),
        published ? c.disposition : null,
        published ? c.reason : null,
      ]);
    return writeTable([{ name: 'y-kien', rows }], 'csv', `y-kien-gop-y-${id.slice(0, 8)}`, clock.now());
  }

  return { buildReport, reportTable, reportPdf, commentsCsv };
}
