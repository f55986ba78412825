// The newsletter delivery log at a large send's size (--size recipients,
// default 20,000: 90 % sent, 5 % failed, 3 % queued, 2 % skipped), and a library
// document's file download, through the HTTP API beside GET /healthz in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { parseConfig } from '../src/server/config.ts';
import { createFileStore, sha256Hex } from '../src/server/lib/file-store.ts';
import { createPlatform } from '../src/server/platform.ts';
import { createOrg, createUser, TEST_PASSWORD } from '../test/factories.ts';
import { signIn } from '../test/platform.ts';
import { load, option, printTable } from './lib.ts';

export async function runLibraryBench(): Promise<void> {
  const size = option('size', 20_000);
  const seconds = option('seconds', 5);
  const connections = option('connections', 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-bench-library-'));
  const platform = await createPlatform({
    config: parseConfig({ DATA_DIR: dir, DEMO: 'false', LOG_LEVEL: 'silent', JOBS: 'false' }),
  });
  const db = platform.deps.db;
  const org = await createOrg(db);
  await createUser(db, { email: 'bench@03.vn', role: 'department_leader', unitId: org['03'] });
  const session = await signIn(platform, 'bench@03.vn', TEST_PASSWORD);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };

  const started = Date.now();
  const newsletter = await db
    .insertInto('newsletters')
    .values({
      month: '2026-10',
      unit_id: org['03'],
      status: 'sent',
      intro_vi: 'Bản tin thử tải',
      items: JSON.stringify([]),
      recipients: size,
      sent_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = newsletter.id;
  await sql`insert into newsletter_recipients (newsletter_id, email, token, skipped)
    select ${id}::uuid, 'dn' || g || '@bench.vn', 'bench-token-' || lpad(g::text, 12, '0'), case when g % 50 = 0 then 'unsubscribed' end
    from generate_series(1, ${size}::int) g`.execute(db);
  await sql`insert into mail_deliveries (key, to_address, subject, text_body, status, attempts, error, sent_at, created_at)
    select 'newsletter:' || ${id}::text || ':dn' || g || '@bench.vn', 'dn' || g || '@bench.vn', 'Bản tin hải quan tháng 10/2026', 'x',
      case when g % 20 = 1 then 'failed' when g % 33 = 2 then 'pending' else 'sent' end,
      case when g % 20 = 1 then 3 else 1 end,
      case when g % 20 = 1 then '550 5.1.1 Recipient address rejected' end,
      case when g % 20 = 1 or g % 33 = 2 then null else now() end, now()
    from generate_series(1, ${size}::int) g where g % 50 <> 0`.execute(db);
  const seedSeconds = ((Date.now() - started) / 1000).toFixed(1);

  const document = await db
    .insertInto('legal_documents')
    .values({
      number: '54/2014/QH13',
      doc_type: 'law',
      issuer: 'Quốc hội',
      title: 'Luật Hải quan',
      issued_on: '2014-06-23',
      summary_vi: 'Luật Hải quan',
      topics: ['procedures'],
      unit_id: org['00'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
  await createFileStore(dir, 'documents').save(pdf, 'pdf', (storedName) =>
    db
      .insertInto('legal_document_files')
      .values({
        document_id: document.id,
        version: 1,
        file_name: 'Luật Hải quan.pdf',
        stored_name: storedName,
        content_type: 'application/pdf',
        size_bytes: pdf.length,
        sha256: sha256Hex(pdf),
        uploaded_at: new Date(),
      })
      .execute(),
  );

  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const once = async (url: string) => {
    const t = performance.now();
    const response = await fetch(`${base}${url}`, { headers });
    const bytes = (await response.arrayBuffer()).byteLength;
    return { ms: Math.round(performance.now() - t), status: response.status, bytes };
  };
  const csv = await once(`/api/newsletters/${id}/deliveries.csv`);

  const rows: Record<string, string | number>[] = [];
  const row = (name: string, r: Awaited<ReturnType<typeof load>>) =>
    rows.push({
      request: name,
      'req/s': r.rps,
      'p50 ms': r.p50,
      'p95 ms': r.p95,
      'p99 ms': r.p99,
      errors: r.errors + r.non2xx,
      requests: r.requests,
    });
  row('GET /healthz (baseline)', await load({ url: `${base}/healthz`, seconds, connections }));
  row(
    'GET /api/documents/:id/file (200 KB PDF)',
    await load({ url: `${base}/api/documents/${document.id}/file`, seconds, connections }),
  );
  // The log is read by the officer who sent the issue, polling every 2 s: one connection.
  row(
    `GET deliveries (counts + first 100 of ${size}), 1 conn.`,
    await load({ url: `${base}/api/newsletters/${id}/deliveries`, seconds, connections: 1, headers }),
  );
  row(
    'GET deliveries?status=failed, 1 conn.',
    await load({ url: `${base}/api/newsletters/${id}/deliveries?status=failed`, seconds, connections: 1, headers }),
  );
  row(
    'GET /api/newsletters (list with counts), 1 conn.',
    await load({ url: `${base}/api/newsletters`, seconds, connections: 1, headers }),
  );
  await platform.close();
  fs.rmSync(dir, { recursive: true, force: true });
  printTable(
    `Library files and newsletter delivery log, ${seconds}s per run, ${connections} connections, PGlite (${size} recipients written in ${seedSeconds} s)`,
    rows,
  );
  console.log(
    `CSV export of all ${size} recipients, one request: ${csv.ms} ms, HTTP ${csv.status}, ${csv.bytes} bytes`,
  );
}
