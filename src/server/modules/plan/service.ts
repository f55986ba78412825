// The annual partnership plan: the General Department writes and publishes the
// national plan; a department adopts it (its own values, at least the national
// ones), adds targets and activities, assigns branch targets; owners report what
// the platform cannot measure and the level above reviews. Progress is in progress.ts.
import type { Kysely } from 'kysely';
import {
  MANUAL_MEASURE,
  type ActivityBody,
  type AdoptBody,
  type AssignBody,
  type PlanCreateBody,
  type PlanDetail,
  type PlanList,
  type PlanLevel,
  type ReportBody,
  type ReviewBody,
  type TargetBody,
} from '../../../contracts/plan.ts';
import { mayViewMeasures } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { unitScopeOf } from '../../lib/scope.ts';
import { MEASURE_VIEWER_ROLES } from '../../../contracts/roles.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import { catalogueEntry, toDefinition } from '../measures/catalogue.ts';
import { canViewMeasuresOf } from '../measures/policy.ts';
import { definitionOf, measureOf, toActivity, toPlanSummary, toProgress, toReport, toUnitRef } from './mapper.ts';
import { atLeastAsAmbitious, canEditPlanOf, canReviewFor, childLevel, levelFits, valueProblem } from './policy.ts';
import { createPlanProgress } from './progress.ts';
import * as repo from './repository.ts';

const conflict = (key: Parameters<typeof invalidField>[1]) => new AppError('conflict', key);

export function createPlanService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;
  const progress = createPlanProgress(deps);
  const yearNow = () => Number(vietnamDay(clock.now()).slice(0, 4));

  function requireViewer(actor: Actor | null): UserActor {
    if (!isUser(actor)) throw unauthorized();
    if (!mayViewMeasures(actor)) throw forbidden();
    return actor;
  }

  /** The unit is above one of the actor's own units: its published plan is the one they carry out. */
  async function isAbove(user: UserActor, unitId: string): Promise<boolean> {
    for (const grant of user.roles)
      if (grant.unitId && (MEASURE_VIEWER_ROLES as readonly string[]).includes(grant.role))
        if ((await getUnitAncestry(db, grant.unitId)).includes(unitId)) return true;
    return false;
  }

  /** The plan and its unit, if the actor may read it (404 otherwise). */
  async function openPlan(actor: Actor | null, id: string) {
    const user = requireViewer(actor);
    const plan = await repo.findPlan(db, id);
    if (!plan) throw notFound();
    const ancestry = await getUnitAncestry(db, plan.unit_id);
    const unit = await repo.findUnit(db, plan.unit_id);
    if (!unit || !(canViewMeasuresOf(user, ancestry) || (plan.status !== 'draft' && (await isAbove(user, unit.id)))))
      throw notFound();
    // A draft national plan is the General Department's alone.
    if (plan.status === 'draft' && !canEditPlanOf(user, unit)) throw notFound();
    return { user, plan, unit, ancestry };
  }

  async function openEditable(actor: Actor | null, id: string) {
    const opened = await openPlan(actor, id);
    if (!canEditPlanOf(opened.user, opened.unit)) throw forbidden();
    return opened;
  }

  function checkTarget(body: TargetBody, year: number, unitKind: PlanLevel, field = ''): void {
    const definition = body.measure === MANUAL_MEASURE ? null : toDefinition(catalogueEntry(body.measure));
    const problem = valueProblem(definition, body.value);
    if (problem) throw invalidField(`${field}value`, problem);
    if (body.deadline.slice(0, 4) !== String(year)) throw invalidField(`${field}deadline`, 'plan_deadline_year');
    if (!levelFits(unitKind, body.level)) throw invalidField(`${field}level`, 'plan_level_unfit');
  }

  async function listPlans(actor: Actor | null, year = yearNow()): Promise<PlanList> {
    const user = requireViewer(actor);
    const scope = await resolveScopeUnitIds(db, unitScopeOf(user, MEASURE_VIEWER_ROLES));
    const root = await repo.findRootUnit(db);
    const all = await repo.findPlanSummaries(db, { year, unitIds: scope });
    const national = root ? (await repo.findPlanSummaries(db, { year, unitIds: [root.id] }))[0] : undefined;
    const nationalVisible = national && (national.status !== 'draft' || canEditPlanOf(user, root!));
    const ownGrant = user.roles.find(
      (g) => g.unitId !== null && ['branch_leader', 'department_leader'].includes(g.role),
    );
    const ownUnit = ownGrant
      ? await repo.findUnit(db, ownGrant.unitId!)
      : root && canEditPlanOf(user, root)
        ? root
        : undefined;
    const own = ownUnit ? (await repo.findPlanSummaries(db, { year, unitIds: [ownUnit.id] }))[0] : undefined;
    return {
      year,
      national: nationalVisible ? toPlanSummary(national, user.locale) : null,
      own: own && (own.status !== 'draft' || canEditPlanOf(user, ownUnit!)) ? toPlanSummary(own, user.locale) : null,
      ownUnit: ownUnit ? toUnitRef(ownUnit, user.locale) : null,
      canCreateNational: !!root && canEditPlanOf(user, root) && !national,
      plans: all
        .filter((p) => p.status !== 'draft' || p.unit_id !== root?.id || nationalVisible)
        .map((p) => toPlanSummary(p, user.locale)),
    };
  }

  async function getPlan(actor: Actor | null, id: string): Promise<PlanDetail> {
    const { user, plan, unit, ancestry } = await openPlan(actor, id);
    const locale = user.locale;
    const [summary] = await repo.findPlanSummaries(db, { ids: [id] });
    const targets = await repo.findTargets(db, id);
    const assigned = await repo.findTargetsBySource(
      db,
      targets.map((t) => t.id),
    );
    const progressRows = new Map(
      (
        await repo.findProgress(
          db,
          [...targets, ...assigned].map((t) => t.id),
        )
      ).map((p) => [p.target_id, p]),
    );
    const assignedUnits = new Map(
      (await repo.findUnitsByIds(db, [...new Set(assigned.map((a) => a.unit_id))])).map((u) => [u.id, u]),
    );
    const reports = await repo.findReports(
      db,
      targets.map((t) => t.id),
    );
    const children = await repo.findPlanSummaries(db, { parentPlanId: id });
    const childUnits = await repo.findChildUnits(db, unit.id);
    const parentAncestry = ancestry.slice(1);
    const alerts = await repo.findAlerts(db, [unit.id, ...childUnits.map((u) => u.id)], plan.year);
    const path = (await repo.findUnitsByIds(db, ancestry)).sort(
      (a, b) => ancestry.indexOf(b.id) - ancestry.indexOf(a.id),
    );
    return {
      ...toPlanSummary(summary!, locale),
      path: path.map((u) => toUnitRef(u, locale)),
      canEdit: canEditPlanOf(user, unit),
      canReview: canReviewFor(user, parentAncestry),
      targets_: targets.map((t) => ({
        id: t.id,
        planId: t.plan_id,
        unitId: t.unit_id,
        content: t.content as PlanDetail['targets_'][number]['content'],
        goal: t.goal,
        title: t.title,
        measure: measureOf(t),
        measureDefinition: definitionOf(t),
        value: t.target_value,
        deadline: t.deadline,
        level: t.level,
        sourceTargetId: t.source_target_id,
        ownerName: t.owner_name,
        measured: t.level === unit.kind,
        progress: toProgress(progressRows.get(t.id)),
        assigned: assigned
          .filter((a) => a.source_target_id === t.id && assignedUnits.has(a.unit_id))
          .map((a) => ({
            targetId: a.id,
            unit: toUnitRef(assignedUnits.get(a.unit_id)!, locale),
            value: a.target_value,
            progress: toProgress(progressRows.get(a.id)),
          })),
        reports: reports.filter((r) => r.target_id === t.id).map(toReport),
      })),
      activities: (await repo.findActivities(db, id)).map(toActivity),
      children: children.map((c) => toPlanSummary(c, locale)),
      childUnits: childUnits.map((u) => toUnitRef(u, locale)),
      alerts: alerts.map((a) => ({
        id: a.id,
        targetId: a.target_id,
        targetTitle: a.title,
        unit: toUnitRef({ ...a, id: a.unit_id }, locale),
        status: a.status as PlanDetail['alerts'][number]['status'],
        value: a.value,
        expected: a.expected,
        createdAt: a.created_at.toISOString(),
      })),
    };
  }

  async function createNationalPlan(context: AuditContext, body: PlanCreateBody): Promise<PlanDetail> {
    const actor = requireViewer(context.actor);
    const root = await repo.findRootUnit(db);
    if (!root || !canEditPlanOf(actor, root)) throw forbidden();
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      const row = await repo.insertPlan(trx, {
        unit_id: root.id,
        year: body.year,
        parent_plan_id: null,
        status: 'draft',
        title: body.title,
        adopted_at: null,
        created_by: actor.userId,
        now,
      });
      if (!row) throw conflict('plan_exists');
      await writeAudit(trx, context, {
        action: 'plan.create',
        entityType: 'plan',
        entityId: row.id,
        unitId: root.id,
        details: { year: body.year },
      });
      return row.id;
    });
    return getPlan(actor, id);
  }

  async function addTarget(context: AuditContext, planId: string, body: TargetBody): Promise<PlanDetail> {
    const { user, plan, unit } = await openEditable(context.actor, planId);
    if (unit.kind === 'general_department' && plan.status !== 'draft') throw conflict('plan_not_draft');
    checkTarget(body, plan.year, unit.kind);
    await db.transaction().execute(async (trx) => {
      const [row] = await repo.insertTargets(trx, [targetValues(plan, body)], clock.now());
      await writeAudit(trx, context, {
        action: 'plan.target_add',
        entityType: 'plan_target',
        entityId: row!.id,
        unitId: unit.id,
        details: { planId, measure: body.measure, value: body.value, deadline: body.deadline, level: body.level },
      });
    });
    await progress.refreshYear(plan.year, [planId]);
    return getPlan(user, planId);
  }

  const targetValues = (plan: { id: string; unit_id: string }, body: TargetBody): repo.TargetValues => ({
    plan_id: plan.id,
    unit_id: plan.unit_id,
    content: body.content,
    goal: body.goal,
    title: body.title,
    measure_code: body.measure === MANUAL_MEASURE ? null : body.measure,
    target_value: body.value,
    deadline: body.deadline,
    level: body.level,
    source_target_id: null,
    owner_name: body.ownerName,
  });

  async function publishPlan(context: AuditContext, planId: string): Promise<PlanDetail> {
    const { user, plan, unit } = await openEditable(context.actor, planId);
    if (unit.kind !== 'general_department' || plan.status !== 'draft') throw conflict('plan_not_draft');
    const targets = await repo.findTargets(db, planId);
    if (targets.length === 0) throw conflict('plan_no_targets');
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.markPublished(trx, planId, now))) throw conflict('plan_not_draft');
      const departments = await repo.findChildUnits(trx, unit.id);
      const leaders = await repo.findOrganizers(
        trx,
        departments.map((d) => d.id),
        false,
      );
      await queueDeliveries(
        trx,
        leaders.map((p) => ({
          key: `plan-published:${planId}:${p.id}`,
          to: p.email,
          subject: `[Cầu Nối] Kế hoạch phát triển quan hệ đối tác năm ${String(plan.year)} đã ban hành`,
          text: [
            `Kính gửi ${p.full_name},`,
            '',
            `Tổng cục đã ban hành "${plan.title}" với ${String(targets.length)} chỉ tiêu.`,
            'Đề nghị đơn vị tiếp nhận, xây dựng chỉ tiêu của đơn vị (không thấp hơn chỉ tiêu chung) và giao chỉ tiêu cho các đơn vị trực thuộc.',
            '',
            `Tiếp nhận kế hoạch: ${deps.publicBase}/app/ke-hoach/${planId}`,
          ].join('\n'),
        })),
      );
      await writeAudit(trx, context, {
        action: 'plan.publish',
        entityType: 'plan',
        entityId: planId,
        unitId: unit.id,
        details: { targets: targets.length, notified: leaders.length },
      });
    });
    await progress.refreshYear(plan.year, [planId]);
    return getPlan(user, planId);
  }

  async function adoptPlan(context: AuditContext, parentPlanId: string, body: AdoptBody): Promise<PlanDetail> {
    const { user, plan: parent, unit: parentUnit } = await openPlan(context.actor, parentPlanId);
    if (parent.status === 'draft') throw conflict('plan_not_published');
    const unit = await repo.findUnit(db, body.unitId);
    if (!unit || unit.parent_id !== parentUnit.id) throw invalidField('unitId', 'plan_assign_unit');
    if (!canEditPlanOf(user, unit)) throw forbidden();
    const sources = (await repo.findTargets(db, parentPlanId)).filter(
      (t) => t.level !== parentUnit.kind && levelFits(unit.kind, t.level),
    );
    const given = new Map(body.targets.map((t) => [t.sourceTargetId, t.value]));
    body.targets.forEach((t, i) => {
      const source = sources.find((s) => s.id === t.sourceTargetId);
      if (!source) throw invalidField(`targets.${String(i)}.sourceTargetId`, 'plan_target_not_adoptable');
      const definition = definitionOf(source);
      const problem = valueProblem(definition, t.value);
      if (problem) throw invalidField(`targets.${String(i)}.value`, problem);
      if (!atLeastAsAmbitious(definition, t.value, source.target_value))
        throw invalidField(`targets.${String(i)}.value`, 'plan_value_below_national');
    });
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      const row = await repo.insertPlan(trx, {
        unit_id: unit.id,
        year: parent.year,
        parent_plan_id: parentPlanId,
        status: 'adopted',
        title: parent.title,
        adopted_at: now,
        created_by: user.userId,
        now,
      });
      if (!row) throw conflict('plan_exists');
      await repo.insertTargets(
        trx,
        sources.map((s) => ({
          plan_id: row.id,
          unit_id: unit.id,
          content: s.content,
          goal: s.goal,
          title: s.title,
          measure_code: s.measure_code,
          target_value: given.get(s.id) ?? s.target_value,
          deadline: s.deadline,
          level: s.level,
          source_target_id: s.id,
          owner_name: '',
        })),
        now,
      );
      await writeAudit(trx, context, {
        action: 'plan.adopt',
        entityType: 'plan',
        entityId: row.id,
        unitId: unit.id,
        details: {
          parentPlanId,
          targets: sources.length,
          raised: body.targets.filter((t) => t.value !== sources.find((s) => s.id === t.sourceTargetId)?.target_value)
            .length,
        },
      });
      return row.id;
    });
    await progress.refreshYear(parent.year, [id]);
    return getPlan(user, id);
  }

  async function assignTarget(context: AuditContext, targetId: string, body: AssignBody): Promise<PlanDetail> {
    const target = await repo.findTarget(db, targetId);
    if (!target) throw notFound();
    const { user, plan, unit } = await openEditable(context.actor, target.plan_id);
    if (childLevel(unit.kind) !== target.level) throw invalidField('assignments', 'plan_assign_level');
    const children = new Map((await repo.findChildUnits(db, unit.id)).map((u) => [u.id, u]));
    const definition = definitionOf(target);
    body.assignments.forEach((a, i) => {
      if (children.get(a.unitId)?.kind !== target.level)
        throw invalidField(`assignments.${String(i)}.unitId`, 'plan_assign_unit');
      const problem = valueProblem(definition, a.value);
      if (problem) throw invalidField(`assignments.${String(i)}.value`, problem);
      if (!atLeastAsAmbitious(definition, a.value, target.target_value))
        throw invalidField(`assignments.${String(i)}.value`, 'plan_value_below_national');
    });
    const now = clock.now();
    const touched: string[] = [];
    await db.transaction().execute(async (trx) => {
      for (const a of body.assignments) {
        const child = children.get(a.unitId)!;
        let childPlan = await repo.findPlanOf(trx, child.id, plan.year);
        if (!childPlan) {
          const row = await repo.insertPlan(trx, {
            unit_id: child.id,
            year: plan.year,
            parent_plan_id: plan.id,
            status: 'adopted',
            title: plan.title,
            adopted_at: now,
            created_by: user.userId,
            now,
          });
          childPlan = await repo.findPlan(trx, row!.id);
        }
        touched.push(childPlan!.id);
        const existing = (await repo.findTargets(trx, childPlan!.id)).find((t) => t.source_target_id === target.id);
        if (existing) await repo.updateTargetValue(trx, existing.id, a.value, now);
        else
          await repo.insertTargets(
            trx,
            [
              {
                content: target.content,
                goal: target.goal,
                title: target.title,
                measure_code: target.measure_code,
                deadline: target.deadline,
                level: target.level,
                plan_id: childPlan!.id,
                unit_id: child.id,
                target_value: a.value,
                source_target_id: target.id,
                owner_name: '',
              },
            ],
            now,
          );
      }
      const leaders = await repo.findOrganizers(
        trx,
        body.assignments.map((a) => a.unitId),
        false,
      );
      await queueDeliveries(
        trx,
        leaders.map((p) => ({
          key: `plan-assigned:${target.id}:${p.id}:${vietnamDay(now)}`,
          to: p.email,
          subject: `[Cầu Nối] Chỉ tiêu được giao: ${target.title}`,
          text: `Kính gửi ${p.full_name},\n\n${unit.name_vi} đã giao chỉ tiêu "${target.title}" cho đơn vị.\n\nXem kế hoạch: ${deps.publicBase}/app/ke-hoach`,
        })),
      );
      await writeAudit(trx, context, {
        action: 'plan.assign',
        entityType: 'plan_target',
        entityId: target.id,
        unitId: unit.id,
        details: { assignments: body.assignments },
      });
    });
    await progress.refreshYear(plan.year, [...touched, plan.id]);
    return getPlan(user, plan.id);
  }

  async function addActivity(context: AuditContext, planId: string, body: ActivityBody): Promise<PlanDetail> {
    const { user, plan, unit } = await openEditable(context.actor, planId);
    if (body.startsOn.slice(0, 4) !== String(plan.year)) throw invalidField('startsOn', 'plan_deadline_year');
    if (body.endsOn.slice(0, 4) !== String(plan.year)) throw invalidField('endsOn', 'plan_deadline_year');
    await db.transaction().execute(async (trx) => {
      const row = await repo.insertActivity(
        trx,
        {
          plan_id: planId,
          content: body.content,
          title: body.title,
          owner_name: body.ownerName,
          starts_on: body.startsOn,
          ends_on: body.endsOn,
          status: body.status,
        },
        clock.now(),
      );
      await writeAudit(trx, context, {
        action: 'plan.activity_add',
        entityType: 'plan_activity',
        entityId: row.id,
        unitId: unit.id,
        details: { planId, title: body.title },
      });
    });
    return getPlan(user, planId);
  }

  async function setActivityStatus(
    context: AuditContext,
    activityId: string,
    status: ActivityBody['status'],
  ): Promise<PlanDetail> {
    const activity = await repo.findActivity(db, activityId);
    if (!activity) throw notFound();
    const { user, unit } = await openEditable(context.actor, activity.plan_id);
    await db.transaction().execute(async (trx) => {
      await repo.updateActivityStatus(trx, activityId, status, clock.now());
      await writeAudit(trx, context, {
        action: 'plan.activity_status',
        entityType: 'plan_activity',
        entityId: activityId,
        unitId: unit.id,
        details: { from: activity.status, to: status },
      });
    });
    return getPlan(user, activity.plan_id);
  }

  async function reportValue(context: AuditContext, targetId: string, body: ReportBody): Promise<PlanDetail> {
    const target = await repo.findTarget(db, targetId);
    if (!target) throw notFound();
    const { user, unit } = await openEditable(context.actor, target.plan_id);
    if (target.measure_code || target.level !== unit.kind) throw conflict('plan_report_measured');
    await db.transaction().execute(async (trx) => {
      const row = await repo.insertReport(trx, {
        target_id: targetId,
        value: body.value,
        evidence: body.evidence,
        evidence_url: body.evidenceUrl,
        reported_by: user.userId,
        reported_at: clock.now(),
      });
      await writeAudit(trx, context, {
        action: 'plan.report',
        entityType: 'plan_report',
        entityId: row.id,
        unitId: unit.id,
        details: { targetId, value: body.value },
      });
    });
    return getPlan(user, target.plan_id);
  }

  async function reviewReport(context: AuditContext, reportId: string, body: ReviewBody): Promise<PlanDetail> {
    const user = requireViewer(context.actor);
    const report = await repo.findReport(db, reportId);
    const target = report && (await repo.findTarget(db, report.target_id));
    if (!report || !target) throw notFound();
    const ancestry = await getUnitAncestry(db, target.unit_id);
    if (!canViewMeasuresOf(user, ancestry)) throw notFound();
    if (!canReviewFor(user, ancestry.slice(1))) throw forbidden();
    const plan = (await repo.findPlan(db, target.plan_id))!;
    await db.transaction().execute(async (trx) => {
      const done = await repo.reviewReport(trx, reportId, {
        review_status: body.decision,
        review_comment: body.comment,
        reviewed_by: user.userId,
        reviewed_at: clock.now(),
      });
      if (!done) throw conflict('plan_report_reviewed');
      await writeAudit(trx, context, {
        action: 'plan.review',
        entityType: 'plan_report',
        entityId: reportId,
        unitId: target.unit_id,
        details: { decision: body.decision },
      });
    });
    await progress.refreshYear(plan.year, [plan.id]);
    return getPlan(user, plan.id);
  }

  async function refreshPlan(context: AuditContext, planId: string): Promise<PlanDetail> {
    const { user, plan } = await openPlan(context.actor, planId);
    const subtree = await repo.findPlanSummaries(db, { year: plan.year });
    const ids = new Set([planId]);
    for (let grew = true; grew;) {
      grew = false;
      for (const p of subtree)
        if (p.parent_plan_id && ids.has(p.parent_plan_id) && !ids.has(p.id)) {
          ids.add(p.id);
          grew = true;
        }
    }
    await progress.refreshYear(plan.year, [...ids]);
    return getPlan(user, planId);
  }

  return {
    listPlans,
    getPlan,
    createNationalPlan,
    addTarget,
    publishPlan,
    adoptPlan,
    assignTarget,
    addActivity,
    setActivityStatus,
    reportValue,
    reviewReport,
    refreshPlan,
    refreshYear: (year: number) => progress.refreshYear(year),
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
