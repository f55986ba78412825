// CDCI: the full computation with uncertainty (1,000 bootstrap draws over the
// respondents and 1,000 sensitivity draws over the method's choices) for --size
// branches (200) and 100 respondents each (20,000), beside one plain computation
// of the same data in the same run. Pure computation: no database.
import type { CdciData } from '../src/server/modules/cdci/compute.ts';
import { computePlain } from '../src/server/modules/cdci/compute.ts';
import { quangNinhMethod } from '../src/contracts/cdci-example.ts';
import { computeWithUncertainty, seededRandom } from '../src/server/modules/cdci/uncertainty.ts';
import { option, printTable } from './lib.ts';

export function syntheticData(branches: number, perBranch: number, seed = 1): CdciData {
  const method = quangNinhMethod();
  const random = seededRandom(seed);
  const indicators = method.components.flatMap((component) => component.indicators);
  const units = Array.from({ length: branches }, (_, b) => ({
    code: `CC${String(b + 1).padStart(3, '0')}`,
    name: `Chi cục ${b + 1}`,
    respondents: perBranch,
  }));
  const answers = new Map<string, Record<string, Float64Array>>();
  const values: Record<string, Record<string, number>> = {};
  for (const unit of units) {
    const quality = 3.2 + random() * 1.4;
    const record: Record<string, Float64Array> = {};
    for (const indicator of indicators) {
      if (indicator.source.kind === 'survey')
        record[indicator.code] = Float64Array.from({ length: perBranch }, () =>
          Math.min(5, Math.max(1, Math.round(quality + (random() - 0.5) * 3))),
        );
      else (values[indicator.code] ??= {})[unit.code] = 60 + 35 * random();
    }
    answers.set(unit.code, record);
  }
  return { units, answers, values };
}

export async function runCdciBench(): Promise<void> {
  const branches = option('size', 200);
  const data = syntheticData(branches, 100);
  const method = quangNinhMethod();
  const time = (run: () => unknown) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  time(() => computePlain(method, data)); // warm up
  const plain = time(() => computePlain(method, data));
  const full = time(() => computeWithUncertainty(method, data, { bootstrap: 1000, sensitivity: 1000 }));
  printTable(`CDCI: ${branches} branches, ${branches * 100} respondents, ${method.components.length} components`, [
    { run: 'one plain computation (baseline)', ms: plain.toFixed(1) },
    { run: '+ 1,000 bootstrap + 1,000 sensitivity draws', ms: full.toFixed(0), 'target ms': 10_000 },
  ]);
  await Promise.resolve();
}
