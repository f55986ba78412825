// config -> database -> app -> listen. Jobs start here too.
import { ConfigError, parseConfig, publicUrl } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { createPlatform } from './platform.ts';
import { seedIfEmpty } from '../../scripts/seed/index.ts';

async function main(): Promise<void> {
  const config = parseConfig();
  const platform = await createPlatform({
    config,
    logger: true,
    afterMigrate: async (deps) => {
      if (config.DEMO) await seedIfEmpty(deps.db, { scale: config.SEED_SCALE, log: (line) => console.log(line) });
    },
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    platform.app.log.info({ signal }, 'shutting down');
    platform
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  await platform.app.listen({ port: config.PORT, host: config.HOST });
  console.log(`Cầu Nối is running at ${publicUrl(config)} (database: ${platform.database.kind === 'pglite' ? `embedded, ${config.DATA_DIR}` : 'PostgreSQL server'})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Cầu Nối failed to start:', error);
  }
  process.exit(1);
});
