// npm run migrate | npm run seed -- [--scale N]
import { parseConfig } from '../src/server/config.ts';
import { connectDatabase } from '../src/server/db/connect.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const command = process.argv[2];
  const config = parseConfig();
  const database = await connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const applied = await migrateToLatest(database.db);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Migrations: up to date');
    if (command === 'seed') {
      const { seedIfEmpty } = await import('./seed/index.ts');
      const scale = Number(option('scale') ?? config.SEED_SCALE);
      if (!Number.isFinite(scale) || scale <= 0) throw new Error('--scale must be a positive number');
      const summary = await seedIfEmpty(database.db, {
        scale,
        log: (line) => console.log(line),
        dataDir: config.DATA_DIR,
      });
      console.log(summary ? `Seeded: ${JSON.stringify(summary)}` : 'The database already has data: nothing seeded.');
    } else if (command !== 'migrate') {
      throw new Error(`Unknown command "${command ?? ''}". Use: migrate | seed [--scale N]`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
