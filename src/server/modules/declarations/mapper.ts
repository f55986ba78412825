import type { z } from 'zod';
import type { declarationResponse } from '../../../contracts/assessments.ts';
import type { DeclarationView, ImportJobRow, StepRow } from './repository.ts';

function assessmentUrl(publicBase: string, token: string): string {
  return `${publicBase}/danh-gia/${token}`;
}

/** The declaration as the API answers it; `linkBase` only for a caller allowed the business's rating link. */
export function toDeclaration(
  view: DeclarationView,
  steps: StepRow[],
  linkBase: string | null,
): z.infer<typeof declarationResponse> {
  return {
    number: view.number,
    typeCode: view.type_code,
    enterprise: { taxCode: view.enterprise_tax_code, name: view.enterprise_name },
    declarant: view.declarant_tax_code ? { taxCode: view.declarant_tax_code, name: view.declarant_name ?? '' } : null,
    officeCode: view.office_code,
    channel: view.channel,
    registeredAt: view.registered_at.toISOString(),
    clearedAt: view.cleared_at ? view.cleared_at.toISOString() : null,
    status: view.status,
    steps: steps.map((s) => ({
      stage: s.stage,
      teamCode: s.team_code,
      officerCode: s.officer_code,
      startedAt: s.started_at.toISOString(),
      finishedAt: s.finished_at ? s.finished_at.toISOString() : null,
    })),
    ...(linkBase !== null && { assessmentUrl: assessmentUrl(linkBase, view.rating_token) }),
    assessed: view.assessment_id !== null,
  };
}

export function toImportJob(job: ImportJobRow) {
  return {
    id: job.id,
    fileName: job.file_name,
    status: job.status,
    total: job.total,
    processed: job.processed,
    succeeded: job.succeeded,
    errors: job.errors,
  };
}
