// Assembles the platform from a config: database, migrations, bootstrap data,
// mailer and the HTTP app. main.ts and the tests both start here.
import type { Config } from './config.ts';
import { buildApp, type App } from './app.ts';
import { connectDatabase, type DatabaseHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { AppDeps } from './lib/deps.ts';
import { createMailer, type Mailer } from './lib/mailer.ts';
import { ensureBootstrapApiKey } from './modules/admin/service.ts';

export interface Platform {
  app: App;
  deps: AppDeps;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export interface PlatformOptions {
  config: Config;
  clock?: Clock;
  mailer?: Mailer;
  logger?: boolean;
  /** An already opened database (tests share one per file). */
  database?: DatabaseHandle;
  /** Hook to run after migrations, before the app is built (demo data). */
  afterMigrate?: (deps: AppDeps) => Promise<void>;
}

export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config } = options;
  const database =
    options.database ??
    (await connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  try {
    await migrateToLatest(database.db);
    if (config.CAUNOI_BOOTSTRAP_API_KEY) await ensureBootstrapApiKey(database.db, config.CAUNOI_BOOTSTRAP_API_KEY);
    const deps: AppDeps = {
      db: database.db,
      dbKind: database.kind,
      config,
      clock: options.clock ?? systemClock,
      mailer: options.mailer ?? createMailer({ db: database.db, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
    };
    if (options.afterMigrate) await options.afterMigrate(deps);
    const app = await buildApp(deps, { logger: options.logger ?? false });
    return {
      app,
      deps,
      database,
      async close() {
        await app.close();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
