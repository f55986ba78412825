// Integration API v1: a contract third parties code against. Change only by adding.
import { z } from 'zod';
import { UNIT_KINDS } from './common.ts';

const integrationUnit = z.object({
  code: z.string(),
  kind: z.enum(UNIT_KINDS),
  names: z.object({ vi: z.string(), en: z.string() }),
  parentCode: z.string().nullable(),
});

export const integrationUnitsResponse = z.object({ units: z.array(integrationUnit) });
