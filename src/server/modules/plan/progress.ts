// Recomputes the progress of a year's targets: measured ones from the platform
// measures (or from accepted reports), the ones carried out below from their
// assigned targets, bottom-up. Stores the result for dashboards, and raises an
// alert (in the app, and by mail to the unit's and the level above's organizers)
// when a target falls behind.
import type { Kysely } from 'kysely';
import type { MeasureCode } from '../../../contracts/measures.ts';
import type { TargetStatus } from '../../../contracts/plan.ts';
import { vietnamDay, vietnamDaysRange } from '../../../contracts/vietnam-time.ts';
import type { Database, PlanProgressTable } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { catalogueEntry } from '../measures/catalogue.ts';
import { createMeasureService } from '../measures/service.ts';
import { cascadeStatus, isBehind, paceOf } from './policy.ts';
import * as repo from './repository.ts';

const LEVEL_DEPTH = { general_department: 0, department: 1, branch: 2, team: 3 } as const;

export function createPlanProgress(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;
  const measures = createMeasureService(deps);

  /** Recomputes the year; `planIds` limits the measuring to those plans (the others keep their stored values). */
  async function refreshYear(year: number, planIds?: readonly string[]): Promise<number> {
    const now = clock.now();
    const today = vietnamDay(now);
    const targets = await repo.findYearTargets(db, year);
    if (targets.length === 0) return 0;
    const previous = new Map((await repo.findYearProgress(db, year)).map((p) => [p.target_id, p]));
    const only = planIds ? new Set(planIds) : null;
    const measured = targets.filter((t) => t.level === t.unit_kind && (!only || only.has(t.plan_id)));
    const yearStart = `${String(year)}-01-01`;
    const elapsedTo = (deadline: string) => {
      const { start } = vietnamDaysRange(yearStart, yearStart);
      const { end } = vietnamDaysRange(deadline, deadline);
      return Math.min(1, Math.max(0, (now.getTime() - start.getTime()) / (end.getTime() - start.getTime())));
    };

    // Measured values, grouped by (measure, deadline) so each is one query over all its units.
    const values = new Map<string, number | null>();
    const groups = new Map<string, typeof measured>();
    for (const t of measured) {
      if (!t.measure_code) continue;
      const key = `${t.measure_code}|${t.deadline}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    for (const [key, group] of groups) {
      const [code, deadline] = key.split('|') as [MeasureCode, string];
      const period = { from: yearStart, to: deadline };
      const result = await measures.measureValues([code], [...new Set(group.map((t) => t.unit_id))], period);
      const byUnit = new Map(result.map((v) => [v.unitId, v.value]));
      const share = catalogueEntry(code).kind === 'share';
      for (const t of group) {
        const v = byUnit.get(t.unit_id) ?? null;
        values.set(t.id, v === null ? null : share ? Math.round(v * 10_000) / 100 : v);
      }
    }
    const manual = await repo.findAcceptedValues(
      db,
      measured.filter((t) => !t.measure_code).map((t) => t.id),
    );
    for (const t of measured) if (!t.measure_code) values.set(t.id, manual.get(t.id) ?? null);

    const rows = new Map<string, PlanProgressTable>();
    const statusOf = (id: string): TargetStatus | undefined => rows.get(id)?.status ?? previous.get(id)?.status;
    for (const t of measured) {
      const entry = t.measure_code ? catalogueEntry(t.measure_code as MeasureCode) : null;
      const pace = paceOf({
        value: values.get(t.id) ?? null,
        target: t.target_value,
        higherIsBetter: entry?.higherIsBetter ?? true,
        cumulative: entry?.cumulative ?? true,
        elapsed: elapsedTo(t.deadline),
        deadlinePassed: today > t.deadline,
      });
      rows.set(t.id, {
        target_id: t.id,
        plan_id: t.plan_id,
        value: values.get(t.id) ?? null,
        ...pace,
        computed_at: now,
      });
    }

    // Targets carried out below: the worst status of their assigned targets, deepest first.
    const children = new Map<string, string[]>();
    for (const t of targets)
      if (t.source_target_id) children.set(t.source_target_id, [...(children.get(t.source_target_id) ?? []), t.id]);
    const cascades = targets
      .filter((t) => t.level !== t.unit_kind)
      .sort((a, b) => LEVEL_DEPTH[b.unit_kind] - LEVEL_DEPTH[a.unit_kind]);
    for (const t of cascades) {
      const statuses = (children.get(t.id) ?? []).map(statusOf).filter((s): s is TargetStatus => s !== undefined);
      const done = statuses.filter((s) => s === 'achieved').length;
      rows.set(t.id, {
        target_id: t.id,
        plan_id: t.plan_id,
        value: done,
        expected: statuses.length,
        projected: null,
        progress: statuses.length > 0 ? Math.round((done / statuses.length) * 100) / 100 : null,
        status: cascadeStatus(statuses),
        computed_at: now,
      });
    }

    const changed = [...rows.values()];
    const fallen = changed.filter((r) => isBehind(r.status) && previous.get(r.target_id)?.status !== r.status);
    const store = async (trx: Kysely<Database>) => {
      await repo.upsertProgress(trx, changed);
      if (fallen.length > 0) await raiseAlerts(trx, fallen, targets, now);
    };
    // Inside a caller's transaction (the demo seed) as part of it; otherwise in its own.
    if (db.isTransaction) await store(db);
    else await db.transaction().execute(store);
    return changed.length;
  }

  async function raiseAlerts(
    trx: Kysely<Database>,
    fallen: PlanProgressTable[],
    targets: Awaited<ReturnType<typeof repo.findYearTargets>>,
    now: Date,
  ): Promise<void> {
    const byId = new Map(targets.map((t) => [t.id, t]));
    await repo.insertAlerts(
      trx,
      fallen.map((r) => ({
        target_id: r.target_id,
        plan_id: r.plan_id,
        unit_id: byId.get(r.target_id)!.unit_id,
        status: r.status,
        value: r.value,
        expected: r.expected,
        created_at: now,
      })),
    );
    const units = await repo.findUnitsByIds(trx, [...new Set(fallen.map((r) => byId.get(r.target_id)!.unit_id))]);
    const unitById = new Map(units.map((u) => [u.id, u]));
    const recipients = await repo.findOrganizers(
      trx,
      [...new Set(units.flatMap((u) => [u.id, ...(u.parent_id ? [u.parent_id] : [])]))],
      units.some((u) => u.kind === 'department'),
    );
    const day = vietnamDay(now);
    const deliveries = fallen.flatMap((r) => {
      const target = byId.get(r.target_id)!;
      const unit = unitById.get(target.unit_id);
      if (!unit) return [];
      const to = recipients.filter(
        (p) =>
          p.unit_id === unit.id || p.unit_id === unit.parent_id || (p.unit_id === null && unit.kind === 'department'),
      );
      return to.map((p) => ({
        key: `plan-alert:${r.target_id}:${r.status}:${day}:${p.id}`,
        to: p.email,
        subject: `[Cầu Nối] Chỉ tiêu chậm tiến độ — ${unit.name_vi}`,
        text: [
          `Kính gửi ${p.full_name},`,
          '',
          `Một chỉ tiêu trong kế hoạch phát triển quan hệ đối tác của ${unit.name_vi} ${r.status === 'missed' ? 'không đạt' : 'đang chậm so với tiến độ'}:`,
          `Giá trị hiện tại: ${r.value === null ? 'chưa có' : String(r.value)}; cần đạt tới nay: ${r.expected === null ? '—' : String(r.expected)}.`,
          '',
          `Xem chi tiết: ${deps.publicBase}/app/ke-hoach/${r.plan_id}`,
        ].join('\n'),
      }));
    });
    await queueDeliveries(trx, deliveries);
  }

  return { refreshYear };
}

export type PlanProgress = ReturnType<typeof createPlanProgress>;
