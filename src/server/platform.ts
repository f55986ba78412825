// Assembles the platform from a config: database, migrations, bootstrap data,
// mailer and the HTTP app. main.ts and the tests both start here.
import { publicUrl, type Config } from './config.ts';
import { buildApp, type App } from './app.ts';
import { connectDatabase, type DatabaseHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { AppDeps } from './lib/deps.ts';
import { createMailer, type Mailer } from './lib/mailer.ts';
import { ensureBootstrapApiKey } from './modules/admin/service.ts';
import { createInboundService } from './modules/support/inbound.ts';
import { startInboundSmtp, type InboundSmtp } from './modules/support/inbound-smtp.ts';

export interface Platform {
  app: App;
  deps: AppDeps;
  database: DatabaseHandle;
  /** The support desk's SMTP receiver, when INBOUND_SMTP_PORT is set (or a port was given). */
  inboundSmtp: InboundSmtp | null;
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
  /** Listen for support mail on this port (0 = any free port) even if INBOUND_SMTP_PORT is unset (tests). */
  inboundSmtpPort?: number;
}

export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config } = options;
  const database =
    options.database ?? (await connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  try {
    await migrateToLatest(database.db);
    if (config.CAUNOI_BOOTSTRAP_API_KEY) await ensureBootstrapApiKey(database.db, config.CAUNOI_BOOTSTRAP_API_KEY);
    const clock = options.clock ?? systemClock;
    const deps: AppDeps = {
      db: database.db,
      dbKind: database.kind,
      config,
      clock,
      mailer:
        options.mailer ?? createMailer({ db: database.db, clock, smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
    };
    if (options.afterMigrate) await options.afterMigrate(deps);
    const app = await buildApp(deps, { logger: options.logger ?? false });
    const smtpPort = options.inboundSmtpPort ?? (config.INBOUND_SMTP_PORT || null);
    let inboundSmtp: InboundSmtp | null = null;
    if (smtpPort !== null) {
      const inbound = createInboundService({
        db: deps.db,
        clock: deps.clock,
        mailer: deps.mailer,
        publicBase: publicUrl(config),
        dataDir: config.DATA_DIR,
      });
      inboundSmtp = await startInboundSmtp({
        port: smtpPort,
        host: config.INBOUND_SMTP_HOST,
        address: config.SUPPORT_MAIL_ADDRESS,
        receive: (raw) => inbound.receive(raw),
        log: (message, error) => app.log.error({ err: error }, message),
      }).catch(async (error: unknown) => {
        await app.close();
        throw error;
      });
    }
    return {
      app,
      deps,
      database,
      inboundSmtp,
      async close() {
        await inboundSmtp?.close();
        await app.close();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
