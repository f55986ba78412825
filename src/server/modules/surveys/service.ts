// Surveys, the owner's side: build a form, target businesses, open (invitations
// by mail and in the app), remind, close, follow participation. Answering is in
// answering.ts, results and exports in reporting.ts.
import type { Kysely } from 'kysely';
import { mayOwnSurveys } from '../../../contracts/roles.ts';
import type {
  ParticipationView,
  SurveyBody,
  SurveyDetail,
  SurveySummary,
  TargetingBody,
} from '../../../contracts/surveys.ts';
import { addDays, startOfVietnamDay, vietnamDay } from '../../../contracts/vietnam-time.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { queueDeliveries, type Delivery } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { readTable } from '../../lib/tabular.ts';
import { normalizeTaxCode } from '../../../contracts/common.ts';
import { invitationMail } from './mail.ts';
import { toSurveyDetail, toSurveySummary } from './mapper.ts';
import { checkDefinition, drawSample } from './policy.ts';
import * as repo from './repository.ts';

export interface SurveyDeps {
  db: Kysely<Database>;
  clock: Clock;
  publicBase: string;
  random?: () => number;
}

/** Who is asked about which branches, without a sample: the two branches each business used most in the last year. */
const BRANCH_LOOKBACK_DAYS = 365;

/** The survey, if the actor owns it (organizes for its unit); 404 otherwise. */
export async function getOwnedSurvey(db: Kysely<Database>, actor: Actor | null, id: string): Promise<repo.SurveyRow> {
  if (!isUser(actor)) throw unauthorized();
  const row = await repo.findSurvey(db, id);
  if (!row || !mayOwnSurveys(actor) || !canOrganize(actor, await getUnitAncestry(db, row.owner_unit_id)))
    throw notFound();
  return row;
}

const conflict = (key: Parameters<typeof invalidField>[1]) => new AppError('conflict', key);

export function createSurveyService(deps: SurveyDeps) {
  const { db, clock } = deps;
  const random = deps.random ?? Math.random;
  const answerLink = (token: string) => `${deps.publicBase}/khao-sat/${token}`;

  async function checkOwnerUnit(actor: UserActor, unitId: string): Promise<void> {
    const unit = await repo.findUnit(db, unitId);
    if (!unit) throw invalidField('ownerUnitId', 'not_found');
    if (!canOrganize(actor, await getUnitAncestry(db, unit.id))) throw forbidden();
    if (unit.kind === 'team' || unit.status !== 'active') throw invalidField('ownerUnitId', 'survey_owner_unit_kind');
  }

  function checkBody(body: SurveyBody): void {
    const errors = checkDefinition(body.definition);
    if (errors.length > 0)
      throw new AppError(
        'validation_failed',
        'validation_failed',
        errors.map((e) => ({ field: e.field, message: e.message })),
      );
  }

  const columns = (body: SurveyBody) => ({
    owner_unit_id: body.ownerUnitId,
    title_vi: body.title.vi,
    title_en: body.title.en,
    description_vi: body.description.vi,
    description_en: body.description.en,
    closes_on: body.closesOn,
    definition: JSON.stringify(body.definition),
    now: clock.now(),
  });

  async function listSurveys(actor: Actor | null): Promise<SurveySummary[]> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOwnSurveys(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    return (await repo.findSurveys(db, unitIds)).map(toSurveySummary);
  }

  async function getSurvey(actor: Actor | null, id: string): Promise<SurveyDetail> {
    return toSurveyDetail(await getOwnedSurvey(db, actor, id));
  }

  async function createSurvey(context: AuditContext, body: SurveyBody): Promise<SurveyDetail> {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOwnSurveys(actor)) throw forbidden();
    await checkOwnerUnit(actor, body.ownerUnitId);
    checkBody(body);
    const id = await db.transaction().execute(async (tx) => {
      const id = await repo.insertSurvey(tx, { ...columns(body), created_by: actor.userId });
      await writeAudit(tx, context, {
        action: 'survey.created',
        entityType: 'survey',
        entityId: id,
        unitId: body.ownerUnitId,
      });
      return id;
    });
    return getSurvey(actor, id);
  }

  async function updateSurvey(context: AuditContext, id: string, body: SurveyBody): Promise<SurveyDetail> {
    const survey = await getOwnedSurvey(db, context.actor, id);
    await checkOwnerUnit(context.actor as UserActor, body.ownerUnitId);
    checkBody(body);
    if (survey.frozen || survey.status === 'closed') throw conflict('survey_frozen');
    if (!(await repo.updateSurvey(db, id, columns(body)))) throw conflict('survey_frozen');
    return getSurvey(context.actor, id);
  }

  /** Parses the uploaded list: a tax code per line, optionally a stratum beside it; a header line is skipped. */
  async function listTargets(csv: string) {
    const table = await readTable('targets.csv', Buffer.from(csv, 'utf8'));
    if (!table) throw invalidField('csv', 'survey_unknown_tax_code');
    const lines = table
      .map((cells, index) => ({ index, code: (cells[0] ?? '').trim(), stratum: (cells[1] ?? '').trim() }))
      .filter((line) => line.code !== '');
    const entries = lines.filter((line, i) => !(i === 0 && /^(tax_?code|mst|mã số thuế)$/i.test(line.code)));
    const codes = entries.map((line) => ({ ...line, taxCode: normalizeTaxCode(line.code) }));
    const found = await repo.findEnterprisesByTaxCodes(db, [
      ...new Set(codes.map((c) => c.taxCode).filter((c): c is string => c !== null)),
    ]);
    const byCode = new Map(found.map((row) => [row.tax_code, row.id]));
    const unknown = codes.find((c) => c.taxCode === null || !byCode.has(c.taxCode));
    if (unknown) throw invalidField(`csv.line${unknown.index + 1}`, 'survey_unknown_tax_code');
    const seen = new Set<string>();
    return codes.flatMap((c) => {
      const id = byCode.get(c.taxCode!)!;
      if (seen.has(id)) return [];
      seen.add(id);
      return [{ enterpriseId: id, stratum: c.stratum || 'list' }];
    });
  }

  /** Each business's branches: the two it declared at most in the last year. */
  async function branchesOf(enterpriseIds: readonly string[] | null): Promise<Map<string, string[]>> {
    const today = vietnamDay(clock.now());
    const volumes = await repo.findDeclarationVolumes(db, {
      branchIds: null,
      ...(enterpriseIds && { enterpriseIds }),
      from: startOfVietnamDay(addDays(today, -BRANCH_LOOKBACK_DAYS)),
      to: clock.now(),
    });
    const byBusiness = new Map<string, { branchId: string; declarations: number }[]>();
    for (const row of volumes) {
      const list = byBusiness.get(row.enterpriseId) ?? [];
      list.push(row);
      byBusiness.set(row.enterpriseId, list);
    }
    return new Map(
      [...byBusiness].map(([id, rows]) => [
        id,
        rows
          .sort((a, b) => b.declarations - a.declarations || a.branchId.localeCompare(b.branchId))
          .slice(0, 2)
          .map((r) => r.branchId),
      ]),
    );
  }

  async function setTargets(context: AuditContext, id: string, body: TargetingBody): Promise<SurveyDetail> {
    const survey = await getOwnedSurvey(db, context.actor, id);
    if (survey.status !== 'draft') throw conflict('survey_not_draft');
    let targets: { enterpriseId: string; stratum: string; branchIds: string[] }[];
    let label: string;
    if (body.mode === 'sample') {
      if (body.from > body.to) throw invalidField('from', 'survey_invalid_bounds');
      const volumes = await repo.findDeclarationVolumes(db, {
        branchIds: body.branchIds,
        from: startOfVietnamDay(body.from),
        to: startOfVietnamDay(addDays(body.to, 1)),
      });
      targets = drawSample(
        volumes.filter((v) => body.branchIds.includes(v.branchId)),
        { byVolume: body.byVolume, perStratum: body.perStratum },
        random,
      );
      label = `sample ${body.from}..${body.to}${body.byVolume ? ' by volume' : ''}, ${body.perStratum} per stratum`;
    } else {
      const listed = body.mode === 'list' ? await listTargets(body.csv) : null;
      const ids = listed ? listed.map((l) => l.enterpriseId) : await repo.findAllEnterpriseIds(db);
      const branches = await branchesOf(listed ? ids : null);
      const strata = new Map(listed?.map((l) => [l.enterpriseId, l.stratum]));
      targets = ids.map((enterpriseId) => ({
        enterpriseId,
        stratum: strata.get(enterpriseId) ?? 'all',
        branchIds: branches.get(enterpriseId) ?? [],
      }));
      label = body.mode === 'list' ? 'list' : 'all';
    }
    if (targets.length === 0) throw invalidField('mode', 'survey_no_targets');
    await db.transaction().execute(async (tx) => {
      await repo.replaceInvitations(tx, id, targets);
      await repo.setTargeting(tx, id, label, clock.now());
      await writeAudit(tx, context, {
        action: 'survey.targeted',
        entityType: 'survey',
        entityId: id,
        unitId: survey.owner_unit_id,
        details: { mode: body.mode, invited: targets.length },
      });
    });
    return getSurvey(context.actor, id);
  }

  /** New links for every business that has not answered, each mailed to its active accounts. */
  async function inviteUnanswered(tx: Kysely<Database>, survey: repo.SurveyRow, reminder: boolean): Promise<number> {
    const recipients = await repo.findUnansweredRecipients(tx, survey.id);
    const invitations = [...new Set(recipients.map((r) => r.id))];
    const tokens = new Map(invitations.map((invitationId) => [invitationId, randomToken()]));
    await repo.insertTokens(
      tx,
      [...tokens].map(([invitationId, token]) => ({ token_hash: sha256(token), invitation_id: invitationId })),
    );
    const day = vietnamDay(clock.now());
    const deliveries: Delivery[] = recipients.flatMap((r) => {
      if (!r.email) return [];
      const mail = invitationMail(survey, answerLink(tokens.get(r.id)!), r.locale ?? 'vi', reminder);
      return [
        {
          key: `survey:${survey.id}:${reminder ? `remind:${day}` : 'invite'}:${r.id}:${r.email}`,
          to: r.email,
          ...mail,
          sealed: true,
        },
      ];
    });
    await queueDeliveries(tx, deliveries);
    await repo.markInvited(tx, survey.id, day, reminder);
    return invitations.length;
  }

  async function openSurvey(context: AuditContext, id: string): Promise<SurveyDetail> {
    const survey = await getOwnedSurvey(db, context.actor, id);
    if (survey.status !== 'draft') throw conflict('survey_not_draft');
    if ((survey.invited ?? 0) === 0) throw conflict('survey_no_targets');
    await db.transaction().execute(async (tx) => {
      if (!(await repo.setStatus(tx, id, 'draft', 'open', clock.now()))) throw conflict('survey_not_draft');
      const invited = await inviteUnanswered(tx, survey, false);
      await writeAudit(tx, context, {
        action: 'survey.opened',
        entityType: 'survey',
        entityId: id,
        unitId: survey.owner_unit_id,
        details: { invited },
      });
    });
    return getSurvey(context.actor, id);
  }

  async function remind(context: AuditContext, id: string): Promise<SurveyDetail> {
    const survey = await getOwnedSurvey(db, context.actor, id);
    if (survey.status !== 'open') throw conflict('survey_not_open');
    await db.transaction().execute(async (tx) => {
      const reminded = await inviteUnanswered(tx, survey, true);
      await writeAudit(tx, context, {
        action: 'survey.reminded',
        entityType: 'survey',
        entityId: id,
        unitId: survey.owner_unit_id,
        details: { reminded },
      });
    });
    return getSurvey(context.actor, id);
  }

  async function closeSurvey(context: AuditContext, id: string): Promise<SurveyDetail> {
    const survey = await getOwnedSurvey(db, context.actor, id);
    if (survey.status !== 'open') throw conflict('survey_not_open');
    await db.transaction().execute(async (tx) => {
      if (!(await repo.setStatus(tx, id, 'open', 'closed', clock.now()))) throw conflict('survey_not_open');
      await repo.rewriteAnswerRows(tx, id);
      await writeAudit(tx, context, {
        action: 'survey.closed',
        entityType: 'survey',
        entityId: id,
        unitId: survey.owner_unit_id,
        details: { answered: survey.answered ?? 0, invited: survey.invited ?? 0 },
      });
    });
    return getSurvey(context.actor, id);
  }

  /** Response rates per stratum, and who has answered (never what). */
  async function participation(actor: Actor | null, id: string): Promise<ParticipationView> {
    await getOwnedSurvey(db, actor, id);
    const rows = await repo.findParticipation(db, id);
    const strata = new Map<string, { invited: number; answered: number }>();
    for (const row of rows) {
      const s = strata.get(row.stratum) ?? { invited: 0, answered: 0 };
      s.invited += 1;
      if (row.answered) s.answered += 1;
      strata.set(row.stratum, s);
    }
    return {
      strata: [...strata].map(([stratum, s]) => ({ stratum, ...s })),
      businesses: rows.map((row) => ({
        taxCode: row.tax_code,
        name: row.name,
        stratum: row.stratum,
        answered: row.answered,
      })),
    };
  }

  return {
    listSurveys,
    getSurvey,
    createSurvey,
    updateSurvey,
    setTargets,
    openSurvey,
    remind,
    closeSurvey,
    participation,
  };
}
