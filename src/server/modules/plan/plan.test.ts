import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../../contracts/plan.ts';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { paceOf } from './policy.ts';

// 23 November 2026: the year is 89 % gone.
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let dataDir: string;
const s: Record<string, Session> = {};
let national: PlanDetail;
let department: PlanDetail;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-plan-'));
  platform = await startTestPlatform({ env: { DATA_DIR: dataDir } });
  const db = platform.deps.db;
  org = await createOrg(db);
  await createUser(db, { email: 'gd@test.vn', role: 'gd_staff' });
  await createUser(db, { email: 'leader@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  for (const email of ['gd@test.vn', 'leader@03.vn', 'leader@20.vn', 'leader@03nk.vn', 'officer@03nk.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
  const firm = await createEnterprise(db, { managingUnitId: org['03NK'] });
  await db
    .insertInto('agreements')
    .values(
      [1, 2, 3].map((n) => ({
        number: `${String(n)}/TTHT`,
        kind: 'cooperation' as const,
        unit_id: org['03NK'],
        enterprise_id: firm.id,
        title: `Thỏa thuận ${String(n)}`,
        signed_on: `2026-0${String(n)}-10`,
        status: 'in_force' as const,
        updated_at: new Date(),
      })),
    )
    .execute();
});

afterAll(async () => {
  await platform.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = (who: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  platform.app.inject({ method, url, ...(who && { headers: as(s[who]!) }), ...(payload && { payload }) });

const target = (over: object = {}) => ({
  content: 'cooperation',
  goal: 'Mở rộng quan hệ đối tác với doanh nghiệp',
  title: 'Ký thỏa thuận hợp tác với doanh nghiệp',
  measure: 'agreements_signed',
  value: 3,
  deadline: '2026-12-31',
  level: 'branch',
  ...over,
});

describe('the annual plan', () => {
  it('the General Department writes the national plan; bad targets are refused naming the field', async () => {
    expect((await call('leader@03.vn', 'POST', '/api/plans', { year: 2026, title: 'KH' })).statusCode).toBe(403);
    const created = await call('gd@test.vn', 'POST', '/api/plans', {
      year: 2026,
      title: 'Kế hoạch phát triển quan hệ đối tác Hải quan – Doanh nghiệp năm 2026',
    });
    expect(created.statusCode).toBe(201);
    national = created.json();
    expect((await call('gd@test.vn', 'POST', '/api/plans', { year: 2026, title: 'Lần hai' })).statusCode).toBe(409);
    // A draft is the General Department's alone.
    expect((await call('leader@03.vn', 'GET', `/api/plans/${national.id}`)).statusCode).toBe(404);

    const bad = async (body: object, field: string) => {
      const response = await call('gd@test.vn', 'POST', `/api/plans/${national.id}/targets`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe(field);
    };
    const { measure: _m, ...noMeasure } = target();
    await bad(noMeasure, 'measure');
    await bad(target({ value: 2.5 }), 'value');
    await bad(target({ measure: 'support_resolved_on_time_share', value: 120 }), 'value');
    await bad(target({ deadline: '2027-01-15' }), 'deadline');
    await bad(target({ level: 'nation' }), 'level');

    for (const body of [
      target(),
      target({
        content: 'support',
        title: 'Giải quyết yêu cầu hỗ trợ đúng hạn',
        measure: 'support_resolved_on_time_share',
        value: 90,
        level: 'department',
      }),
      target({
        content: 'information',
        title: 'Tập huấn cho công chức về quan hệ đối tác',
        measure: 'manual',
        value: 4,
        level: 'branch',
      }),
    ])
      expect((await call('gd@test.vn', 'POST', `/api/plans/${national.id}/targets`, body)).statusCode).toBe(200);
  });

  it('publishes: departments are told by mail; the plan is then frozen', async () => {
    const published = await call('gd@test.vn', 'POST', `/api/plans/${national.id}/publish`);
    expect(published.statusCode).toBe(200);
    national = published.json();
    expect(national.status).toBe('published');
    const mail = await platform.deps.db
      .selectFrom('mail_deliveries')
      .select(['to_address', 'subject'])
      .where('key', 'like', 'plan-published:%')
      .execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual(['leader@03.vn', 'leader@20.vn']);
    expect((await call('gd@test.vn', 'POST', `/api/plans/${national.id}/targets`, target())).statusCode).toBe(409);
    expect((await call('gd@test.vn', 'POST', `/api/plans/${national.id}/publish`)).statusCode).toBe(409);
  });

  it('a department adopts with values at least the national ones, for itself only', async () => {
    const branchTarget = national.targets_.find((t) => t.measure === 'agreements_signed')!;
    const below = await call('leader@03.vn', 'POST', `/api/plans/${national.id}/adoptions`, {
      unitId: org['03'],
      targets: [{ sourceTargetId: branchTarget.id, value: 2 }],
    });
    expect(below.statusCode).toBe(400);
    expect(below.json().error.details[0].field).toBe('targets.0.value');
    expect(
      (await call('leader@20.vn', 'POST', `/api/plans/${national.id}/adoptions`, { unitId: org['03'], targets: [] }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call('leader@03nk.vn', 'POST', `/api/plans/${national.id}/adoptions`, {
          unitId: org['03NK'],
          targets: [],
        })
      ).json().error.details[0].field,
    ).toBe('unitId');
    const adopted = await call('leader@03.vn', 'POST', `/api/plans/${national.id}/adoptions`, {
      unitId: org['03'],
      targets: [{ sourceTargetId: branchTarget.id, value: 4 }],
    });
    expect(adopted.statusCode).toBe(201);
    department = adopted.json();
    expect(department.targets_).toHaveLength(3);
    expect(department.targets_.find((t) => t.sourceTargetId === branchTarget.id)!.value).toBe(4);
    // Own activities.
    const activity = await call('leader@03.vn', 'POST', `/api/plans/${department.id}/activities`, {
      content: 'consultation',
      title: 'Hội nghị đối thoại doanh nghiệp tháng 5',
      ownerName: 'Phòng Nghiệp vụ',
      startsOn: '2026-05-20',
      endsOn: '2026-05-20',
    });
    expect(activity.statusCode).toBe(200);
    expect(
      (
        await call('leader@03nk.vn', 'POST', `/api/plans/${department.id}/activities`, {
          content: 'consultation',
          title: 'X',
          ownerName: 'Y',
          startsOn: '2026-05-20',
          endsOn: '2026-05-20',
        })
      ).statusCode,
    ).toBe(403);
    const late = await call('leader@03.vn', 'POST', `/api/plans/${department.id}/activities`, {
      content: 'consultation',
      title: 'X',
      ownerName: 'Y',
      startsOn: '2026-05-20',
      endsOn: '2026-05-01',
    });
    expect(late.json().error.details[0].field).toBe('endsOn');
  });

  it('assigns branch targets; progress is measured from the platform, with a fall behind alerted', async () => {
    const agreements = department.targets_.find((t) => t.measure === 'agreements_signed')!;
    const low = await call('leader@03.vn', 'POST', `/api/plan-targets/${agreements.id}/assignments`, {
      assignments: [{ unitId: org['03NK'], value: 3 }],
    });
    expect(low.json().error.details[0].field).toBe('assignments.0.value');
    const other = await call('leader@03.vn', 'POST', `/api/plan-targets/${agreements.id}/assignments`, {
      assignments: [{ unitId: org['20BB'], value: 5 }],
    });
    expect(other.json().error.details[0].field).toBe('assignments.0.unitId');
    const assigned = await call('leader@03.vn', 'POST', `/api/plan-targets/${agreements.id}/assignments`, {
      assignments: [
        { unitId: org['03NK'], value: 4 },
        { unitId: org['03CE'], value: 5 },
      ],
    });
    expect(assigned.statusCode).toBe(200);
    const row = (assigned.json() as PlanDetail).targets_.find((t) => t.id === agreements.id)!;
    const nk = row.assigned.find((a) => a.unit.code === '03NK')!;
    expect(nk.progress).toMatchObject({ value: 3, status: 'at_risk' }); // 3 of 4 by late November
    expect(row.assigned.find((a) => a.unit.code === '03CE')!.progress.value).toBe(0);
    expect(row.progress.status).toBe('at_risk');
    const alerts = await platform.deps.db
      .selectFrom('mail_deliveries')
      .select('to_address')
      .where('key', 'like', 'plan-alert:%')
      .execute();
    expect(alerts.map((a) => a.to_address)).toContain('leader@03nk.vn');
    expect(alerts.map((a) => a.to_address)).toContain('leader@03.vn');

    // The branch's own plan: it sees its target and may not edit the department's.
    const list = (await call('leader@03nk.vn', 'GET', '/api/plans?year=2026')).json();
    expect(list.own.unit.code).toBe('03NK');
    const branch = (await call('leader@03nk.vn', 'GET', `/api/plans/${list.own.id}`)).json() as PlanDetail;
    expect(branch.canEdit).toBe(true);
    expect(branch.canReview).toBe(false);
    expect(branch.alerts.length).toBeGreaterThan(0);
    expect(
      (await call('leader@03nk.vn', 'POST', `/api/plans/${department.id}/targets`, target({ level: 'department' })))
        .statusCode,
    ).toBe(403);
    expect((await call('officer@03nk.vn', 'GET', `/api/plans/${list.own.id}`)).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'GET', `/api/plans/${list.own.id}`)).statusCode).toBe(404);

    // One more agreement signed: the branch reaches its target.
    const firm = await createEnterprise(platform.deps.db, { managingUnitId: org['03NK'] });
    await platform.deps.db
      .insertInto('agreements')
      .values({
        number: '9/TTHT',
        kind: 'cooperation',
        unit_id: org['03NK'],
        enterprise_id: firm.id,
        title: 'Thỏa thuận 9',
        signed_on: '2026-11-20',
        status: 'in_force',
        updated_at: new Date(),
      })
      .execute();
    const refreshed = (await call('leader@03nk.vn', 'POST', `/api/plans/${list.own.id}/refresh`)).json() as PlanDetail;
    expect(refreshed.targets_.find((t) => t.measure === 'agreements_signed')!.progress).toMatchObject({
      value: 4,
      status: 'achieved',
    });
  });

  it('a manual target is reported with evidence and reviewed by the level above', async () => {
    const branchPlanId = (await call('leader@03nk.vn', 'GET', '/api/plans?year=2026')).json().own.id as string;
    const training = department.targets_.find((t) => t.measure === 'manual')!;
    await call('leader@03.vn', 'POST', `/api/plan-targets/${training.id}/assignments`, {
      assignments: [{ unitId: org['03NK'], value: 4 }],
    });
    const branch = (await call('leader@03nk.vn', 'GET', `/api/plans/${branchPlanId}`)).json() as PlanDetail;
    const own = branch.targets_.find((t) => t.measure === 'manual')!;
    const measured = branch.targets_.find((t) => t.measure === 'agreements_signed')!;
    expect(
      (await call('leader@03nk.vn', 'POST', `/api/plan-targets/${measured.id}/reports`, { value: 9, evidence: 'x' }))
        .statusCode,
    ).toBe(409);
    const reported = await call('leader@03nk.vn', 'POST', `/api/plan-targets/${own.id}/reports`, {
      value: 4,
      evidence: 'Bốn buổi tập huấn: 12/3, 9/6, 15/9, 10/11 (biên bản kèm theo)',
      evidenceUrl: 'https://intranet.example/tap-huan',
    });
    expect(reported.statusCode).toBe(200);
    const reportId = (reported.json() as PlanDetail).targets_.find((t) => t.id === own.id)!.reports[0]!.id;
    expect(
      (await call('leader@03nk.vn', 'POST', `/api/plan-reports/${reportId}/review`, { decision: 'accepted' }))
        .statusCode,
    ).toBe(403);
    const reviewed = await call('leader@03.vn', 'POST', `/api/plan-reports/${reportId}/review`, {
      decision: 'accepted',
      comment: 'Đủ minh chứng',
    });
    expect(reviewed.statusCode).toBe(200);
    expect(
      (await call('leader@03.vn', 'POST', `/api/plan-reports/${reportId}/review`, { decision: 'rejected' })).statusCode,
    ).toBe(409);
    const after = (await call('leader@03nk.vn', 'GET', `/api/plans/${branchPlanId}`)).json() as PlanDetail;
    expect(after.targets_.find((t) => t.id === own.id)!.progress).toMatchObject({ value: 4, status: 'achieved' });
  });

  it('rolls up for the country, exports to Excel and audits every change', async () => {
    const country = (await call('gd@test.vn', 'GET', `/api/plans/${national.id}`)).json() as PlanDetail;
    expect(country.children.map((c) => c.unit.code)).toEqual(['03']);
    expect(country.children[0]!.targets).toBe(3);
    const file = await call('leader@03.vn', 'GET', `/api/plans/${department.id}/export`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const actions = (
      await platform.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'plan.%').execute()
    ).map((a) => a.action);
    for (const action of [
      'plan.create',
      'plan.target_add',
      'plan.publish',
      'plan.adopt',
      'plan.assign',
      'plan.activity_add',
      'plan.report',
      'plan.review',
    ])
      expect(actions).toContain(action);
  });
});

describe('pace', () => {
  it('projects counts to year end, holds levels, and misses after the deadline', () => {
    const base = { target: 10, higherIsBetter: true, cumulative: true, deadlinePassed: false };
    expect(paceOf({ ...base, value: 5, elapsed: 0.5 })).toMatchObject({
      expected: 5,
      projected: 10,
      status: 'on_track',
    });
    expect(paceOf({ ...base, value: 2, elapsed: 0.5 })).toMatchObject({ status: 'at_risk', projected: 4 });
    expect(paceOf({ ...base, value: 10, elapsed: 0.5 }).status).toBe('achieved');
    expect(paceOf({ ...base, value: 8, elapsed: 1, deadlinePassed: true }).status).toBe('missed');
    expect(paceOf({ ...base, value: null, elapsed: 0.5 }).status).toBe('no_data');
    const hours = { target: 24, higherIsBetter: false, cumulative: false, deadlinePassed: false, elapsed: 0.5 };
    expect(paceOf({ ...hours, value: 12 }).status).toBe('on_track');
    expect(paceOf({ ...hours, value: 30 }).status).toBe('at_risk');
  });
});
