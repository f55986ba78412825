// The demo data generator: a realistic, deterministic Vietnam Customs — the
// organization, its officers, enterprises and brokers, business associations,
// one demo account per role, and a year of declarations with their
// assessments and flag cases (to 2026-11-22) so the dashboards show something
// real. Codes, names, tax codes, declaration numbers, tokens and stars are the
// same on every run; only ids (random uuids) and row timestamps differ.
//
// Scale: 1 gives the 35 departments, 140 branches, ~560 teams, ~3,100 officers
// and 3,000 enterprises (~3 % customs brokers). `scale` multiplies the
// enterprises; from 10 each department has 2 more branches and each branch one
// more team, from 100 4 more branches and two more teams (national size: 280
// branches, ~9,000 officers, 300,000 enterprises). Officers per team stay 3–8.
// Declarations: 12,000 × scale (≈ 75 % assessed, ≈ 2.8 ratings each), 60 %
// in Hai Phong, 30 % in Quang Ninh, 10 % over Hanoi, HCMC, Da Nang, Binh Duong.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { hashPassword } from '../../src/server/lib/crypto.ts';
import { DEMO_PASSWORD } from '../../src/server/modules/auth/service.ts';
import { seedDemoAccounts } from './accounts.ts';
import { seedAssessments } from './assessments.ts';
import { createMembershipDraw, seedAssociations, VCCI_HAI_PHONG, VLA } from './associations.ts';
import { seedEnterprises } from './enterprises.ts';
import { seedEvents } from './events.ts';
import { seedAgreements } from './agreements.ts';
import { seedDocuments } from './documents.ts';
import { seedDocumentFiles, seedSentNewsletter } from './document-files.ts';
import { seedOrganization } from './organization.ts';
import { NOW } from './declarations.ts';
import { seedQuestions } from './questions.ts';
import { seedSupport } from './support.ts';
import { seedSurveys } from './surveys.ts';
import { seedPlan } from './plan.ts';
import { seedScreens } from './screens.ts';
import { seedCdci } from './cdci.ts';
import { seedConsultations } from './consultations.ts';
import { seedContests } from './contests.ts';

export interface SeedOptions {
  scale: number;
  log?: (line: string) => void;
  /** Where uploaded files live (DATA_DIR); without it, library documents get no demo files. */
  dataDir?: string;
}

export interface SeedSummary {
  units: number;
  enterprises: number;
  officers: number;
  users: number;
  associations: number;
  declarations: number;
  assessments: number;
  cases: number;
}

async function seedInto(db: Kysely<Database>, options: SeedOptions, passwordHash: string): Promise<SeedSummary> {
  const { scale } = options;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`Seed scale must be a positive number, got ${scale}`);
  const log = options.log ?? (() => undefined);
  const started = Date.now();

  const org = await seedOrganization(db, scale);
  log(
    `seed: ${org.departments.length} departments, ${org.counts.branches} branches, ${org.counts.teams} teams, ${org.counts.officers} officers`,
  );

  const draw = createMembershipDraw();
  const parties = await seedEnterprises(db, org, scale, (facts) => draw.offer(facts), log);
  log(
    `seed: ${parties.enterprises} enterprises, ${parties.brokers} customs brokers with ${parties.brokerClients} clients`,
  );

  draw.require(VCCI_HAI_PHONG, parties.demo.enterpriseId);
  draw.require(VLA, parties.demo.brokerId);
  const associations = await seedAssociations(db, draw);
  log(`seed: ${associations.associations} associations with ${associations.members} members`);

  const vcciHaiPhongId = associations.ids.get(VCCI_HAI_PHONG);
  if (!vcciHaiPhongId) throw new Error('The VCCI Hai Phong association is missing');
  const accounts = await seedDemoAccounts(db, { org, parties: parties.demo, vcciHaiPhongId }, passwordHash);
  log(`seed: ${accounts.length} demo accounts (${accounts.map((account) => account.email).join(', ')})`);

  const activity = await seedAssessments(db, org, parties.demo, scale);
  log(
    `seed: ${activity.declarations} declarations, ${activity.assessments} assessments with ${activity.ratings} ratings, ${activity.cases} flag cases`,
  );
  const events = await seedEvents(db, { unitIds: org.unitIds, demoEnterpriseId: parties.demo.enterpriseId });
  log(`seed: ${events.events} dialogues and meetings with ${events.questions} follow-up items`);
  const agreements = await seedAgreements(db, { unitIds: org.unitIds });
  log(`seed: ${agreements.agreements} partnership agreements, ${agreements.targets} annual targets`);
  const documents = await seedDocuments(db, { unitIds: org.unitIds, demoEnterpriseId: parties.demo.enterpriseId });
  log(`seed: ${documents.documents} legal documents, subscriptions and announcements`);
  if (options.dataDir)
    log(
      `seed: ${(await seedDocumentFiles(db, { dataDir: options.dataDir, unitIds: org.unitIds })).files} library document files`,
    );
  await seedSentNewsletter(db, { unitIds: org.unitIds });
  const staff = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'in', ['congchuc.03nk@demo.caunoi.vn', 'doitruong.03nk@demo.caunoi.vn'])
    .execute();
  const entries = await seedQuestions(
    db,
    staff.find((u) => u.email.startsWith('congchuc'))?.id ?? null,
    staff.find((u) => u.email.startsWith('doitruong'))?.id ?? null,
    NOW,
  );
  const requests = await seedSupport(db, org, parties.demo.enterpriseId, NOW);
  log(`seed: ${entries} published question-bank entries, ${requests} past support requests`);
  const surveys = await seedSurveys(db, { unitIds: org.unitIds, now: NOW });
  log(
    `seed: national survey ${surveys.national.answered} answers of ${surveys.national.invited} invited; CDCI survey of Quảng Ninh ${surveys.cdci.answered} of ${surveys.cdci.invited}`,
  );
  const plan = await seedPlan(db, { unitIds: org.unitIds, now: NOW });
  log(
    `seed: the ${String(NOW.getFullYear())} partnership plan, ${String(plan.plans)} plans with ${String(plan.targets)} targets`,
  );
  await seedScreens(db, { officeId: org.unitIds.get('03NK')!, now: NOW });
  log('seed: a waiting-room screen for 03NK (npm run screens:replay brings a day of declarations to it)');
  const cdci = await seedCdci(db, { unitIds: org.unitIds, now: NOW, surveyId: surveys.cdci.id });
  log(`seed: Quảng Ninh's branch index published for ${cdci.years} years (${cdci.branches} branches scored this year)`);
  const consultations = await seedConsultations(db, { unitIds: org.unitIds, now: NOW });
  log(
    `seed: ${consultations.consultations} consultations on drafts (every phase), ${consultations.comments} comments (${consultations.closedComments} on the closed decree, with near-duplicate groups)`,
  );
  const contests = await seedContests(db, { unitIds: org.unitIds, now: NOW });
  log(
    `seed: a finished law contest with ${contests.participants} participants (${contests.reviewTasks} review tasks for the bank) and an open one`,
  );
  log(`seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return {
    units: org.counts.units,
    enterprises: parties.enterprises,
    officers: org.counts.officers,
    users: accounts.length,
    associations: associations.associations,
    declarations: activity.declarations,
    assessments: activity.assessments,
    cases: activity.cases,
  };
}

/** Seeds in one transaction: a failure leaves the database as it was. */
export async function seedDemoData(db: Kysely<Database>, options: SeedOptions): Promise<SeedSummary> {
  // Hashed once (argon2id is slow on purpose) and shared by every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute((trx) => seedInto(trx, options, passwordHash));
}

async function hasUnits(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Seeds only an empty database (no units). Safe when several app processes
 * start at once: a transaction-scoped advisory lock lets one seed, and the
 * others find the units and return null.
 */
export async function seedIfEmpty(db: Kysely<Database>, options: SeedOptions): Promise<SeedSummary | null> {
  if (await hasUnits(db)) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('caunoi:seed'))`.execute(trx);
    if (await hasUnits(trx)) return null;
    return seedInto(trx, options, passwordHash);
  });
  return summary;
}
