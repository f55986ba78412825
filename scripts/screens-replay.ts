// Replays a day of declarations at an office through the integration API, so a
// waiting-room screen is alive in a demo:
//
//   CAUNOI_BOOTSTRAP_API_KEY=… npm start            (in one terminal)
//   npm run screens:replay -- --key … [--url http://localhost:3000] [--office 03NK]
//                             [--count 120] [--speed 60] [--tax-code 0312345678]
//
// --speed: minutes of the office's day per minute of replay (60: the day in about
// ten minutes). --tax-code: every tenth declaration is that business's, so its
// user can follow it from the screen's QR code and rate it once cleared.
// Each step's time is the moment it is sent. Works with any number of app
// processes and either database: it only speaks HTTP.
import { screenDay, type DayDeclaration, type DayStep } from './seed/screens.ts';

function option(name: string, fallback?: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const url = (option('url', 'http://localhost:3000') ?? '').replace(/\/$/, '');
const key = option('key', process.env.CAUNOI_BOOTSTRAP_API_KEY);
const office = (option('office', '03NK') ?? '').toUpperCase();
const count = Number(option('count', '120'));
const speed = Number(option('speed', '60'));
const taxCode = option('tax-code');

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function main(): Promise<void> {
  if (!key)
    throw new Error(
      '--key (or CAUNOI_BOOTSTRAP_API_KEY) is needed: an API key with declarations:write and progress:write',
    );
  if (!(count > 0) || !(speed > 0)) throw new Error('--count and --speed must be positive numbers');
  const { units } = (await call('GET', '/api/v1/units')) as {
    units: { code: string; kind: string; parentCode: string | null }[];
  };
  if (!units.some((u) => u.code === office && u.kind === 'branch')) throw new Error(`No branch ${office}`);
  const teams = units.filter((u) => u.parentCode === office && u.kind === 'team').map((u) => u.code);
  const day = screenDay(count, teams, `replay:${office}`);
  const run = String(Date.now()).slice(-7);
  const numberOf = (d: DayDeclaration) => `1${run}${String(d.index).padStart(4, '0')}`;
  const events = day.flatMap((d) => d.steps.map((step) => ({ d, step }))).sort((a, b) => a.step.minute - b.step.minute);
  const started = Date.now();
  console.log(`Replaying ${day.length} declarations (${events.length} steps) at ${office}, ${speed}× speed`);
  let sent = 0;
  for (const { d, step } of events) {
    const due = started + (step.minute * 60_000) / speed;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await send(d, step, numberOf(d));
    sent++;
    if (sent % 25 === 0) console.log(`${sent}/${events.length} steps sent`);
  }
  console.log('Done.');
}

async function send(d: DayDeclaration, step: DayStep, number: string): Promise<void> {
  const at = new Date().toISOString();
  if (step.stage === 'registered') {
    const enterprise = taxCode && d.index % 10 === 0 ? { taxCode, name: 'Doanh nghiệp trình diễn' } : d.enterprise;
    await call('PUT', `/api/v1/declarations/${number}`, {
      typeCode: d.typeCode,
      enterprise,
      officeCode: office,
      channel: d.channel,
      registeredAt: at,
      status: 'registered',
      steps: [{ stage: 'Tiếp nhận', startedAt: at }],
    });
  }
  await call('PUT', `/api/v1/declarations/${number}/progress/${step.stage}`, {
    at,
    counter: step.counter,
    ...(step.teamCode && { teamCode: step.teamCode }),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
