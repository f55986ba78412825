// What every module may be given. Each service takes only the parts it uses.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import type { Mailer } from './mailer.ts';

export interface AppDeps {
  db: Kysely<Database>;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  clock: Clock;
  mailer: Mailer;
}
