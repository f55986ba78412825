// A declaration as declaration software sends it, for the assessment tests.
import type { Kysely } from 'kysely';
import type { Database } from '../src/server/db/schema.ts';
import { createOfficer, validTaxCode } from './factories.ts';

export async function createOfficers(db: Kysely<Database>, org: Record<string, string>) {
  const first = await createOfficer(db, org['03NK01']!, 'Nguyễn Văn An');
  const second = await createOfficer(db, org['03NK02']!, 'Trần Thị Bích');
  return { first, second };
}

export function declarationBody(
  officers: { first: { code: string }; second: { code: string } },
  enterpriseTaxCode = validTaxCode(300_111_222),
) {
  return {
    typeCode: 'A11',
    enterprise: { taxCode: enterpriseTaxCode, name: 'Công ty TNHH Linh kiện Điện tử Hải An' },
    officeCode: '03NK',
    channel: 'yellow',
    registeredAt: '2026-11-20T01:30:00Z',
    clearedAt: '2026-11-20T08:00:00Z',
    status: 'cleared',
    steps: [
      {
        stage: 'Tiếp nhận',
        teamCode: '03NK01',
        officerCode: officers.first.code,
        startedAt: '2026-11-20T01:30:00Z',
        finishedAt: '2026-11-20T02:00:00Z',
      },
      {
        stage: 'Kiểm tra hồ sơ',
        teamCode: '03NK02',
        officerCode: officers.second.code,
        startedAt: '2026-11-20T02:00:00Z',
        finishedAt: '2026-11-20T07:00:00Z',
      },
    ],
  };
}
