// Starts a throw-away PostgreSQL server from the installed binaries (Debian's
// postgresql), for tests and benchmarks when no server URL is given.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  url: string;
  /** The postmaster's process id (its backends are its children). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

function findBinDir(): string {
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs
      .readdirSync(base)
      .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin');
  }
  throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startPostgresServer(
  options: { fsync?: boolean; settings?: string[] } = {},
): Promise<PostgresServer> {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-pg-'));
  const dataDir = path.join(dir, 'data');
  const run = (cmd: string, args: string[]) =>
    (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]) as [string, string[]];
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const [initCmd, initArgs] = run(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const port = await freePort();
  const settings = [
    '-p',
    String(port),
    '-k',
    dir,
    '-h',
    '127.0.0.1',
    '-c',
    'max_connections=200',
    '-c',
    'shared_buffers=256MB',
  ];
  if (options.fsync === false)
    settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  for (const setting of options.settings ?? []) settings.push('-c', setting);
  const [pgCmd, pgArgs] = run(path.join(bin, 'postgres'), ['-D', dataDir, ...settings]);
  const child = spawn(pgCmd, pgArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  // Ready means a login succeeds (the server accepts TCP a moment before it accepts logins).
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    const ok = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const postmasterPid = () =>
    fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : child.pid;
  return {
    url,
    pid: postmasterPid,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // Signal the postmaster itself: runuser does not pass signals on.
        const pid = postmasterPid();
        if (pid) process.kill(pid, 'SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
