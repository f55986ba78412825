// The question bank as PDF at N published entries (default 20,000) on the
// embedded database: time, size, pages and the process's peak memory while the
// streamed PDF is read to the end, beside the Excel export of the same entries
// (built whole in memory) from the same run. Memory is the JavaScript heap: its
// peak while working, and what is still held when the work ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parseConfig } from '../src/server/config.ts';
import { bankWorkbook } from '../src/server/modules/questions/export.ts';
import { createQuestionService, draftValues } from '../src/server/modules/questions/service.ts';
import { createPlatform } from '../src/server/platform.ts';
import { syntheticQuestionEntries } from '../scripts/seed/questions.ts';
import { option, printTable } from './lib.ts';

// A full garbage collection on demand (without starting node with --expose-gc).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Runs `work`, sampling the JavaScript heap every 20 ms. Reports the time, the
 * peak heap over the start (garbage included: V8 collects lazily) and what is
 * still held right after the work, before its result is dropped (after a full GC).
 */
async function measure<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakMb: number; heldMb: number }> {
  gc();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  gc();
  const held = process.memoryUsage().heapUsed;
  return { result, seconds, peakMb: (peak - start) / 1024 / 1024, heldMb: (held - start) / 1024 / 1024 };
}

export async function runQuestionPdfBench(): Promise<void> {
  const size = option('size', 20_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-pdf-'));
  const platform = await createPlatform({
    config: parseConfig({ DATA_DIR: dir, DEMO: 'false', LOG_LEVEL: 'silent', JOBS: 'false' }),
  });
  try {
    const db = platform.deps.db;
    const entries = syntheticQuestionEntries(size);
    const now = new Date();
    for (let i = 0; i < entries.length; i += 1000) {
      await db
        .insertInto('qa_entries')
        .values(
          entries.slice(i, i + 1000).map((entry) => ({
            ...draftValues(entry, null, now),
            status: 'published' as const,
            published_at: now,
            last_reviewed_at: now,
          })),
        )
        .execute();
    }
    const admin = await db
      .insertInto('users')
      .values({ email: 'bench@caunoi.vn', password_hash: 'x', full_name: 'Bench', updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor = {
      kind: 'user' as const,
      userId: admin.id,
      email: 'bench@caunoi.vn',
      fullName: 'Bench',
      locale: 'vi' as const,
      roles: [{ role: 'gd_staff' as const, unitId: null, unitCode: null }],
      enterpriseId: null,
      associationId: null,
      officerId: null,
      sessionId: '',
      csrfToken: '',
    };
    const service = createQuestionService(platform.deps);

    let workbook: Buffer | null = null;
    const excel = await measure(async () => {
      workbook = (await bankWorkbook(await service.exportRows({ actor }), new Date())).body;
      return workbook.length;
    });
    workbook = null;
    const pdf = await measure(async () => {
      let bytes = 0;
      let pages = 0;
      const stream = await service.exportPdf({ actor });
      for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        bytes += buffer.length;
        pages += buffer.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
      }
      return { bytes, pages };
    });
    printTable(`Question bank download at ${size.toLocaleString('en')} published entries (embedded database)`, [
      {
        export: 'Excel, built in memory (baseline)',
        seconds: excel.seconds.toFixed(1),
        'MB out': (excel.result / 1024 / 1024).toFixed(1),
        pages: '—',
        'heap peak MB': excel.peakMb.toFixed(0),
        'heap held at end MB': excel.heldMb.toFixed(0),
      },
      {
        export: 'PDF, streamed',
        seconds: pdf.seconds.toFixed(1),
        'MB out': (pdf.result.bytes / 1024 / 1024).toFixed(1),
        pages: pdf.result.pages,
        'heap peak MB': pdf.peakMb.toFixed(0),
        'heap held at end MB': pdf.heldMb.toFixed(0),
      },
    ]);
  } finally {
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
