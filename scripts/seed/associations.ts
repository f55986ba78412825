// Business associations and their members. Members are drawn while the
// enterprises are generated (a fixed-size uniform sample of those eligible),
// so membership costs no second pass over the enterprises.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { AssociationMembersTable, Database } from '../../src/server/db/schema.ts';
import { BatchWriter } from './batch.ts';
import type { EnterpriseFacts } from './enterprises.ts';
import { Reservoir, Rng } from './random.ts';

interface AssociationSpec {
  code: string;
  nameVi: string;
  nameEn: string;
  members: number;
  eligible: (facts: EnterpriseFacts) => boolean;
}

export const VCCI_HAI_PHONG = 'VCCI-HP';
export const VLA = 'VLA';

const ASSOCIATIONS: AssociationSpec[] = [
  {
    code: VCCI_HAI_PHONG,
    nameVi: 'Liên đoàn Thương mại và Công nghiệp Việt Nam chi nhánh Hải Phòng',
    nameEn: 'Vietnam Chamber of Commerce and Industry – Hai Phong Branch',
    members: 150,
    eligible: (facts) => facts.departmentCode === '03',
  },
  {
    code: 'BBA',
    nameVi: 'Hiệp hội Doanh nghiệp tỉnh Bình Dương',
    nameEn: 'Binh Duong Business Association',
    members: 120,
    eligible: (facts) => facts.departmentCode === '43',
  },
  {
    code: 'HUBA',
    nameVi: 'Hiệp hội Doanh nghiệp Thành phố Hồ Chí Minh',
    nameEn: 'Ho Chi Minh City Business Association',
    members: 180,
    eligible: (facts) => facts.departmentCode === '02',
  },
  {
    code: VLA,
    nameVi: 'Hiệp hội Doanh nghiệp dịch vụ Logistics Việt Nam',
    nameEn: 'Vietnam Logistics Business Association',
    members: 160,
    eligible: (facts) => facts.isBroker || facts.tag === 'logistics',
  },
  {
    code: 'VITAS',
    nameVi: 'Hiệp hội Dệt May Việt Nam',
    nameEn: 'Vietnam Textile and Apparel Association',
    members: 150,
    eligible: (facts) => facts.tag === 'textile',
  },
  {
    code: 'LEFASO',
    nameVi: 'Hiệp hội Da – Giày – Túi xách Việt Nam',
    nameEn: 'Vietnam Leather, Footwear and Handbag Association',
    members: 90,
    eligible: (facts) => facts.tag === 'footwear',
  },
  {
    code: 'VASEP',
    nameVi: 'Hiệp hội Chế biến và Xuất khẩu Thủy sản Việt Nam',
    nameEn: 'Vietnam Association of Seafood Exporters and Producers',
    members: 100,
    eligible: (facts) => facts.tag === 'seafood',
  },
  {
    code: 'KOCHAM',
    nameVi: 'Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam',
    nameEn: 'Korean Chamber of Business in Vietnam',
    members: 120,
    eligible: (facts) => facts.origin === 'KR',
  },
  {
    code: 'JBAV',
    nameVi: 'Hiệp hội Doanh nghiệp Nhật Bản tại Việt Nam',
    nameEn: 'Japan Business Association in Vietnam',
    members: 90,
    eligible: (facts) => facts.origin === 'JP',
  },
  {
    code: 'VIFOREST',
    nameVi: 'Hiệp hội Gỗ và Lâm sản Việt Nam',
    nameEn: 'Viet Nam Timber and Forest Products Association',
    members: 70,
    eligible: (facts) => facts.tag === 'wood',
  },
  {
    code: 'VAFIE',
    nameVi: 'Hiệp hội Doanh nghiệp có vốn đầu tư nước ngoài',
    nameEn: 'Vietnam Association of Foreign Invested Enterprises',
    members: 60,
    eligible: (facts) => facts.origin !== null,
  },
];

export interface MembershipDraw {
  offer(facts: EnterpriseFacts): void;
  /** Makes an enterprise a member whatever the draw (the demo story needs it). */
  require(code: string, enterpriseId: string): void;
}

export interface AssociationResult {
  associations: number;
  members: number;
  ids: Map<string, string>;
}

export function createMembershipDraw(): MembershipDraw & {
  specs: AssociationSpec[];
  reservoirs: Map<string, Reservoir<string>>;
  required: Map<string, string[]>;
} {
  const reservoirs = new Map(
    ASSOCIATIONS.map((spec) => [spec.code, new Reservoir<string>(spec.members, new Rng(`members:${spec.code}`))]),
  );
  const required = new Map<string, string[]>();
  return {
    specs: ASSOCIATIONS,
    reservoirs,
    required,
    offer(facts) {
      for (const spec of ASSOCIATIONS) if (spec.eligible(facts)) reservoirs.get(spec.code)?.offer(facts.id);
    },
    require(code, enterpriseId) {
      required.set(code, [...(required.get(code) ?? []), enterpriseId]);
    },
  };
}

export async function seedAssociations(
  db: Kysely<Database>,
  draw: ReturnType<typeof createMembershipDraw>,
): Promise<AssociationResult> {
  const ids = new Map<string, string>();
  const rows = draw.specs.map((spec) => {
    const id = randomUUID();
    ids.set(spec.code, id);
    return { id, code: spec.code, name_vi: spec.nameVi, name_en: spec.nameEn };
  });
  await db.insertInto('associations').values(rows).execute();

  const members = new BatchWriter<Insertable<AssociationMembersTable>>((batch) =>
    db.insertInto('association_members').values(batch).execute(),
  );
  for (const spec of draw.specs) {
    const associationId = ids.get(spec.code);
    if (!associationId) throw new Error(`Association ${spec.code} is missing`);
    const rng = new Rng(`joined:${spec.code}`);
    const required = draw.required.get(spec.code) ?? [];
    const drawn = (draw.reservoirs.get(spec.code)?.items ?? []).filter((id) => !required.includes(id));
    const chosen = [...required, ...drawn.slice(0, Math.max(0, spec.members - required.length))];
    for (const enterpriseId of chosen) {
      await members.push({
        association_id: associationId,
        enterprise_id: enterpriseId,
        joined_at: rng.dateBetween('2016-01-01', '2025-06-30'),
      });
    }
  }
  await members.flush();
  return { associations: rows.length, members: members.written, ids };
}
