// The insider's attack, run for real: for each rated role, ask every question the
// role may ask (every released period, every unit and officer in scope, the
// monthly report of every month, the export, and the integration endpoint as a
// side door), then try to single out a group of fewer than 5 businesses by any
// combination of the answers (differences, complements, chains of them). Fails on
// the first such group, and prints how to get it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_BUSINESSES } from '../../../contracts/periods.ts';
import { TEST_PASSWORD } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { loadSyntheticOrg, type LoadedOrg } from '../../../../test/synthetic-db.ts';
import { findIsolatedGroups, type AuditAnswer } from './auditor.ts';
import { createDisclosureRelease } from './release.ts';

const KEY = 'attack-tests-bootstrap-key-0123456789ab';
const MONTHS = Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
let platform: TestPlatform;
let loaded: LoadedOrg;
const sessions = new Map<string, Session>();

interface Figures {
  published: boolean;
  monthsShown: number;
  ratings: number | null;
  declarations: number | null;
  businesses: number | null;
  meanStars: number | null;
  distribution: unknown;
  flags: unknown;
}
/** One figure read: which cell (node) over which months of which period. */
interface Read {
  label: string;
  node: string;
  period: { key: string; months: string[] };
  figures: Figures;
}

beforeAll(async () => {
  platform = await startTestPlatform({
    env: { CAUNOI_BOOTSTRAP_API_KEY: KEY, SESSION_DAYS: '60' },
    now: new Date('2026-11-09T02:00:00Z'),
  });
  loaded = await loadSyntheticOrg(platform.deps.db, {
    seed: 11,
    businesses: 70,
    declarations: 600,
    months: MONTHS,
    shape: { departments: 1, branches: 2, teams: 2, officers: 3 },
  });
  await createDisclosureRelease(platform.deps).releaseDue();
  for (const account of loaded.accounts)
    sessions.set(account.email, await signIn(platform, account.email, TEST_PASSWORD));
}, 120_000);
afterAll(async () => platform.close());

async function getJson<T>(who: string | null, url: string): Promise<T> {
  const headers = who ? as(sessions.get(who)!) : { authorization: `Bearer ${KEY}` };
  const response = await platform.app.inject({ method: 'GET', url, headers });
  if (response.statusCode !== 200)
    throw new Error(`${who ?? 'api'} ${url}: ${String(response.statusCode)} ${response.body}`);
  return response.json<T>();
}

const nameOf = (unitId: string) => [...loaded.unitIds].find(([, id]) => id === unitId)?.[0] ?? unitId;
const subtree = (name: string) =>
  [...loaded.unitIds.keys()].filter((other) => other === name || (name === 'gd' ? true : other.startsWith(name)));

/** Everything one account can read about results, as figures of cells over periods. */
async function readEverything(
  email: string,
  role: string,
  unit: string | null,
  officer: string | null,
): Promise<{ reads: Read[]; comments: { node: string; comments: string[] }[]; bodies: string[] }> {
  const reads: Read[] = [];
  const comments: { node: string; comments: string[] }[] = [];
  const bodies: string[] = [];
  const { periods } = await getJson<{ periods: { key: string; months: string[] }[] }>(email, '/api/dashboards/periods');
  const officerPages = officer
    ? [officer]
    : [...loaded.officers].filter(([, o]) => subtree(unit ?? 'gd').includes(o.team)).map(([name]) => name);
  for (const period of periods) {
    if (role !== 'officer') {
      for (const name of subtree(unit ?? 'gd')) {
        const id = loaded.unitIds.get(name)!;
        const view = await getJson<{
          figures: Figures;
          own: Figures;
          trend: { month: string; published: boolean; declarations: number | null }[];
          children: { unit: { id: string }; figures: Figures }[];
          officers: { id: string; figures: Figures }[];
          comments: { comments: string[] }[];
        }>(email, `/api/dashboards/units/${id}?period=${period.key}`);
        bodies.push(JSON.stringify(view));
        reads.push({ label: `units/${name}?${period.key}`, node: `unit:${id}`, period, figures: view.figures });
        reads.push({ label: `units/${name}?${period.key} own`, node: `own:${id}`, period, figures: view.own });
        for (const child of view.children)
          reads.push({
            label: `units/${name}?${period.key} child ${nameOf(child.unit.id)}`,
            node: `unit:${child.unit.id}`,
            period,
            figures: child.figures,
          });
        for (const o of view.officers)
          reads.push({
            label: `units/${name}?${period.key} officer ${o.id}`,
            node: `officer:${o.id}@${id}`,
            period,
            figures: o.figures,
          });
        for (const point of view.trend) {
          reads.push({
            label: `units/${name}?${period.key} trend ${point.month}`,
            node: `unit:${id}`,
            period: { key: point.month, months: [point.month] },
            figures: {
              published: point.published,
              monthsShown: point.published ? 1 : 0,
              ratings: null,
              declarations: point.declarations,
              businesses: null,
              meanStars: null,
              distribution: null,
              flags: null,
            },
          });
        }
        for (const batch of view.comments) comments.push({ node: `own:${id}`, comments: batch.comments });
        // The same view as a file: every figure in it must be one of the page's.
        const csv = await platform.app.inject({
          method: 'GET',
          url: `/api/dashboards/units/${id}/export?period=${period.key}&format=csv`,
          headers: as(sessions.get(email)!),
        });
        expect(csv.statusCode).toBe(200);
        bodies.push(csv.body);
        for (const line of csv.body.split('\r\n')) {
          const cells = line.split(',');
          if (cells.at(-1)?.startsWith('Không công bố'))
            expect(
              cells.slice(5, 21).every((cell) => cell === ''),
              line,
            ).toBe(true);
        }
      }
    }
    for (const name of officerPages) {
      const o = loaded.officers.get(name)!;
      const view = await getJson<{ figures: Figures; comments: { comments: string[] }[] }>(
        email,
        `/api/dashboards/officers/${o.id}?period=${period.key}`,
      );
      bodies.push(JSON.stringify(view));
      reads.push({
        label: `officers/${name}?${period.key}`,
        node: `officer:${o.id}@${loaded.unitIds.get(o.team)!}`,
        period,
        figures: view.figures,
      });
      for (const batch of view.comments)
        comments.push({ node: `officer:${o.id}@${loaded.unitIds.get(o.team)!}`, comments: batch.comments });
    }
  }
  if (role !== 'officer') {
    for (const period of periods.filter((p) => !p.key.includes('Q') && !p.key.startsWith('last12'))) {
      for (const name of subtree(unit ?? 'gd')) {
        const id = loaded.unitIds.get(name)!;
        const report = await getJson<{
          month: string;
          previousMonth: string | null;
          current: Figures;
          previous: Figures;
          own: Figures;
          children: { unit: { id: string }; current: Figures; previous: Figures }[];
          officers: { id: string; current: Figures; previous: Figures }[];
        }>(email, `/api/dashboards/units/${id}/report?month=${period.key}`);
        bodies.push(JSON.stringify({ ...report, generatedAt: null }));
        const at = (month: string | null) => ({ key: month ?? '', months: month ? [month] : [] });
        reads.push({
          label: `report/${name}?${period.key}`,
          node: `unit:${id}`,
          period: at(report.month),
          figures: report.current,
        });
        reads.push({
          label: `report/${name}?${period.key} own`,
          node: `own:${id}`,
          period: at(report.month),
          figures: report.own,
        });
        if (report.previousMonth)
          reads.push({
            label: `report/${name}?${period.key} previous`,
            node: `unit:${id}`,
            period: at(report.previousMonth),
            figures: report.previous,
          });
        for (const child of report.children) {
          reads.push({
            label: `report/${name}?${period.key} child`,
            node: `unit:${child.unit.id}`,
            period: at(report.month),
            figures: child.current,
          });
          if (report.previousMonth)
            reads.push({
              label: `report/${name}?${period.key} child previous`,
              node: `unit:${child.unit.id}`,
              period: at(report.previousMonth),
              figures: child.previous,
            });
        }
        for (const o of report.officers)
          reads.push({
            label: `report/${name}?${period.key} officer`,
            node: `officer:${o.id}@${id}`,
            period: at(report.month),
            figures: o.current,
          });
      }
    }
  }
  return { reads, comments, bodies };
}

/** The side door: the integration API's satisfaction figure of every unit over every period. */
async function readIntegration(): Promise<Read[]> {
  const reads: Read[] = [];
  const { periods } = await getJson<{ periods: { key: string; months: string[] }[] }>(
    'gd@test.vn',
    '/api/dashboards/periods',
  );
  for (const period of periods) {
    for (const [name, id] of loaded.unitIds) {
      const body = await getJson<{
        withheld: boolean;
        count: number | null;
        declarations: number | null;
        monthsShown: number;
      }>(null, `/api/v1/units/${name.toUpperCase()}/satisfaction?period=${period.key}`);
      reads.push({
        label: `v1/${name}?${period.key}`,
        node: `unit:${id}`,
        period,
        figures: {
          published: !body.withheld,
          monthsShown: body.monthsShown,
          ratings: body.count,
          declarations: body.declarations,
          businesses: null,
          meanStars: null,
          distribution: null,
          flags: null,
        },
      });
    }
  }
  return reads;
}

/** The leaves (atoms' nodes) a cell sums. */
function leavesOf(node: string): string[] {
  if (!node.startsWith('unit:')) return [node];
  const name = nameOf(node.slice('unit:'.length));
  const units = [...loaded.unitIds].filter(([other]) => subtree(name).includes(other));
  const officers = [...loaded.officers.values()].filter((o) => subtree(name).includes(o.team));
  return [
    ...units.map(([, id]) => `own:${id}`),
    ...officers.map((o) => `officer:${o.id}@${loaded.unitIds.get(o.team)!}`),
  ];
}

const truthOf = (node: string, months: readonly string[]) => {
  const members = new Set<string>();
  for (const leaf of leavesOf(node))
    for (const month of months)
      for (const business of loaded.atoms.get(`${month}|${leaf}`) ?? []) members.add(business);
  return members;
};

/** Turns reads into audit answers: a period longer than a month covers the months published for that cell. */
function toAnswers(reads: Read[]): AuditAnswer[] {
  const shown = new Map<string, boolean>();
  for (const read of reads)
    if (read.period.months.length === 1 && read.period.key === read.period.months[0])
      shown.set(`${read.node}|${read.period.months[0]}`, read.figures.published);
  const answers: AuditAnswer[] = [];
  for (const read of reads) {
    const unpublished = !read.figures.published;
    if (unpublished) {
      // Withheld: nothing stated, not even a count.
      expect(
        {
          ratings: read.figures.ratings,
          declarations: read.figures.declarations,
          businesses: read.figures.businesses,
          meanStars: read.figures.meanStars,
        },
        read.label,
      ).toEqual({ ratings: null, declarations: null, businesses: null, meanStars: null });
      continue;
    }
    const months = read.period.months.filter(
      (month) => read.period.months.length === 1 || shown.get(`${read.node}|${month}`) === true,
    );
    expect(months.length, `${read.label}: months shown`).toBe(read.figures.monthsShown);
    // Published cells hold at least 5 businesses.
    if (months.length === 1) expect(truthOf(read.node, months).size, read.label).toBeGreaterThanOrEqual(MIN_BUSINESSES);
    answers.push({
      label: read.label,
      atoms: leavesOf(read.node).flatMap((leaf) => months.map((month) => `${month}|${leaf}`)),
    });
  }
  return answers;
}

function audit(reads: Read[]) {
  const atoms = [...loaded.atoms].map(([key, members]) => ({ key, members: [...members] }));
  const found = findIsolatedGroups(atoms, toAnswers(reads), MIN_BUSINESSES);
  // The first group found, with the answers that isolate it, is the failure message.
  expect(found.slice(0, 1).map((f) => ({ businesses: f.businesses.length, by: f.combination }))).toEqual([]);
}

describe('an insider asking every question their role allows', () => {
  it('the data really has many small groups', () => {
    const small = [...loaded.atoms.values()].filter((members) => members.size < MIN_BUSINESSES).length;
    expect(small).toBeGreaterThan(50);
  });

  for (const role of ['officer', 'team_lead', 'branch_leader', 'department_leader', 'gd_staff'] as const) {
    it(`${role}: no group of fewer than 5 businesses can be singled out, and comments come only in batches of 5 businesses`, async () => {
      const accounts = loaded.accounts.filter((a) => a.role === role);
      expect(accounts.length).toBeGreaterThan(0);
      let published = 0;
      let batches = 0;
      for (const account of accounts) {
        const { reads, comments } = await readEverything(account.email, account.role, account.unit, account.officer);
        published += reads.filter((r) => r.figures.published).length;
        batches += comments.length;
        audit(reads);
        for (const batch of comments) {
          const authors = new Set(batch.comments.map((text) => loaded.authors.get(text)));
          expect(authors.has(undefined), 'a comment that no rating wrote').toBe(false);
          expect(authors.size).toBeGreaterThanOrEqual(MIN_BUSINESSES);
        }
      }
      // The role is shown something (the test would pass vacuously otherwise).
      expect(published).toBeGreaterThan(0);
      if (role !== 'officer') expect(batches).toBeGreaterThan(0);
    }, 300_000);
  }

  it('the integration endpoint, read with everything the General Department sees, opens no side door', async () => {
    const gd = await readEverything('gd@test.vn', 'gd_staff', null, null);
    audit([...gd.reads, ...(await readIntegration())]);
  }, 300_000);

  it('a new rating changes nothing a rated party can read before its month is released', async () => {
    const who = loaded.accounts.filter((a) => a.role === 'team_lead' || a.role === 'officer').slice(0, 3);
    const before = await Promise.all(who.map((a) => readEverything(a.email, a.role, a.unit, a.officer)));
    const officer = [...loaded.officers.values()][0]!;
    const team = loaded.unitIds.get(officer.team)!;
    const db = platform.deps.db;
    const now = platform.clock.now();
    const enterprise = await db.selectFrom('enterprises').select('id').limit(1).executeTakeFirstOrThrow();
    const branch = await db.selectFrom('units').select('parent_id').where('id', '=', team).executeTakeFirstOrThrow();
    const declaration = await db
      .insertInto('declarations')
      .values({
        number: '309999999999',
        type_code: 'B11',
        enterprise_id: enterprise.id,
        office_unit_id: branch.parent_id!,
        channel: 'red',
        registered_at: now,
        cleared_at: now,
        rating_token: 'timing-test-token-0001',
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const assessment = await db
      .insertInto('assessments')
      .values({
        declaration_id: declaration.id,
        enterprise_id: enterprise.id,
        submitted_by_user_id: null,
        submitted_via: 'link',
        comment: 'Rất tệ',
        created_at: now,
        updated_at: now,
        editable_until: new Date(now.getTime() + 7 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('assessment_ratings')
      .values({
        assessment_id: assessment.id,
        subject_kind: 'officer',
        subject_ref: officer.code,
        unit_id: team,
        officer_id: officer.id,
        stars: 1,
        reason: 'Rất tệ',
        flags: ['harassment'],
      })
      .execute();
    expect(await createDisclosureRelease(platform.deps).releaseDue()).toEqual([]);
    const after = await Promise.all(who.map((a) => readEverything(a.email, a.role, a.unit, a.officer)));
    expect(after.map((a) => a.bodies)).toEqual(before.map((b) => b.bodies));
  }, 300_000);
});
