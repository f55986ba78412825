import { methodSchema } from '../../src/contracts/cdci.ts';
import { toData, type StoredInputs } from '../../src/server/modules/cdci/inputs.ts';
import { computeWithUncertainty } from '../../src/server/modules/cdci/uncertainty.ts';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidTaxCodeCheckDigit, normalizeTaxCode } from '../../src/contracts/common.ts';
import type { DatabaseHandle } from '../../src/server/db/connect.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { verifyPassword } from '../../src/server/lib/crypto.ts';
import { fixedClock } from '../../src/server/lib/clock.ts';
import { createDisclosureRelease } from '../../src/server/modules/disclosure/release.ts';
import { DEMO_PASSWORD } from '../../src/server/modules/auth/service.ts';
import { openTestDatabase } from '../../test/database.ts';
import { DEPARTMENTS } from './departments.ts';
import { seedDemoData, seedIfEmpty } from './index.ts';
import { LOCALITIES } from './localities.ts';
import { branchesFor } from './organization.ts';
import { taxCheckDigit, TaxCodeIssuer } from './taxcode.ts';

const SCALE = 0.1;

async function digest(db: Kysely<Database>): Promise<string> {
  const hash = createHash('sha256');
  const units = await db.selectFrom('units').select(['code', 'kind', 'name_vi', 'name_en']).orderBy('code').execute();
  const officers = await db.selectFrom('officers').select(['code', 'full_name', 'title']).orderBy('code').execute();
  const enterprises = await db
    .selectFrom('enterprises')
    .select(['tax_code', 'name', 'name_en', 'address', 'province', 'is_broker'])
    .orderBy('tax_code')
    .execute();
  const declarations = await db
    .selectFrom('declarations')
    .select(['number', 'type_code', 'channel', 'registered_at', 'cleared_at', 'rating_token'])
    .orderBy('id')
    .execute();
  const ratings = await db
    .selectFrom('assessment_ratings')
    .select(['subject_kind', 'subject_ref', 'stars', 'reason', 'flags'])
    .orderBy('id')
    .execute();
  const cases = await db
    .selectFrom('flag_cases')
    .select(['number', 'kinds', 'status', 'handler_role', 'opened_at', 'due_at', 'measure'])
    .orderBy('number')
    .execute();
  for (const row of [...units, ...officers, ...enterprises, ...declarations, ...ratings, ...cases])
    hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

describe('tax codes', () => {
  it('computes the check digit of a known code', () => {
    expect(taxCheckDigit('010010910')).toBe(6); // 0100109106
  });

  it('issues valid, unique codes with the province prefix', () => {
    const issuer = new TaxCodeIssuer();
    const codes = Array.from({ length: 2000 }, (_, index) => issuer.issue(index % 2 === 0 ? '02' : '37'));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(normalizeTaxCode(code)).toBe(code);
      expect(hasValidTaxCodeCheckDigit(code)).toBe(true);
      expect(['02', '37']).toContain(code.slice(0, 2));
    }
  });
});

describe('reference data', () => {
  it('has the 35 departments with unique codes and known localities', () => {
    expect(DEPARTMENTS).toHaveLength(35);
    const codes = DEPARTMENTS.flatMap((department) => [
      department.code,
      ...department.branches.map((branch) => branch.code),
    ]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const department of DEPARTMENTS) {
      expect(department.branches.length).toBeGreaterThanOrEqual(2);
      expect(department.branches.length).toBeLessThanOrEqual(6);
      for (const name of department.localities) expect(LOCALITIES[name]).toBeDefined();
      for (const branch of department.branches) {
        expect(branch.code.startsWith(department.code)).toBe(true);
        if (branch.locality) expect(department.localities).toContain(branch.locality);
      }
    }
    const prefixes = Object.values(LOCALITIES).map((locality) => locality.taxPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('grows to national size at scale 100', () => {
    const count = (scale: number) =>
      DEPARTMENTS.reduce((sum, department) => sum + branchesFor(department, scale).length, 0);
    expect(count(1)).toBeLessThan(count(10));
    expect(count(100)).toBeGreaterThanOrEqual(165);
    expect(count(100)).toBeLessThanOrEqual(300);
  });
});

describe('seedDemoData', () => {
  let first: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    first = await openTestDatabase();
    db = first.db;
    const summary = await seedIfEmpty(db, { scale: SCALE });
    expect(summary).not.toBeNull();
    expect(summary?.users).toBe(10);
    expect(summary?.associations).toBeGreaterThanOrEqual(10);
    expect(summary?.declarations).toBeGreaterThan(1000);
    expect(summary?.assessments).toBeGreaterThan(0.6 * summary!.declarations);
    expect(summary?.cases).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await first.close();
  });

  it('seeds nothing the second time', async () => {
    expect(await seedIfEmpty(db, { scale: SCALE })).toBeNull();
  });

  it("seeds this year's partnership plan, adopted with branch targets and partly achieved from the demo data", async () => {
    const plans = await db.selectFrom('plans').select(['status']).execute();
    expect(plans.filter((p) => p.status === 'published')).toHaveLength(1);
    expect(plans.filter((p) => p.status === 'adopted').length).toBeGreaterThanOrEqual(3);
    const statuses = await db.selectFrom('plan_progress').select('status').execute();
    const targets = await db.selectFrom('plan_targets').select('id').execute();
    expect(statuses).toHaveLength(targets.length);
    expect(statuses.some((p) => p.status === 'achieved' || p.status === 'on_track')).toBe(true);
    expect(statuses.some((p) => p.status !== 'achieved')).toBe(true);
  });

  it('publishes Quảng Ninh’s branch index for three years, recomputable to the same numbers', async () => {
    const methods = await db
      .selectFrom('cdci_methods')
      .select(['id', 'year', 'status', 'method'])
      .orderBy('year')
      .execute();
    expect(methods.map((m) => [m.status, m.year])).toEqual([
      ['published', methods[0]!.year],
      ['published', methods[0]!.year + 1],
      ['published', methods[0]!.year + 2],
    ]);
    const latest = await db
      .selectFrom('cdci_results')
      .select(['inputs', 'result'])
      .where('method_id', '=', methods[2]!.id)
      .executeTakeFirstOrThrow();
    const result = latest.result as { units: { scored: boolean; composite: number | null }[] };
    expect(result.units.length).toBeGreaterThan(2);
    const again = computeWithUncertainty(methodSchema.parse(methods[2]!.method), toData(latest.inputs as StoredInputs));
    expect(JSON.parse(JSON.stringify(again.units.map((u) => u.composite)))).toEqual(
      result.units.map((u) => u.composite),
    );
  });

  it('seeds a national survey (about 80 % answered) and a CDCI survey where firms rate their branches', async () => {
    const surveys = await db
      .selectFrom('surveys')
      .select(['id', 'title_vi', 'published'])
      .orderBy('title_vi')
      .execute();
    expect(surveys).toHaveLength(2);
    for (const survey of surveys) {
      const invited = await db
        .selectFrom('survey_invitations')
        .select(['answered', 'branch_ids'])
        .where('survey_id', '=', survey.id)
        .execute();
      const answers = await db.selectFrom('survey_responses').select('id').where('survey_id', '=', survey.id).execute();
      const counted = await db
        .selectFrom('survey_counts')
        .select(['count'])
        .where('survey_id', '=', survey.id)
        .where('item', '=', '*')
        .execute();
      expect(answers.length).toBe(invited.filter((i) => i.answered).length);
      expect(counted.reduce((n, row) => n + Number(row.count), 0)).toBe(answers.length);
      expect(answers.length).toBeGreaterThanOrEqual(0.4 * invited.length);
      if (survey.title_vi.includes('CDCI'))
        for (const invitation of invited) expect(invitation.branch_ids.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('seeds consultations in every phase: several hundred comments with near-duplicates to answer, one fully answered', async () => {
    const rows = await db
      .selectFrom('consultations as c')
      .select((eb) => [
        'c.phase',
        eb
          .selectFrom('consultation_comments as m')
          .whereRef('m.consultation_id', '=', 'c.id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('comments'),
        eb
          .selectFrom('consultation_comments as m')
          .whereRef('m.consultation_id', '=', 'c.id')
          .where('m.disposition', 'is', null)
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('pending'),
      ])
      .execute();
    expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(['draft', 'open', 'closed', 'published']));
    const closed = rows.find((r) => r.phase === 'closed')!;
    expect(Number(closed.comments)).toBeGreaterThanOrEqual(400);
    const published = rows.find((r) => r.phase === 'published')!;
    expect(Number(published.pending)).toBe(0);
    expect(Number(published.comments)).toBeGreaterThan(0);
  });

  it('builds the organization tree', async () => {
    const units = await db
      .selectFrom('units as u')
      .leftJoin('units as p', 'p.id', 'u.parent_id')
      .select(['u.code', 'u.kind', 'p.kind as parentKind'])
      .execute();
    const byKind = (kind: string) => units.filter((unit) => unit.kind === kind);
    expect(byKind('general_department').map((unit) => unit.code)).toEqual(['00']);
    expect(byKind('department')).toHaveLength(35);
    const parentOf = { department: 'general_department', branch: 'department', team: 'branch' } as const;
    for (const unit of units) if (unit.kind !== 'general_department') expect(unit.parentKind).toBe(parentOf[unit.kind]);
    const codes = new Set(units.map((unit) => unit.code));
    for (const code of [
      '01',
      '02',
      '03',
      '20',
      '03NK',
      '03CC',
      '03CE',
      '03TG',
      '03EE',
      '20BB',
      '20CF',
      '20CE',
      '02CI',
      '02XE',
      '01AB',
      '03NK01',
    ])
      expect(codes).toContain(code);
    const officers = await db.selectFrom('officers').select(['code', 'unit_id']).execute();
    expect(officers.length).toBeGreaterThanOrEqual(3 * byKind('team').length);
  });

  it('gives every enterprise a valid tax code and a branch of its department', async () => {
    const rows = await db
      .selectFrom('enterprises as e')
      .innerJoin('units as b', 'b.id', 'e.managing_unit_id')
      .select(['e.tax_code', 'e.name', 'e.is_broker', 'b.kind'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const row of rows) {
      expect(hasValidTaxCodeCheckDigit(row.tax_code)).toBe(true);
      expect(row.kind).toBe('branch');
    }
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
    expect(rows.some((row) => row.is_broker)).toBe(true);
  });

  it('creates one demo account per role, all able to sign in', async () => {
    const rows = await db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .leftJoin('units as n', 'n.id', 'r.unit_id')
      .select([
        'u.email',
        'u.password_hash',
        'u.locale',
        'r.role',
        'n.code as unitCode',
        'u.enterprise_id',
        'u.association_id',
        'u.officer_id',
      ])
      .orderBy('u.email')
      .execute();
    const scopes = Object.fromEntries(
      rows.map((row) => [row.email.replace('@demo.caunoi.vn', ''), `${row.role}:${row.unitCode ?? '-'}`]),
    );
    expect(scopes).toEqual({
      admin: 'admin:-',
      tongcuc: 'gd_staff:-',
      'lanhdaocuc.haiphong': 'department_leader:03',
      'thanhtra.haiphong': 'inspector:03',
      'lanhdao.03nk': 'branch_leader:03NK',
      'doitruong.03nk': 'team_lead:03NK01',
      'congchuc.03nk': 'officer:03NK01',
      doanhnghiep: 'enterprise_user:-',
      dailyhq: 'broker:-',
      hiephoi: 'association_rep:-',
    });
    expect(new Set(rows.map((row) => row.password_hash)).size).toBe(1);
    expect(await verifyPassword(rows[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(rows.every((row) => row.locale === 'vi')).toBe(true);
  });

  it('tells one story around branch 03NK', async () => {
    const account = (email: string) =>
      db.selectFrom('users').selectAll().where('email', '=', `${email}@demo.caunoi.vn`).executeTakeFirstOrThrow();
    const [enterpriseUser, brokerUser, associationUser, officerUser] = await Promise.all([
      account('doanhnghiep'),
      account('dailyhq'),
      account('hiephoi'),
      account('congchuc.03nk'),
    ]);
    const enterprise = await db
      .selectFrom('enterprises as e')
      .innerJoin('units as u', 'u.id', 'e.managing_unit_id')
      .select(['e.id', 'u.code'])
      .where('e.id', '=', enterpriseUser.enterprise_id!)
      .executeTakeFirstOrThrow();
    expect(enterprise.code).toBe('03NK');
    const broker = await db
      .selectFrom('enterprises')
      .select(['is_broker'])
      .where('id', '=', brokerUser.enterprise_id!)
      .executeTakeFirstOrThrow();
    expect(broker.is_broker).toBe(true);
    const clients = await db
      .selectFrom('broker_clients')
      .select('enterprise_id')
      .where('broker_id', '=', brokerUser.enterprise_id!)
      .execute();
    expect(clients.map((row) => row.enterprise_id)).toContain(enterprise.id);
    expect(clients.length).toBeGreaterThanOrEqual(5);
    const association = await db
      .selectFrom('associations')
      .select(['id', 'code'])
      .where('id', '=', associationUser.association_id!)
      .executeTakeFirstOrThrow();
    expect(association.code).toBe('VCCI-HP');
    const member = await db
      .selectFrom('association_members')
      .select('enterprise_id')
      .where('association_id', '=', association.id)
      .where('enterprise_id', '=', enterprise.id)
      .executeTakeFirst();
    expect(member).toBeDefined();
    const officer = await db
      .selectFrom('officers as o')
      .innerJoin('units as u', 'u.id', 'o.unit_id')
      .select(['u.code', 'o.title'])
      .where('o.id', '=', officerUser.officer_id!)
      .executeTakeFirstOrThrow();
    expect(officer).toEqual({ code: '03NK01', title: 'Công chức' });
  });

  it('holds a year of declarations with their steps', async () => {
    const rows = await db
      .selectFrom('declarations')
      .select(['number', 'rating_token', 'status', 'registered_at', 'cleared_at'])
      .execute();
    for (const row of rows) {
      expect(row.number).toMatch(/^(10|30)\d{10}$/);
      expect(row.rating_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(row.status).toBe('cleared');
      expect(row.cleared_at!.getTime()).toBeGreaterThan(row.registered_at.getTime());
    }
    const days = rows.map((row) => row.registered_at.getTime());
    expect(new Date(Math.min(...days)).toISOString() < '2025-12-01').toBe(true);
    expect(new Date(Math.max(...days)).toISOString() > '2026-11-15').toBe(true);
    const departments = await db
      .selectFrom('declarations as d')
      .innerJoin('units as b', 'b.id', 'd.office_unit_id')
      .innerJoin('units as p', 'p.id', 'b.parent_id')
      .select(['p.code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('p.code')
      .execute();
    expect(departments.map((row) => row.code).sort()).toEqual(expect.arrayContaining(['03', '20']));
    expect(departments.length).toBeGreaterThanOrEqual(4);
    const withoutSteps = await db
      .selectFrom('declarations as d')
      .select('d.id')
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('declaration_steps as s').select('s.seq').whereRef('s.declaration_id', '=', 'd.id')),
        ),
      )
      .execute();
    expect(withoutSteps).toHaveLength(0);
  });

  it('rates mostly 4 and 5 stars, flags a few', async () => {
    const rows = await db
      .selectFrom('assessment_ratings')
      .select([
        'stars',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>(sql<number>`case when cardinality(flags) > 0 then 1 else 0 end`).as('flagged'),
      ])
      .groupBy('stars')
      .execute();
    const total = rows.reduce((sum, row) => sum + Number(row.n), 0);
    const share = (stars: number[]) =>
      rows.filter((row) => stars.includes(row.stars)).reduce((sum, row) => sum + Number(row.n), 0) / total;
    expect(share([4, 5])).toBeGreaterThan(0.8);
    expect(share([4, 5])).toBeLessThan(0.9);
    expect(share([5])).toBeGreaterThan(share([4]));
    expect(share([1])).toBeGreaterThan(0);
    const flagged = rows.reduce((sum, row) => sum + Number(row.flagged), 0) / total;
    expect(flagged).toBeGreaterThan(0.005);
    expect(flagged).toBeLessThan(0.04);
  });

  it('opens a case per flag, in every state, and work for the Hai Phong demo accounts', async () => {
    const flagged = await db
      .selectFrom('assessment_ratings')
      .select('id')
      .where(sql<boolean>`cardinality(flags) > 0`)
      .execute();
    const cases = await db
      .selectFrom('flag_cases as c')
      .innerJoin('units as h', 'h.id', 'c.handler_unit_id')
      .select([
        'c.rating_id',
        'c.status',
        'c.kinds',
        'c.handler_role',
        'h.code',
        'c.substantiated',
        'c.measure',
        'c.resolved_at',
        'c.escalation_level',
      ])
      .execute();
    expect(cases.map((c) => c.rating_id).sort()).toEqual(flagged.map((r) => r.id).sort());
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['open', 'in_review', 'resolved']));
    for (const c of cases.filter((row) => row.status === 'resolved')) {
      expect(c.substantiated).not.toBeNull();
      expect(c.measure?.length).toBeGreaterThan(5);
      expect(c.resolved_at).not.toBeNull();
    }
    const open = cases.filter((c) => c.status === 'open');
    expect(open.some((c) => c.code === '03NK' && c.handler_role === 'branch_leader' && c.kinds.includes('delay'))).toBe(
      true,
    );
    expect(
      open.some(
        (c) =>
          c.code === '03' &&
          c.handler_role === 'inspector' &&
          c.kinds.some((k) => k === 'harassment' || k === 'negativity'),
      ),
    ).toBe(true);
    expect(cases.some((c) => c.escalation_level === 1 && c.status !== 'resolved' && c.code === '03')).toBe(true);
    const events = await db
      .selectFrom('flag_case_events')
      .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('action')
      .execute();
    const count = (action: string) => Number(events.find((e) => e.action === action)?.n ?? 0);
    expect(count('opened')).toBe(cases.length);
    expect(count('finding_recorded')).toBe(cases.filter((c) => c.status === 'resolved').length);
    expect(count('escalated')).toBe(cases.filter((c) => c.escalation_level === 1).length);
  });

  it('releases each closed month of the seeded year: the country counts every rating of its month once, and nothing under 5 businesses is stored', async () => {
    const release = createDisclosureRelease({ db, clock: fixedClock(new Date('2026-12-08T01:00:00Z')) });
    const done = await release.releaseDue();
    expect(
      done
        .filter((d) => d.table === 'service_ratings')
        .map((d) => d.month)
        .at(-1),
    ).toBe('2026-11');
    const root = await db
      .selectFrom('units')
      .select('id')
      .where('kind', '=', 'general_department')
      .executeTakeFirstOrThrow();
    const cells = await db
      .selectFrom('disclosure_cells')
      .select([sql<string>`to_char(month, 'YYYY-MM')`.as('month'), 'counts', 'items', 'businesses'])
      .where('table_name', '=', 'service_ratings')
      .where('node', '=', `unit:${root.id}`)
      .execute();
    const raw = await sql<{ month: string; n: number; declarations: number }>`
      select to_char(a.created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month, count(*)::int as n, count(distinct a.declaration_id)::int as declarations
      from assessment_ratings r join assessments a on a.id = r.assessment_id group by 1`.execute(db);
    for (const cell of cells) {
      const month = raw.rows.find((row) => row.month === cell.month)!;
      expect({ month: cell.month, n: cell.counts.ratings, declarations: cell.items }).toEqual({
        month: month.month,
        n: month.n,
        declarations: month.declarations,
      });
    }
    expect(cells.length).toBeGreaterThanOrEqual(11);
    const small = await db.selectFrom('disclosure_cells').select('node').where('businesses', '<', 5).limit(1).execute();
    expect(small).toEqual([]);
    expect(await release.releaseDue()).toEqual([]); // released once
  });

  it('leaves the demo enterprise six recent declarations to rate and one concluded case', async () => {
    const user = await db
      .selectFrom('users')
      .select('enterprise_id')
      .where('email', '=', 'doanhnghiep@demo.caunoi.vn')
      .executeTakeFirstOrThrow();
    const rows = await db
      .selectFrom('declarations as d')
      .innerJoin('units as b', 'b.id', 'd.office_unit_id')
      .leftJoin('assessments as a', 'a.declaration_id', 'd.id')
      .select(['d.registered_at', 'b.code', 'a.id as assessmentId', 'a.submitted_via'])
      .where('d.enterprise_id', '=', user.enterprise_id!)
      .orderBy('d.registered_at', 'desc')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.every((row) => row.code === '03NK')).toBe(true);
    expect(rows.slice(0, 6).every((row) => row.assessmentId === null)).toBe(true);
    expect(rows.slice(6).every((row) => row.assessmentId !== null && row.submitted_via === 'app')).toBe(true);
    const cases = await db
      .selectFrom('flag_cases as c')
      .innerJoin('assessments as a', 'a.id', 'c.assessment_id')
      .select(['c.status', 'c.enterprise_notified_at'])
      .where('a.enterprise_id', '=', user.enterprise_id!)
      .execute();
    expect(cases.some((c) => c.status === 'resolved' && c.enterprise_notified_at !== null)).toBe(true);
  });

  it('is deterministic', async () => {
    const second = await openTestDatabase();
    try {
      await seedDemoData(second.db, { scale: SCALE });
      expect(await digest(second.db)).toBe(await digest(db));
    } finally {
      await second.close();
    }
  });
});
