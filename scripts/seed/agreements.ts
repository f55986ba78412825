// Partnership agreements: cooperation agreements signed by Hai Phong, Quang
// Ninh and Binh Duong units with enterprises they manage, coordination
// regulations with VCCI Hai Phong and the Binh Duong Business Association,
// and annual targets (Binh Duong 2020: 2–5 at department level, 70 across its
// branches). Deterministic: enterprises are taken in tax-code order.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { foldText } from '../../src/server/lib/search-text.ts';
import { vietnamInstant } from '../../src/contracts/vietnam-time.ts';

const TARGETS: [string, number, number, number | null][] = [
  ['43', 2020, 2, 5],
  ['43IH', 2020, 12, null],
  ['43K4', 2020, 12, null],
  ['43ND', 2020, 12, null],
  ['43NG', 2020, 12, null],
  ['43PB', 2020, 11, null],
  ['43CN', 2020, 11, null],
  ['03', 2026, 3, 5],
  ['03NK', 2026, 40, null],
  ['03CE', 2026, 25, null],
  ['20', 2026, 2, 5],
  ['20BB', 2026, 30, null],
  ['43', 2026, 2, 5],
  ['43ND', 2026, 20, null],
];

/** Agreements per unit: [unit, year, count]. */
const SIGNED: [string, number, number][] = [
  ['03', 2026, 4],
  ['03NK', 2026, 31],
  ['03CE', 2026, 18],
  ['20', 2026, 2],
  ['20BB', 2026, 24],
  ['43', 2026, 3],
  ['43ND', 2026, 15],
  ['43', 2020, 4],
  ['43ND', 2020, 14],
  ['43IH', 2020, 12],
];

const COMMITMENTS =
  'Doanh nghiệp chấp hành nghiêm pháp luật hải quan, thuế; cung cấp thông tin kịp thời khi được yêu cầu; tham gia góp ý dự thảo văn bản. Cơ quan hải quan hỗ trợ giải đáp vướng mắc trong 24 giờ, tổ chức đối thoại định kỳ và thông báo văn bản mới.';

export async function seedAgreements(
  db: Kysely<Database>,
  context: { unitIds: Map<string, string> },
): Promise<{ agreements: number; targets: number }> {
  const unit = (code: string) => {
    const id = context.unitIds.get(code);
    if (!id) throw new Error(`Unit ${code} is missing`);
    return id;
  };
  for (const [code, year, min, max] of TARGETS)
    await db
      .insertInto('agreement_targets')
      .values({ unit_id: unit(code), year, target_min: min, target_max: max })
      .execute();
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'code', 'parent_id']).execute()).map((u) => [u.code, u]),
  );
  let count = 0;
  for (const [code, year, n] of SIGNED) {
    const unitId = unit(code);
    const branchIds = [...units.values()].filter((u) => u.id === unitId || u.parent_id === unitId).map((u) => u.id);
    const firms = await db
      .selectFrom('enterprises')
      .select(['id', 'name', 'tax_code'])
      .where('managing_unit_id', 'in', branchIds)
      .where('is_broker', '=', false)
      .orderBy('tax_code')
      .offset(year === 2020 ? 40 : 0)
      .limit(n)
      .execute();
    for (const [index, firm] of firms.entries()) {
      const month = 1 + Math.floor((index * (year === 2026 ? 10 : 11)) / Math.max(1, n));
      const day = 1 + ((index * 7) % 27);
      const signedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const expiresOn = `${year + 3}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const number = `${String(index + 1).padStart(2, '0')}/${year}/TTHT-${code}`;
      const title = `Thỏa thuận hợp tác giữa ${code.length === 2 ? 'Cục Hải quan' : 'Chi cục Hải quan'} và ${firm.name}`;
      await db
        .insertInto('agreements')
        .values({
          number,
          kind: 'cooperation',
          unit_id: unitId,
          enterprise_id: firm.id,
          association_id: null,
          title,
          search_text: foldText(`${number} ${title} ${firm.tax_code}`),
          signed_on: signedOn,
          expires_on: expiresOn,
          commitments: COMMITMENTS,
          status: year === 2020 ? (index % 5 === 0 ? 'expired' : 'in_force') : 'in_force',
          updated_at: vietnamInstant(signedOn, '09:00'),
        })
        .execute();
      count++;
    }
  }
  const associations = new Map(
    (await db.selectFrom('associations').select(['id', 'code', 'name_vi']).execute()).map((a) => [a.code, a]),
  );
  const regulations: [string, string, string, string, string][] = [
    ['03', 'VCCI-HP', '21/QCPH-HQHP', '2024-03-15', '2027-03-15'],
    ['43', 'BBA', '05/QCPH-HQBD', '2023-12-20', '2026-12-31'],
  ];
  for (const [code, associationCode, number, signedOn, expiresOn] of regulations) {
    const association = associations.get(associationCode);
    if (!association) continue;
    const title = `Quy chế phối hợp giữa Cục Hải quan và ${association.name_vi}`;
    await db
      .insertInto('agreements')
      .values({
        number,
        kind: 'coordination',
        unit_id: unit(code),
        enterprise_id: null,
        association_id: association.id,
        title,
        search_text: foldText(`${number} ${title}`),
        signed_on: signedOn,
        expires_on: expiresOn,
        commitments:
          'Hiệp hội là đầu mối tập hợp vướng mắc, ý kiến góp ý của hội viên; Cục Hải quan cung cấp văn bản mới, ngân hàng hỏi đáp và phối hợp tổ chức đối thoại.',
        status: 'in_force',
        updated_at: vietnamInstant(signedOn, '09:00'),
      })
      .execute();
    count++;
  }
  return { agreements: count, targets: TARGETS.length };
}
