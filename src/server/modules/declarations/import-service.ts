// Imports declarations from a CSV or Excel file in the background: each good
// row is stored like a PUT from declaration software, each bad row reported
// with its field; progress is kept in the database for the page to show.
import type { Kysely } from 'kysely';
import { declarationNumber, putDeclarationBody } from '../../../contracts/assessments.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, errorBody, forbidden, notFound, unauthorized, zodDetails } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { translate } from '../../lib/messages.ts';
import {
  IMPORT_COLUMNS,
  readImportFile,
  rowToDeclaration,
  ImportFileError,
  type ImportColumn,
  type ImportRow,
} from './import-file.ts';

/** API field paths (as validation names them) and the file column each comes from. */
const FIELD_COLUMNS: Record<string, ImportColumn> = {
  number: 'number',
  typeCode: 'typeCode',
  'enterprise.taxCode': 'taxCode',
  'enterprise.name': 'enterpriseName',
  'declarant.taxCode': 'declarantTaxCode',
  'declarant.name': 'declarantName',
  officeCode: 'officeCode',
  channel: 'channel',
  registeredAt: 'registeredAt',
  clearedAt: 'clearedAt',
  steps: 'steps',
};
import { toImportJob } from './mapper.ts';
import { canImport } from './policy.ts';
import * as repo from './repository.ts';
import type { createDeclarationService } from './service.ts';

const PROGRESS_EVERY = 25;
const MAX_ROWS = 20_000;

export function createImportService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  declarations: ReturnType<typeof createDeclarationService>;
}) {
  const { db, clock, declarations } = deps;

  /** Report a field by the file's column (the first name the template uses), not the API's path. */
  const columnOf = (field: string): string => {
    const key = FIELD_COLUMNS[field] ?? FIELD_COLUMNS[field.split('.')[0] ?? ''];
    return key ? IMPORT_COLUMNS[key][0] : field;
  };

  async function processRows(jobId: string, context: AuditContext, rows: ImportRow[], locale: Locale) {
    const errors: { row: number; field: string; message: string }[] = [];
    let succeeded = 0;
    for (const [index, row] of rows.entries()) {
      const number = declarationNumber.safeParse(row.values.number ?? '');
      const body = putDeclarationBody.safeParse(rowToDeclaration(row.values));
      if (!number.success || !body.success) {
        const details = [
          ...(number.success ? [] : zodDetails(number.error.issues, locale, 'number')),
          ...(body.success ? [] : zodDetails(body.error.issues, locale)),
        ];
        for (const d of details) errors.push({ row: row.row, field: columnOf(d.field), message: d.message });
      } else {
        try {
          await declarations.putDeclaration(context, number.data, body.data);
          succeeded++;
        } catch (error) {
          const appError = error instanceof AppError ? error : new AppError('internal');
          const rendered = errorBody(appError, locale).error;
          if (rendered.details.length)
            for (const d of rendered.details)
              errors.push({ row: row.row, field: columnOf(d.field), message: d.message });
          else errors.push({ row: row.row, field: 'row', message: rendered.message });
        }
      }
      if ((index + 1) % PROGRESS_EVERY === 0 || index === rows.length - 1) {
        await repo.updateImportJob(db, jobId, {
          processed: index + 1,
          succeeded,
          errors: JSON.stringify(errors.slice(0, 1000)),
        });
      }
    }
    await repo.updateImportJob(db, jobId, { status: 'done', finished_at: clock.now() });
    await writeAudit(db, context, {
      action: 'declaration.import_finished',
      entityType: 'import_job',
      entityId: jobId,
      details: { total: rows.length, succeeded, failedRows: new Set(errors.map((e) => e.row)).size },
    });
  }

  /** Starts an import and answers at once; the work goes on in the background. */
  async function startImport(context: AuditContext, locale: Locale, file: { name: string; buffer: Buffer }) {
    if (!isUser(context.actor)) throw unauthorized();
    if (!canImport(context.actor)) throw forbidden();
    let rows: ImportRow[];
    try {
      rows = await readImportFile(file.name, file.buffer);
    } catch (error) {
      if (error instanceof ImportFileError)
        throw new AppError('validation_failed', 'validation_failed', [
          { field: 'file', message: `import_${error.message}` },
        ]);
      throw error;
    }
    if (rows.length > MAX_ROWS)
      throw new AppError('validation_failed', 'validation_failed', [{ field: 'file', message: 'import_too_many' }]);
    const jobId = await repo.insertImportJob(db, {
      fileName: file.name.slice(0, 200),
      createdBy: context.actor.userId,
      total: rows.length,
    });
    await writeAudit(db, context, {
      action: 'declaration.import_started',
      entityType: 'import_job',
      entityId: jobId,
      details: { file: file.name, rows: rows.length },
    });
    void processRows(jobId, context, rows, locale).catch(async (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      await repo.updateImportJob(db, jobId, {
        status: 'failed',
        finished_at: clock.now(),
        errors: JSON.stringify([
          { row: 0, field: 'file', message: translate('internal', locale) + ` (${message.slice(0, 100)})` },
        ]),
      });
    });
    return { id: jobId, total: rows.length };
  }

  async function getImport(actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    const job = await repo.findImportJob(db, id);
    if (!job || job.created_by !== actor.userId) throw notFound();
    return toImportJob(job);
  }

  return { startImport, getImport };
}
