// Loads a synthetic organization and its ratings (test/synthetic-ratings.ts) into
// a test database, with an account for every rated role, and keeps the ground
// truth (which businesses are behind each atom, which business wrote each comment)
// for the attack tests of disclosure control.
import type { Kysely } from 'kysely';
import type { Role } from '../src/contracts/common.ts';
import type { Database } from '../src/server/db/schema.ts';
import { createUser, validTaxCode } from './factories.ts';
import { seededRandom, syntheticOrg, syntheticRatings, type SyntheticRating } from './synthetic-ratings.ts';

export interface LoadedOrg {
  /** Synthetic unit name (gd, d1, d1b1, d1b1t1…) → unit id. */
  unitIds: Map<string, string>;
  /** Synthetic officer name → officer id and code. */
  officers: Map<string, { id: string; code: string; team: string }>;
  /** Accounts by role: email, the unit or officer they stand for. */
  accounts: { email: string; role: Role; unit: string | null; officer: string | null }[];
  /** Atom (month|leaf node, with real ids) → distinct businesses (enterprise ids). */
  atoms: Map<string, Set<string>>;
  /** Comment text → the business that wrote it. */
  authors: Map<string, string>;
  ratings: SyntheticRating[];
}

const KIND = { gd: 'general_department', d: 'department', b: 'branch', t: 'team' } as const;

function kindOf(name: string): (typeof KIND)[keyof typeof KIND] {
  if (name === 'gd') return KIND.gd;
  if (/t\d+$/.test(name)) return KIND.t;
  if (/b\d+$/.test(name)) return KIND.b;
  return KIND.d;
}

/** A Vietnam-time instant in the middle of a month. */
const inMonth = (month: string, day: number, hour: number) =>
  new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+07:00`);

export async function loadSyntheticOrg(
  db: Kysely<Database>,
  options: {
    seed: number;
    businesses: number;
    declarations: number;
    months: readonly string[];
    shape: { departments: number; branches: number; teams: number; officers: number };
  },
): Promise<LoadedOrg> {
  const org = syntheticOrg(options.shape);
  const unitIds = new Map<string, string>();
  const names = [...org.units.keys()];
  for (const name of names) {
    const parentName =
      name === 'gd' ? null : name === 'd1' || /^d\d+$/.test(name) ? 'gd' : name.replace(/(b\d+|t\d+)$/, '');
    const row = await db
      .insertInto('units')
      .values({
        code: name.toUpperCase(),
        kind: kindOf(name),
        name_vi: `Đơn vị ${name.toUpperCase()}`,
        name_en: `Unit ${name.toUpperCase()}`,
        parent_id: parentName ? unitIds.get(parentName)! : null,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    unitIds.set(name, row.id);
  }
  const officers = new Map<string, { id: string; code: string; team: string }>();
  for (const officer of org.officers) {
    const row = await db
      .insertInto('officers')
      .values({
        code: officer.id.toUpperCase(),
        full_name: `Cán bộ ${officer.id.toUpperCase()}`,
        unit_id: unitIds.get(officer.team)!,
      })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow();
    officers.set(officer.id, { id: row.id, code: row.code, team: officer.team });
  }
  const enterprises = new Map<string, string>();
  for (let b = 0; b < options.businesses; b++) {
    const row = await db
      .insertInto('enterprises')
      .values({ tax_code: validTaxCode(400_000_000 + b * 977), name: `Doanh nghiệp thử ${String(b)}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    enterprises.set(`e${String(b)}`, row.id);
  }

  const ratings = syntheticRatings(org, options);
  // One declaration per branch rating, with the team and officer ratings the generator emitted after it.
  const random = seededRandom(options.seed + 1);
  const atoms = new Map<string, Set<string>>();
  const authors = new Map<string, string>();
  let number = 0;
  let assessmentId: number | null = null;
  for (const [index, rating] of ratings.entries()) {
    const enterpriseId = enterprises.get(rating.business)!;
    const leafUnit = rating.leaf.startsWith('officer:')
      ? rating.leaf.slice(rating.leaf.indexOf('@') + 1)
      : rating.leaf.slice('own:'.length);
    const branch = leafUnit.replace(/t\d+$/, '');
    if (rating.leaf === `own:${branch}`) {
      // Each branch rating starts a new declaration (the generator emits it first).
      const day = 1 + Math.floor(random() * 27);
      const at = inMonth(rating.month, day, 9 + Math.floor(random() * 8));
      const declaration = await db
        .insertInto('declarations')
        .values({
          number: `30${String(900_000_000 + number++)}`,
          type_code: 'B11',
          enterprise_id: enterpriseId,
          office_unit_id: unitIds.get(branch)!,
          channel: 'green',
          registered_at: at,
          cleared_at: at,
          rating_token: `synthetic-${String(number)}-${String(options.seed)}`,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const assessment = await db
        .insertInto('assessments')
        .values({
          declaration_id: declaration.id,
          enterprise_id: enterpriseId,
          submitted_by_user_id: null,
          submitted_via: 'link',
          comment: null,
          created_at: at,
          updated_at: at,
          editable_until: new Date(at.getTime() + 7 * 86_400_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      assessmentId = assessment.id;
    }
    const officer = rating.leaf.startsWith('officer:')
      ? officers.get(rating.leaf.slice('officer:'.length, rating.leaf.indexOf('@')))!
      : null;
    const reason = random() < 0.5 ? `Ý kiến ${String(index)} về ${rating.leaf}` : null;
    await db
      .insertInto('assessment_ratings')
      .values({
        assessment_id: assessmentId!,
        subject_kind: officer ? 'officer' : leafUnit === branch ? 'branch' : 'team',
        subject_ref: officer ? officer.code : leafUnit.toUpperCase(),
        unit_id: unitIds.get(leafUnit)!,
        officer_id: officer?.id ?? null,
        stars: rating.stars,
        reason,
        flags: [],
      })
      .execute();
    if (reason) authors.set(reason, enterpriseId);
    const leaf = officer ? `officer:${officer.id}@${unitIds.get(leafUnit)!}` : `own:${unitIds.get(leafUnit)!}`;
    const key = `${rating.month}|${leaf}`;
    const set = atoms.get(key) ?? new Set<string>();
    set.add(enterpriseId);
    atoms.set(key, set);
  }

  const accounts: LoadedOrg['accounts'] = [];
  const add = async (email: string, role: Role, unit: string | null, officer: string | null) => {
    await createUser(db, {
      email,
      role,
      unitId: unit ? unitIds.get(unit)! : officer ? unitIds.get(officers.get(officer)!.team)! : null,
      officerId: officer ? officers.get(officer)!.id : null,
    });
    accounts.push({ email, role, unit, officer });
  };
  for (const name of names) {
    const kind = kindOf(name);
    if (kind === 'team') await add(`lead.${name}@test.vn`, 'team_lead', name, null);
    if (kind === 'branch') await add(`leader.${name}@test.vn`, 'branch_leader', name, null);
    if (kind === 'department') await add(`leader.${name}@test.vn`, 'department_leader', name, null);
  }
  for (const officer of org.officers) await add(`officer.${officer.id}@test.vn`, 'officer', null, officer.id);
  await add('gd@test.vn', 'gd_staff', null, null);
  return { unitIds, officers, accounts, atoms, authors, ratings };
}
