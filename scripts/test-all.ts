// `npm test`: formatting, type checks, lint, the OpenAPI lint, unit and integration tests on PGlite and on a
// real PostgreSQL server, the web build, and the browser journeys in Chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  report?: string; // vitest JSON report to count tests from
}

const reports = path.resolve('tmp/test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
const vitest = (name: string, extra: string[], env: Record<string, string> = {}): Step => {
  const report = path.join(reports, `${name.replace(/\W+/g, '-')}.json`);
  return {
    name,
    command: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
    env,
    report,
  };
};

const only = process.argv.slice(2);
const steps: Step[] = [
  // Formatting is Prettier's (.prettierrc.json); `npx prettier --write .` fixes what this finds.
  { name: 'format', command: 'npx', args: ['prettier', '--check', '--log-level', 'warn', '.'] },
  { name: 'typecheck', command: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', command: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
  // The OpenAPI document, written to tmp/openapi.json, through Redocly's lint (redocly.yaml).
  { name: 'openapi lint', command: 'node', args: ['--import', 'tsx', 'scripts/openapi.ts', '--lint'] },
  vitest('tests on PGlite', [], { TEST_DB: 'pglite' }),
  vitest('tests on PostgreSQL', [], { TEST_DB: 'postgres' }),
  { name: 'web build', command: 'npx', args: ['vite', 'build', '--logLevel', 'warn'] },
  vitest('browser journeys', ['--config', 'e2e/vitest.config.ts']),
].filter((step) => only.length === 0 || only.some((o) => step.name.includes(o)));

let passed = 0;
let failed = 0;
const summary: string[] = [];
const started = Date.now();
for (const step of steps) {
  const stepStart = Date.now();
  console.log(`\n=== ${step.name}`);
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  const ok = result.status === 0;
  let counts = '';
  let stepFailed = 0;
  if (step.report && fs.existsSync(step.report)) {
    const report = JSON.parse(fs.readFileSync(step.report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed += report.numPassedTests;
    stepFailed = report.numFailedTests;
    counts = ` — ${report.numPassedTests} passed, ${report.numFailedTests} failed`;
  }
  // A step that failed without a failing test (a type error, a crash) still counts as one failure.
  failed += ok ? stepFailed : Math.max(stepFailed, 1);
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${seconds}s)${counts}`);
  if (!ok) console.error(`\n${step.name} failed (exit ${result.status ?? result.signal})`);
}
console.log(`\n=== summary (${((Date.now() - started) / 1000).toFixed(0)}s)`);
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(summary.some((line) => line.startsWith('FAIL')) ? 1 : 0);
