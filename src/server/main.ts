// config -> database -> app -> listen. Jobs start here too.
import { ConfigError, parseConfig, publicUrl } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { startJobs } from './jobs.ts';
import { createDisclosureRelease } from './modules/disclosure/release.ts';
import { createPlatform } from './platform.ts';

async function main(): Promise<void> {
  const config = parseConfig();
  const platform = await createPlatform({
    config,
    logger: true,
    afterMigrate: async (deps) => {
      if (config.DEMO) {
        const { seedIfEmpty } = await import('../../scripts/seed/index.ts');
        await seedIfEmpty(deps.db, { scale: config.SEED_SCALE, log: (line) => console.log(line), dataDir: config.DATA_DIR });
      }
      // Months whose release time has passed are published before the first page is served.
      const released = await createDisclosureRelease(deps).releaseDue();
      if (released.length > 0) console.log(`results released: ${released.map((r) => `${r.table} ${r.month}`).join(', ')}`);
    },
  });
  const stopJobs = config.JOBS ? startJobs(platform.deps, (message, error) => platform.app.log.error({ err: error }, message)) : async () => undefined;
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    platform.app.log.info({ signal }, 'shutting down');
    stopJobs()
      .then(() => platform.close())
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await platform.app.listen({ port: config.PORT, host: config.HOST });
  console.log(`Cầu Nối is running at ${publicUrl(config)} (database: ${platform.database.kind === 'pglite' ? `embedded, ${config.DATA_DIR}` : 'PostgreSQL server'})`);
  if (platform.inboundSmtp) console.log(`Support mail to ${config.SUPPORT_MAIL_ADDRESS} is received by SMTP on ${config.INBOUND_SMTP_HOST}:${platform.inboundSmtp.port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Cầu Nối failed to start:', error);
  }
  process.exit(1);
});
