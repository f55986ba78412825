// A year of declarations and their service-quality assessments at Hai Phong
// and Quang Ninh, with a thinner spread over Hanoi, HCMC, Da Nang and Binh
// Duong: steps, ratings, the roll-up queue as the app writes it, and a case
// for every flag, plus the demo story (story.ts). Generated day by day, in
// registration order, and written 500 declarations at a time.
//
// Files: context.ts (the branches, teams, officers and enterprises in
// memory), declarations.ts (calendar, one declaration), ratings.ts (one
// assessment), cases.ts (one case), story.ts (the demo story).
import type { Insertable, Kysely } from 'kysely';
import { EDIT_WINDOW_DAYS } from '../../src/contracts/assessments.ts';
import type { Database, DeclarationStepsTable, FlagCaseEventsTable } from '../../src/server/db/schema.ts';
import { BATCH_SIZE, BatchWriter } from './batch.ts';
import { CasePlanner } from './cases.ts';
import { loadContext, type SeedContext } from './context.ts';
import {
  DAY_MS,
  DECLARATIONS_PER_SCALE,
  demoCalendar,
  planDeclaration,
  ratingToken,
  type DeclarationPlan,
} from './declarations.ts';
import type { DemoParties } from './enterprises.ts';
import type { SeededOrganization } from './organization.ts';
import { Rng } from './random.ts';
import { planAssessment, type AssessmentPlan } from './ratings.ts';
import { storyItems, type Item } from './story.ts';

export interface ActivityResult {
  declarations: number;
  assessments: number;
  ratings: number;
  cases: number;
}

/** VNACCS-like numbers: 10 (import) or 30 (export), a national serial in registration order, a 0 for the main declaration. */
const FIRST_SERIAL = 706_412_000;
function declarationNumber(isImport: boolean, serial: number): string {
  return `${isImport ? '10' : '30'}${String(FIRST_SERIAL + serial).padStart(9, '0')}0`;
}

/** Writes declarations 500 at a time, then their steps, assessments, ratings and cases. */
class ActivityWriter {
  readonly counts: ActivityResult = { declarations: 0, assessments: 0, ratings: 0, cases: 0 };
  private items: Item[] = [];
  private readonly steps: BatchWriter<Insertable<DeclarationStepsTable>>;
  private readonly events: BatchWriter<Insertable<FlagCaseEventsTable>>;
  private readonly cases: CasePlanner;
  private readonly caseRng = new Rng('cases');

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ctx: SeedContext,
  ) {
    this.steps = new BatchWriter((rows) => db.insertInto('declaration_steps').values(rows).execute());
    this.events = new BatchWriter((rows) => db.insertInto('flag_case_events').values(rows).execute());
    this.cases = new CasePlanner(ctx.org, ctx.users);
  }

  async push(item: Item): Promise<void> {
    this.items.push(item);
    if (this.items.length >= BATCH_SIZE) await this.writeItems();
  }

  async finish(): Promise<ActivityResult> {
    await this.writeItems();
    await this.steps.flush();
    await this.events.flush();
    return this.counts;
  }

  private async writeItems(): Promise<void> {
    const items = this.items;
    this.items = [];
    if (items.length === 0) return;
    const { db } = this;
    const inserted = await db
      .insertInto('declarations')
      .values(
        items.map(({ declaration: d }) => ({
          number: d.number,
          type_code: d.typeCode,
          enterprise_id: d.party.id,
          declarant_id: d.declarantId,
          office_unit_id: d.office.id,
          channel: d.channel,
          registered_at: d.registeredAt,
          cleared_at: d.clearedAt,
          status: 'cleared',
          rating_token: ratingToken(d),
          created_at: d.registeredAt,
          updated_at: d.clearedAt,
        })),
      )
      .returning(['id', 'number'])
      .execute();
    const declarationIds = new Map(inserted.map((row) => [row.number, row.id]));
    const idOf = (d: DeclarationPlan) => declarationIds.get(d.number) ?? 0;
    for (const { declaration: d } of items) {
      for (const [index, step] of d.steps.entries()) {
        await this.steps.push({
          declaration_id: idOf(d),
          seq: index + 1,
          stage: step.stage,
          team_unit_id: step.team.id,
          officer_id: step.officer.id,
          started_at: step.startedAt,
          finished_at: step.finishedAt,
        });
      }
    }
    this.counts.declarations += items.length;

    const assessed = items.filter(
      (item): item is { declaration: DeclarationPlan; assessment: AssessmentPlan } => item.assessment !== null,
    );
    if (assessed.length === 0) return;
    const assessments = await db
      .insertInto('assessments')
      .values(
        assessed.map(({ declaration, assessment: a }) => ({
          declaration_id: idOf(declaration),
          enterprise_id: declaration.party.id,
          submitted_by_user_id: a.userId,
          submitted_via: a.via,
          comment: a.comment,
          created_at: a.createdAt,
          updated_at: a.createdAt,
          editable_until: new Date(a.createdAt.getTime() + EDIT_WINDOW_DAYS * DAY_MS),
        })),
      )
      .returning(['id', 'declaration_id'])
      .execute();
    const assessmentIds = new Map(assessments.map((row) => [row.declaration_id, row.id]));
    this.counts.assessments += assessed.length;

    const ratings = assessed.flatMap(({ declaration, assessment }) => {
      const assessmentId = assessmentIds.get(idOf(declaration)) ?? 0;
      return assessment.ratings.map((rating) => ({ declaration, assessment, assessmentId, rating }));
    });
    const ratingIds = new Map<string, number>();
    for (let start = 0; start < ratings.length; start += 2 * BATCH_SIZE) {
      const rows = await db
        .insertInto('assessment_ratings')
        .values(
          ratings.slice(start, start + 2 * BATCH_SIZE).map(({ assessmentId, rating: r }) => ({
            assessment_id: assessmentId,
            subject_kind: r.subject.kind,
            subject_ref: r.subject.ref,
            unit_id: r.subject.unitId,
            officer_id: r.subject.officerId,
            stars: r.stars,
            reason: r.reason,
            flags: r.flags,
          })),
        )
        .returning(['id', 'assessment_id', 'subject_kind', 'subject_ref'])
        .execute();
      for (const row of rows) ratingIds.set(`${row.assessment_id}|${row.subject_kind}|${row.subject_ref}`, row.id);
    }
    this.counts.ratings += ratings.length;

    const cases = [];
    for (const { assessment, assessmentId, rating } of ratings) {
      if (rating.flags.length === 0) continue;
      const ratingId = ratingIds.get(`${assessmentId}|${rating.subject.kind}|${rating.subject.ref}`) ?? 0;
      const planned = this.cases.plan({ assessmentId, ratingId, rating, openedAt: assessment.createdAt }, this.caseRng);
      if (planned) cases.push(planned);
    }
    if (cases.length === 0) return;
    await db
      .insertInto('flag_cases')
      .values(cases.map((c) => c.row))
      .execute();
    for (const planned of cases) for (const event of planned.events) await this.events.push(event);
    this.counts.cases += cases.length;
  }
}

// ---------------------------------------------------------------- the year

export async function seedAssessments(
  db: Kysely<Database>,
  org: SeededOrganization,
  demo: DemoParties,
  scale: number,
): Promise<ActivityResult> {
  const ctx = await loadContext(db, org, demo);
  const days = demoCalendar();
  const totalWeight = days.reduce((sum, day) => sum + day.weight, 0);
  const volume = DECLARATIONS_PER_SCALE * scale;
  const streams = ctx.offices.map((office) => ({
    office,
    volume: new Rng(`volume:${office.code}`),
    declarations: new Rng(`declarations:${office.code}`),
    assessments: new Rng(`assessments:${office.code}`),
  }));
  const story = storyItems(ctx, days);
  const writer = new ActivityWriter(db, ctx);
  let serial = 0;
  for (const day of days) {
    const items = story.get(day.iso) ?? [];
    if (day.weight > 0) {
      for (const stream of streams) {
        const expected = (volume * stream.office.volume * day.weight) / totalWeight;
        const count = Math.floor(expected) + (stream.volume.chance(expected % 1) ? 1 : 0);
        for (let index = 0; index < count; index += 1) {
          const declaration = planDeclaration(stream.office, day, stream.declarations);
          items.push({ declaration, assessment: planAssessment(declaration, stream.assessments) });
        }
      }
    }
    items.sort((a, b) => a.declaration.registeredAt.getTime() - b.declaration.registeredAt.getTime());
    for (const item of items) {
      item.declaration.number = declarationNumber(item.declaration.isImport, serial);
      serial += 1;
      await writer.push(item);
    }
  }
  return writer.finish();
}
