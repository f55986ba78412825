// config -> database -> app -> listen. Jobs start here too.
import { ConfigError, demoAccountsMode, parseConfig, publicUrl, type Config } from './config.ts';
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
        await seedIfEmpty(deps.db, {
          scale: config.SEED_SCALE,
          log: (line) => console.log(line),
          dataDir: config.DATA_DIR,
        });
      }
      // Months whose release time has passed are published before the first page is served.
      const released = await createDisclosureRelease(deps).releaseDue();
      if (released.length > 0)
        console.log(`results released: ${released.map((r) => `${r.table} ${r.month}`).join(', ')}`);
    },
  });
  const stopJobs = config.JOBS
    ? startJobs(platform.deps, (message, error) => platform.app.log.error({ err: error }, message))
    : async () => undefined;
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
  console.log(
    `Cầu Nối is running at ${publicUrl(config)} (database: ${platform.database.kind === 'pglite' ? `embedded, ${config.DATA_DIR}` : 'PostgreSQL server'})`,
  );
  console.log(demoModeLine(config));
  if (config.TRUSTED_PROXIES.length)
    console.log(
      `Client addresses are taken from X-Forwarded-For when the connection comes from ${config.TRUSTED_PROXIES.join(', ')}`,
    );
  if (platform.inboundSmtp)
    console.log(
      `Support mail to ${config.SUPPORT_MAIL_ADDRESS} is received by SMTP on ${config.INBOUND_SMTP_HOST}:${platform.inboundSmtp.port}`,
    );
}

/** Which demo mode this process runs in, and how to change it. */
function demoModeLine(config: Config): string {
  const mode = demoAccountsMode(config);
  switch (mode.reason) {
    case 'local':
      return 'Demo mode: demo accounts are listed on the sign-in page and can sign in, because the server is reachable only from this machine (HOST and PUBLIC_URL are local).';
    case 'explicit':
      return `Demo mode: demo accounts are listed on the sign-in page and can sign in, because DEMO_ACCOUNTS=true — anyone who can reach ${publicUrl(config)} can sign in with the published demo password.`;
    case 'listens_beyond_loopback':
      return `Demo accounts are off: the server listens on ${config.HOST}, beyond this machine (set DEMO_ACCOUNTS=true to allow them anyway).`;
    case 'public_url_not_local':
      return `Demo accounts are off: PUBLIC_URL ${publicUrl(config)} is not on this machine (set DEMO_ACCOUNTS=true to allow them anyway).`;
    case 'turned_off':
      return 'Demo accounts are off (DEMO_ACCOUNTS=false).';
    case 'no_demo':
      return 'Demo is off (DEMO=false): no demo data, no demo accounts.';
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Cầu Nối failed to start:', error);
  }
  process.exit(1);
});
