// The denial matrix's requests for consultations: a consultation in each phase,
// owned by 03NK (in) or by Quảng Ninh's department (out, commentable by E2 only),
// E1's comment and A1's private space. Allowed cells that change the phase get a
// throw-away consultation.
import type { CellRequest, Ctx } from './denial-matrix-requests.ts';
import type { Side, World } from './denial-matrix-world.ts';

type Build = (ctx: Ctx) => CellRequest | Promise<CellRequest>;
type Variants = Record<string, Build>;
type Phase = 'draft' | 'open' | 'closed' | 'published';

const one = (build: Build): Variants => ({ '-': build });
const sides = (build: (side: Side, ctx: Ctx) => CellRequest | Promise<CellRequest>): Variants => ({
  in: (ctx) => build('in', ctx),
  out: (ctx) => build('out', ctx),
});

/** A Vietnam wall-clock time ("YYYY-MM-DDTHH:mm") some days from the world's now. */
const local = (w: World, days: number) =>
  new Date(w.now().getTime() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);

export const consultationBody = (w: World, side: Side) => ({
  ownerUnitId: side === 'in' ? w.org['03NK'] : w.org['20'],
  title: 'Dự thảo quy trình thủ tục hải quan',
  docType: 'decision',
  draftText: 'Điều 1. Phạm vi\nQuy định thủ tục.\nĐiều 2. Thời hạn\nGiải quyết trong 10 ngày.',
  topics: ['procedures'],
  audience: side === 'in' ? 'all' : 'list',
  audienceEnterpriseIds: side === 'in' ? [] : [w.parties.e2.id],
  opensAt: local(w, -1),
  closesAt: local(w, 10),
});

async function consultation(w: World, side: Side, phase: Phase, comment = false): Promise<string> {
  const { id } = await w.must<{ id: string }>('gd', 'POST', '/api/consultations', consultationBody(w, side));
  if (phase === 'draft') return id;
  await w.must('gd', 'POST', `/api/consultations/${id}/open`);
  if (comment)
    await w.must(side === 'in' ? 'ent' : 'e2', 'POST', `/api/consultations/${id}/comments`, {
      articleNumber: 2,
      body: 'Đề nghị 5 ngày',
    });
  if (phase === 'open') return id;
  await w.must('gd', 'POST', `/api/consultations/${id}/close`);
  if (phase === 'published') await w.must('gd', 'POST', `/api/consultations/${id}/publish`, {});
  return id;
}

const shared = new WeakMap<World, Promise<Record<string, Record<Side, string>>>>();
function rows(w: World) {
  let found = shared.get(w);
  if (!found) {
    found = (async () => {
      const result: Record<string, Record<Side, string>> = {};
      for (const phase of ['draft', 'open', 'closed', 'published'] as const)
        result[phase] = {
          in: await consultation(w, 'in', phase, phase === 'closed'),
          out: await consultation(w, 'out', phase, phase === 'closed'),
        };
      const comment = async (id: string) =>
        (
          await w.db
            .selectFrom('consultation_comments')
            .select('id')
            .where('consultation_id', '=', id)
            .executeTakeFirstOrThrow()
        ).id;
      result.closedComment = { in: await comment(result.closed!.in), out: await comment(result.closed!.out) };
      const mine = await w.must<{ id: string }>('ent', 'POST', `/api/consultations/${result.open!.in}/comments`, {
        articleNumber: 1,
        body: 'Ý kiến của E1',
      });
      result.openComment = { in: mine.id, out: mine.id };
      return result;
    })();
    shared.set(w, found);
  }
  return found;
}

const owned = (
  suffix: string,
  phase: Phase,
  fresh: boolean,
  payload?: (w: World, side: Side, ids: Record<string, Record<Side, string>>) => object,
) =>
  sides(async (side, { w, allowed }) => {
    const all = await rows(w);
    const id = fresh && allowed ? await consultation(w, side, phase) : all[phase]![side];
    return { url: `/api/consultations/${id}${suffix}`, ...(payload && { payload: payload(w, side, all) }) };
  });

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const CONSULTATION_REQUESTS: Record<string, Variants> = {
  'GET /api/consultations': one(async ({ w }) => {
    const all = await rows(w);
    return { url: '/api/consultations', shown: { open: all.open!.in }, hidden: { draft: all.draft!.in } };
  }),
  'GET /api/consultations/managed': one(() => ({ url: '/api/consultations/managed' })),
  'POST /api/consultations': sides((side, { w }) => ({
    url: '/api/consultations',
    payload: consultationBody(w, side),
  })),
  'POST /api/consultations/docx-text': one(async () => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>Điều 1. Phạm vi</w:t></w:r></w:p></w:body></w:document>',
    );
    return {
      url: '/api/consultations/docx-text',
      upload: {
        fileName: 'du-thao.docx',
        contentType: DOCX_TYPE,
        bytes: await zip.generateAsync({ type: 'nodebuffer' }),
      },
    };
  }),
  'GET /api/consultations/{id}': {
    draft: async ({ w }) => ({ url: `/api/consultations/${(await rows(w)).draft!.in}` }),
    open: async ({ w }) => ({ url: `/api/consultations/${(await rows(w)).open!.out}` }),
  },
  'PUT /api/consultations/{id}': owned('', 'draft', false, consultationBody),
  'POST /api/consultations/{id}/open': owned('/open', 'draft', true),
  'POST /api/consultations/{id}/close': owned('/close', 'open', true),
  'POST /api/consultations/{id}/group': owned('/group', 'closed', false),
  'POST /api/consultations/{id}/extend': owned('/extend', 'open', true, (w) => ({
    closesAt: local(w, 20),
    reason: 'Doanh nghiệp đề nghị thêm thời gian',
  })),
  'GET /api/consultations/{id}/review': owned('/review', 'closed', false),
  'POST /api/consultations/{id}/dispositions': owned('/dispositions', 'closed', false, (_w, side, all) => ({
    commentIds: [all.closedComment![side]],
    disposition: 'noted',
    reason: 'Ghi nhận ý kiến',
  })),
  'PUT /api/consultations/{id}/revision': owned('/revision', 'closed', false, () => ({
    revisedText: 'Điều 1. Phạm vi\nQuy định thủ tục.\nĐiều 2. Thời hạn\nGiải quyết trong 07 ngày.',
  })),
  'PUT /api/consultations/{id}/changes': owned('/changes', 'closed', false, (_w, side, all) => ({
    articleNumber: 2,
    commentIds: [all.closedComment![side]],
  })),
  'POST /api/consultations/{id}/publish': owned('/publish', 'closed', true, () => ({})),
  'PUT /api/consultations/{id}/document': owned('/document', 'open', false, () => ({ legalDocumentId: null })),
  'GET /api/consultations/{id}/comments': one(async ({ w }) => ({
    url: `/api/consultations/${(await rows(w)).open!.in}/comments`,
  })),
  'POST /api/consultations/{id}/comments': sides(async (side, { w }) => ({
    url: `/api/consultations/${(await rows(w)).open![side]}/comments`,
    payload: { articleNumber: 1, body: 'Đề nghị làm rõ phạm vi' },
  })),
  'PUT /api/consultation-comments/{commentId}': one(async ({ w }) => ({
    url: `/api/consultation-comments/${(await rows(w)).openComment!.in}`,
    payload: { articleNumber: 1, body: 'Ý kiến đã sửa của E1' },
  })),
  'POST /api/consultation-comments/{commentId}/withdraw': one(async ({ w, allowed }) => {
    const all = await rows(w);
    const id = allowed
      ? (
          await w.must<{ id: string }>('ent', 'POST', `/api/consultations/${all.open!.in}/comments`, {
            body: 'Rút sau',
          })
        ).id
      : all.openComment!.in;
    return { url: `/api/consultation-comments/${id}/withdraw` };
  }),
  'GET /api/consultations/{id}/associations/{associationId}': one(async ({ w }) => ({
    url: `/api/consultations/${(await rows(w)).open!.in}/associations/${w.parties.a1}`,
  })),
  'POST /api/consultations/{id}/associations/{associationId}/views': one(async ({ w }) => ({
    url: `/api/consultations/${(await rows(w)).open!.in}/associations/${w.parties.a1}/views`,
    payload: { articleNumber: 2, body: 'Hội viên đề nghị 5 ngày' },
  })),
  'GET /api/consultations/{id}/report': one(async ({ w }) => ({
    url: `/api/consultations/${(await rows(w)).published!.in}/report`,
  })),
  'GET /api/consultations/{id}/report/file': one(async ({ w }) => ({
    url: `/api/consultations/${(await rows(w)).published!.in}/report/file?format=xlsx`,
  })),
  'GET /api/consultations/{id}/comments.csv': one(async ({ w }) => ({
    url: `/api/consultations/${(await rows(w)).open!.in}/comments.csv`,
  })),
  'GET /api/consultation-notices': one(() => ({ url: '/api/consultation-notices' })),
};
