// Agreements: record, move through their statuses, keep the signed PDF,
// show progress toward each unit's annual target, export, remind renewals.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AgreementView,
  CreateAgreementBody,
  ProgressRow,
  agreementListQuery,
  changeStatusBody,
  exportQuery,
  targetBody,
} from '../../../contracts/agreements.ts';
import { AGREEMENT_PDF_MAX_BYTES } from '../../../contracts/agreements.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, hasRole, isUser, speaksForEnterprise, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { createFileStore, safeFileName, sha256Hex } from '../../lib/file-store.ts';
import { getUnitAncestries, getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { foldText } from '../../lib/search-text.ts';
import { writeTable, type DownloadFile } from '../../lib/tabular.ts';
import { toAgreementView, toProgressRow } from './mapper.ts';
import { canMoveTo, looksLikePdf, RENEWAL_NOTICE_DAYS } from './policy.ts';
import * as repo from './repository.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import { addDays, vietnamDay } from '../../../contracts/vietnam-time.ts';

const STATUS_VI = {
  draft: 'Dự thảo',
  signed: 'Đã ký',
  in_force: 'Đang hiệu lực',
  expired: 'Hết hiệu lực',
  terminated: 'Chấm dứt',
} as const;
const KIND_VI = { cooperation: 'Thỏa thuận hợp tác', coordination: 'Quy chế phối hợp' } as const;

export function createAgreementService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  dataDir: string;
  publicBase: string;
}) {
  const { db, clock } = deps;
  const store = createFileStore(deps.dataDir, 'agreements');

  async function view(tx: Kysely<Database>, actor: Actor | null, row: repo.AgreementRow): Promise<AgreementView> {
    return toAgreementView(row, canOrganize(actor, await getUnitAncestry(tx, row.unit_id)));
  }

  /** The agreement if the actor manages its unit, or is its party (drafts stay internal). */
  async function load(tx: Kysely<Database>, actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    const row = await repo.findAgreement(tx, id);
    if (!row) throw notFound();
    const manage = canOrganize(actor, await getUnitAncestry(tx, row.unit_id));
    const user: UserActor = actor;
    const ownEnterprise = speaksForEnterprise(user) && user.enterpriseId === row.enterprise_id;
    const ownAssociation =
      hasRole(user, 'association_rep') && user.associationId !== null && user.associationId === row.association_id;
    const party = row.status !== 'draft' && (ownEnterprise || ownAssociation);
    if (!manage && !party) throw notFound();
    return { row, manage };
  }

  async function scope(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    if (mayOrganize(actor)) return { unitIds: await resolveScopeUnitIds(db, organizerScopeOf(actor)) };
    if (speaksForEnterprise(actor)) return { unitIds: [], enterpriseId: actor.enterpriseId };
    if (hasRole(actor, 'association_rep') && actor.associationId)
      return { unitIds: [], associationId: actor.associationId };
    throw forbidden();
  }

  async function listAgreements(actor: Actor | null, query: z.infer<typeof agreementListQuery>) {
    const rows = await repo.findAgreements(db, query, await scope(actor), query);
    // One ancestry query for the whole list, not one per agreement.
    const ancestries = await getUnitAncestries(
      db,
      rows.map((row) => row.unit_id),
    );
    return rows.map((row) => toAgreementView(row, canOrganize(actor, ancestries.get(row.unit_id) ?? [])));
  }

  async function getAgreement(actor: Actor | null, id: string) {
    const { row } = await load(db, actor, id);
    return view(db, actor, row);
  }

  async function createAgreement(context: AuditContext, input: CreateAgreementBody) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const unit = await repo.findUnit(tx, input.unitId);
      if (!unit) throw invalidField('unitId', 'not_found');
      if (!canOrganize(actor, await getUnitAncestry(tx, unit.id))) throw forbidden();
      if (unit.kind !== 'department' && unit.kind !== 'branch') throw invalidField('unitId', 'agreement_unit_level');
      let enterpriseId: string | null = null;
      let partyName = '';
      if (input.kind === 'cooperation') {
        const enterprise = await repo.findEnterpriseByTaxCode(tx, input.enterpriseTaxCode!);
        if (!enterprise) throw invalidField('enterpriseTaxCode', 'unknown_tax_code');
        enterpriseId = enterprise.id;
        partyName = enterprise.name;
      } else {
        const association = await repo.findAssociation(tx, input.associationId!);
        if (!association) throw invalidField('associationId', 'not_found');
        partyName = association.name_vi;
      }
      if (await repo.numberTaken(tx, input.unitId, input.number))
        throw invalidField('number', 'agreement_number_taken');
      const createdId = await repo.insertAgreement(tx, {
        number: input.number,
        kind: input.kind,
        unit_id: input.unitId,
        enterprise_id: enterpriseId,
        association_id: input.kind === 'coordination' ? input.associationId : null,
        title: input.title,
        search_text: foldText(`${input.number} ${input.title} ${partyName} ${input.enterpriseTaxCode ?? ''}`),
        signed_on: input.signedOn,
        expires_on: input.expiresOn,
        commitments: input.commitments,
        status: input.status,
        created_by: actor.userId,
        updated_at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'agreement.created',
        entityType: 'agreement',
        entityId: createdId,
        unitId: input.unitId,
        details: { number: input.number, kind: input.kind, status: input.status, party: partyName },
      });
      return view(tx, actor, (await repo.findAgreement(tx, createdId))!);
    });
  }

  async function changeStatus(context: AuditContext, id: string, input: z.infer<typeof changeStatusBody>) {
    return db.transaction().execute(async (tx) => {
      const { row, manage } = await load(tx, context.actor, id);
      if (!manage) throw forbidden();
      if (!canMoveTo(row.status, input.status)) throw new AppError('conflict', 'agreement_status_transition');
      const signedOn = input.signedOn ?? row.signed_on;
      const expiresOn = input.expiresOn ?? row.expires_on;
      if ((input.status === 'signed' || input.status === 'in_force') && !signedOn)
        throw invalidField('signedOn', 'agreement_signed_on_required');
      if (signedOn && expiresOn && expiresOn <= signedOn) throw invalidField('expiresOn', 'agreement_expiry_order');
      if (input.status === 'terminated' && !input.reason) throw invalidField('reason', 'agreement_reason_required');
      await repo.updateAgreement(tx, id, {
        status: input.status,
        signed_on: signedOn,
        expires_on: expiresOn,
        status_reason: input.reason ?? null,
        updated_at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'agreement.status_changed',
        entityType: 'agreement',
        entityId: id,
        unitId: row.unit_id,
        details: { from: row.status, to: input.status, reason: input.reason },
      });
      return view(tx, context.actor, (await repo.findAgreement(tx, id))!);
    });
  }

  /** Keeps the signed PDF under DATA_DIR; the row points at it only once the file is complete. */
  async function uploadDocument(context: AuditContext, id: string, file: { filename: string; buffer: Buffer }) {
    if (file.buffer.length > AGREEMENT_PDF_MAX_BYTES) throw new AppError('payload_too_large');
    if (!looksLikePdf(file.buffer) || !/\.pdf$/i.test(file.filename)) throw invalidField('file', 'agreement_pdf_only');
    return store.save(file.buffer, 'pdf', (storedName) =>
      db.transaction().execute(async (tx) => {
        const { row, manage } = await load(tx, context.actor, id);
        if (!manage) throw forbidden();
        const safeName = safeFileName(file.filename, 'thoa-thuan.pdf');
        await repo.updateAgreement(tx, id, {
          document_name: safeName,
          document_size: file.buffer.length,
          document_path: storedName,
          updated_at: clock.now(),
        });
        await writeAudit(tx, context, {
          action: 'agreement.document_uploaded',
          entityType: 'agreement',
          entityId: id,
          unitId: row.unit_id,
          details: { name: safeName, size: file.buffer.length, sha256: sha256Hex(file.buffer) },
        });
        return view(tx, context.actor, (await repo.findAgreement(tx, id))!);
      }),
    );
  }

  async function readDocument(actor: Actor | null, id: string) {
    const { row } = await load(db, actor, id);
    if (!row.document_path || !row.document_name) throw notFound();
    return { name: row.document_name, content: await store.read(row.document_path) };
  }

  async function progress(actor: Actor | null, year: number): Promise<ProgressRow[]> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    return (await repo.findProgress(db, year, unitIds)).map((r) => toProgressRow(r, year));
  }

  /** A target is set by the level above the unit (or the General Department). */
  async function setTarget(context: AuditContext, input: z.infer<typeof targetBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    return db.transaction().execute(async (tx) => {
      const ancestry = await getUnitAncestry(tx, input.unitId);
      if (ancestry.length === 0) throw invalidField('unitId', 'not_found');
      if (!canOrganize(actor, ancestry.slice(1)) && !hasRole(actor, 'gd_staff')) throw forbidden();
      await repo.saveTarget(tx, {
        unitId: input.unitId,
        year: input.year,
        targetMin: input.targetMin,
        targetMax: input.targetMax,
        at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'agreement.target_set',
        entityType: 'unit',
        entityId: input.unitId,
        unitId: input.unitId,
        details: { year: input.year, targetMin: input.targetMin, targetMax: input.targetMax },
      });
      return { ok: true as const };
    });
  }

  async function exportAgreements(actor: Actor | null, query: z.infer<typeof exportQuery>): Promise<DownloadFile> {
    const s = await scope(actor);
    const rows = await repo.findAgreements(db, query, s, { limit: 50_000, offset: 0 });
    const header = [
      'Đơn vị',
      'Mã đơn vị',
      'Số',
      'Loại',
      'Bên ký kết',
      'Mã số thuế',
      'Tên văn bản',
      'Ngày ký',
      'Ngày hết hạn',
      'Trạng thái',
    ];
    const lines = rows.map((r) => [
      r.unit_name,
      r.unit_code,
      r.number,
      KIND_VI[r.kind],
      r.enterprise_name ?? r.association_name ?? '',
      r.tax_code ?? '',
      r.title,
      r.signed_on ?? '',
      r.expires_on ?? '',
      STATUS_VI[r.status],
    ]);
    const now = clock.now();
    return writeTable(
      [
        {
          name: 'Thỏa thuận',
          rows: [header, ...lines],
          headerRows: [0],
          widths: [40, 10, 16, 20, 40, 14, 50, 12, 12, 16],
        },
      ],
      query.format,
      `thoa-thuan-hop-tac-${vietnamDay(now)}`,
      now,
    );
  }

  /** The daily job: agreements past their end expire; those ending within 60 days get one renewal reminder. */
  async function remindRenewals(): Promise<{ expired: number; reminded: number }> {
    const now = clock.now();
    const today = vietnamDay(now);
    const horizon = addDays(today, RENEWAL_NOTICE_DAYS);
    return db.transaction().execute(async (tx) => {
      const expired = await repo.expireAgreements(tx, today, now);
      for (const row of expired)
        await writeAudit(
          tx,
          { actor: null },
          { action: 'agreement.expired', entityType: 'agreement', entityId: row.id, unitId: row.unit_id },
        );
      const due = await repo.findRenewalsDue(tx, horizon, 200);
      const ancestries = await getUnitAncestries(
        tx,
        due.map((row) => row.unit_id),
      );
      for (const row of due) {
        // The unit's leaders and those of the unit above it.
        const staff = await repo.findLeadersAt(tx, (ancestries.get(row.unit_id) ?? []).slice(0, 2));
        const party = row.enterprise_name ?? row.association_name ?? '';
        await queueDeliveries(
          tx,
          staff.map((user) => ({
            key: `agreement:${row.id}:renewal:${row.expires_on}:${user.id}`,
            to: user.email,
            subject: `Nhắc gia hạn: ${KIND_VI[row.kind]} số ${row.number} với ${party}`,
            text: `${KIND_VI[row.kind]} số ${row.number} giữa ${row.unit_name} và ${party} ("${row.title}") hết hiệu lực ngày ${row.expires_on?.split('-').reverse().join('/')}.\n\nĐề nghị đơn vị trao đổi với đối tác về việc gia hạn hoặc ký thỏa thuận mới.\n${deps.publicBase}/app/agreements\n\nCầu Nối — Hải quan Việt Nam`,
          })),
        );
        await repo.updateAgreement(tx, row.id, { renewal_reminded_at: now });
        await writeAudit(
          tx,
          { actor: null },
          {
            action: 'agreement.renewal_reminded',
            entityType: 'agreement',
            entityId: row.id,
            unitId: row.unit_id,
            details: { recipients: staff.length },
          },
        );
      }
      return { expired: expired.length, reminded: due.length };
    });
  }

  return {
    listAgreements,
    getAgreement,
    createAgreement,
    changeStatus,
    uploadDocument,
    readDocument,
    progress,
    setTarget,
    exportAgreements,
    remindRenewals,
  };
}
