// Waiting-room screens: --clients screens (300) follow one office's board by
// server-sent events while processing steps arrive through the integration API
// at --rate steps per second (50) for --seconds (20). Delay = from the step
// being sent to its row arriving at a screen, over every screen; CPU = this
// process (server and the screens' clients, which run here too). Beside it, in
// the same run, a bare stream: a plain HTTP server pushing a timestamp at the
// same rate to the same number of clients, so the figures mean something on a
// shared machine. On PGlite and on a PostgreSQL 15 server (`BENCH_DB=` one of them).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/server/config.ts';
import { createPlatform } from '../src/server/platform.ts';
import { createOrg, createUser, TEST_PASSWORD } from '../test/factories.ts';
import { startPostgresServer } from '../test/pg-server.ts';
import { as, signIn } from '../test/platform.ts';
import { option, printTable } from './lib.ts';

const KEY = 'bench-screens-bootstrap-key-0123456789abcdef';

/** Opens an event stream and calls `onData` with each event's data and the moment it arrived. */
async function follow(url: string, onData: (data: string, at: number) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = Date.now();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) onData(data.slice(6), at);
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(
  label: string,
  clients: number,
  seconds: number,
  rate: number,
  open: (onData: (data: string, at: number) => void, signal: AbortSignal) => Promise<void>,
  emit: (sentAt: number, i: number) => Promise<void>,
) {
  const delays: number[] = [];
  const controller = new AbortController();
  for (let c = 0; c < clients; c++)
    await open((data, at) => {
      const sent = /t(\d{13})/.exec(data)?.[1];
      if (sent) delays.push(at - Number(sent));
    }, controller.signal);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // every stream connected
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  const total = seconds * rate;
  const inflight: Promise<void>[] = [];
  let errors = 0;
  let firstError = '';
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(
      emit(Date.now(), i).catch((error: unknown) => {
        errors++;
        firstError ||= String(error);
      }),
    );
  }
  await Promise.all(inflight);
  await new Promise((resolve) => setTimeout(resolve, 2500)); // the last steps reach the screens
  const wall = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  controller.abort();
  if (firstError) console.log(`${label}: first send error: ${firstError}`);
  const sorted = delays.sort((a, b) => a - b);
  return {
    run: label,
    clients,
    'steps sent': total,
    'send errors': errors,
    'events received': sorted.length,
    'expected events': total * clients,
    'delay p50 ms': percentile(sorted, 50),
    'delay p99 ms': percentile(sorted, 99),
    'delay max ms': sorted.at(-1) ?? NaN,
    'CPU % of one core': Math.round(((cpu.user + cpu.system) / 1e6 / wall) * 100),
  };
}

export async function runScreensBench(): Promise<void> {
  const clients = option('clients', 300);
  const rate = option('rate', 50);
  const seconds = option('seconds', 20);
  console.log(
    `load before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${os.cpus().length} cores)`,
  );
  const rows: Record<string, string | number>[] = [];

  // The bare stream: no database, no framework.
  const subscribers = new Set<http.ServerResponse>();
  const bare = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write('retry: 2000\n\n');
    subscribers.add(res);
    req.on('close', () => subscribers.delete(res));
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareAddress = bare.address();
  const bareUrl = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}/`;
  rows.push(
    await measure(
      'bare stream (baseline)',
      clients,
      seconds,
      rate,
      (onData, signal) => follow(bareUrl, onData, signal),
      async (sentAt) => {
        for (const res of subscribers) res.write(`data: t${sentAt}\n\n`);
      },
    ),
  );
  bare.closeAllConnections();
  bare.close();

  for (const kind of (process.env.BENCH_DB ? [process.env.BENCH_DB] : ['pglite', 'postgres']) as (
    'postgres' | 'pglite'
  )[]) {
    const pgServer = kind === 'postgres' ? await startPostgresServer() : null;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-screens-'));
    const platform = await createPlatform({
      config: parseConfig({
        DATA_DIR: dir,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        JOBS: 'false',
        CAUNOI_BOOTSTRAP_API_KEY: KEY,
        ...(pgServer && { DATABASE_URL: pgServer.url }),
      }),
    });
    try {
      const db = platform.deps.db;
      const org = await createOrg(db);
      await createUser(db, { email: 'leader@bench.vn', role: 'branch_leader', unitId: org['03NK'] });
      const session = await signIn(platform, 'leader@bench.vn', TEST_PASSWORD);
      const created = await platform.app.inject({
        method: 'POST',
        url: '/api/screens',
        headers: as(session),
        payload: {
          officeCode: '03NK',
          name: 'Bench',
          stages: ['registered', 'documents_checked', 'goods_inspected', 'awaiting_payment', 'cleared'],
          rotation: ['board'],
          language: 'vi',
          numberDigits: 4,
        },
      });
      const screenKey = (created.json() as { credentials: { key: string } }).credentials.key;
      const enterprise = await db
        .insertInto('enterprises')
        .values({ tax_code: '0300000001', name: 'Công ty Bench', managing_unit_id: org['03NK'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      const numbers = Array.from({ length: 1000 }, (_, i) => `309${String(900_000_000 + i)}`);
      for (let i = 0; i < numbers.length; i += 200)
        await db
          .insertInto('declarations')
          .values(
            numbers.slice(i, i + 200).map((number) => ({
              number,
              type_code: 'A11',
              enterprise_id: enterprise.id,
              office_unit_id: org['03NK'],
              channel: 'green' as const,
              registered_at: new Date('2026-01-01T00:00:00Z'),
              rating_token: `bench-${number}`,
              updated_at: new Date(),
            })),
          )
          .execute();
      await platform.app.listen({ port: 0, host: '127.0.0.1' });
      const address = platform.app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const board = (await (await fetch(`${url}/api/screen-boards/${screenKey}`)).json()) as { lastEventId: string };
      rows.push(
        await measure(
          `screens, ${kind}`,
          clients,
          seconds,
          rate,
          (onData, signal) =>
            follow(`${url}/api/screen-boards/${screenKey}/stream?after=${board.lastEventId}`, onData, signal),
          async (sentAt, i) => {
            const response = await fetch(
              `${url}/api/v1/declarations/${numbers[i % numbers.length]}/progress/registered`,
              {
                method: 'PUT',
                headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
                body: JSON.stringify({ at: new Date(sentAt).toISOString(), counter: `t${sentAt}` }),
              },
            );
            if (response.ok) {
              await response.arrayBuffer();
              return;
            }
            throw new Error(`${response.status} ${await response.text()}`);
          },
        ),
      );
    } finally {
      await platform.close();
      await pgServer?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `load after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  printTable(`Waiting-room screens: ${clients} screens, ${rate} steps/s for ${seconds} s`, rows);
}
