// Declarations arrive from declaration software (integration API v1). A PUT
// creates or replaces one with its processing steps, in one transaction.
import type { Kysely } from 'kysely';
import { ASSESSMENT_LINKS_SCOPE, type PutDeclaration } from '../../../contracts/assessments.ts';
import type { Database } from '../../db/schema.ts';
import { hasScope, requireScope, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { randomToken } from '../../lib/crypto.ts';
import { forbidden, invalidField, notFound } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { canEnterDeclarations } from './policy.ts';
import { toDeclaration } from './mapper.ts';
import * as repo from './repository.ts';

export function createDeclarationService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock, publicBase } = deps;

  /**
   * The rating link goes only to an integration client whose scope allows it
   * (the business's own declaration software), never to a customs account:
   * web imports get no link.
   */
  async function view(tx: Kysely<Database>, id: number, actor: Actor | null) {
    const row = await repo.findDeclarationView(tx, id);
    if (!row) throw notFound();
    return toDeclaration(
      row,
      await repo.findStepsWithCodes(tx, id),
      hasScope(actor, ASSESSMENT_LINKS_SCOPE) ? publicBase : null,
    );
  }

  async function putDeclaration(context: AuditContext, number: string, input: PutDeclaration) {
    if (context.actor?.kind !== 'user') requireScope(context.actor, 'declarations:write');
    const teamCodes = [...new Set(input.steps.flatMap((s) => (s.teamCode ? [s.teamCode.toUpperCase()] : [])))];
    const officerCodes = [...new Set(input.steps.flatMap((s) => (s.officerCode ? [s.officerCode] : [])))];
    return db.transaction().execute(async (tx) => {
      const units = await repo.findUnitsByCodes(tx, [input.officeCode.toUpperCase(), ...teamCodes]);
      const office = units.find(
        (u) => u.code === input.officeCode.toUpperCase() && u.kind === 'branch' && u.status === 'active',
      );
      if (!office) throw invalidField('officeCode', 'unknown_office');
      // Customs staff enter declarations only for the branches in their scope.
      if (context.actor?.kind === 'user' && !canEnterDeclarations(context.actor, await getUnitAncestry(tx, office.id)))
        throw forbidden();
      const teams = new Map(
        units.filter((u) => u.kind === 'team' && u.parent_id === office.id).map((u) => [u.code, u.id]),
      );
      const officers = new Map((await repo.findOfficersByCodes(tx, officerCodes)).map((o) => [o.code, o.id]));
      const steps = input.steps.map((step, index) => {
        const teamUnitId = step.teamCode ? teams.get(step.teamCode.toUpperCase()) : null;
        if (teamUnitId === undefined) throw invalidField(`steps.${index}.teamCode`, 'unknown_team');
        const officerId = step.officerCode ? officers.get(step.officerCode) : null;
        if (officerId === undefined) throw invalidField(`steps.${index}.officerCode`, 'unknown_officer');
        return {
          stage: step.stage,
          teamUnitId,
          officerId,
          startedAt: new Date(step.startedAt),
          finishedAt: step.finishedAt ? new Date(step.finishedAt) : null,
        };
      });
      const enterpriseId = await repo.ensureEnterprise(
        tx,
        input.enterprise.taxCode,
        input.enterprise.name,
        false,
        office.id,
      );
      const declarantId = input.declarant
        ? await repo.ensureEnterprise(tx, input.declarant.taxCode, input.declarant.name, true, null)
        : null;
      // Once rated, a declaration's parties are fixed: a replacement naming another enterprise or
      // broker would hand the rating to accounts that did not send it.
      const existing = await repo.lockDeclarationParties(tx, number);
      if (existing && (await repo.isAssessed(tx, existing.id))) {
        if (existing.enterprise_id !== enterpriseId)
          throw invalidField('enterprise.taxCode', 'declaration_parties_fixed');
        if (existing.declarant_id !== declarantId) throw invalidField('declarant.taxCode', 'declaration_parties_fixed');
      }
      const now = clock.now();
      const saved = await repo.upsertDeclaration(
        tx,
        {
          number,
          typeCode: input.typeCode,
          enterpriseId,
          declarantId,
          officeUnitId: office.id,
          channel: input.channel,
          registeredAt: new Date(input.registeredAt),
          clearedAt: input.clearedAt ? new Date(input.clearedAt) : null,
          status: input.status,
        },
        randomToken(24),
        now,
      );
      await repo.replaceSteps(tx, saved.id, steps);
      await writeAudit(tx, context, {
        action: saved.inserted ? 'declaration.created' : 'declaration.replaced',
        entityType: 'declaration',
        entityId: number,
        unitId: office.id,
      });
      return { created: saved.inserted, declaration: await view(tx, saved.id, context.actor) };
    });
  }

  async function getDeclaration(actor: Actor | null, number: string) {
    requireScope(actor, 'declarations:read');
    const row = await repo.findDeclarationByNumber(db, number);
    if (!row) throw notFound();
    return view(db, row.id, actor);
  }

  return { putDeclaration, getDeclaration, view };
}
