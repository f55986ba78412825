import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../test/smtp.ts';
import { drainDeliveries, flushDeliveries, queueDeliveries, sendQueued } from './deliveries.ts';

let platform: TestPlatform;
let smtp: SmtpReceiver;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  platform = await startTestPlatform({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await platform.close();
  await smtp.close();
});

describe('mail deliveries', () => {
  it('queues each key once and sends it once, even when a process died mid-send', async () => {
    const db = platform.deps.db;
    const mail = (n: number) => ({ key: `test:${n}`, to: `dn${n}@test.vn`, subject: `Thư ${n}`, text: 'Nội dung' });
    expect(await queueDeliveries(db, [mail(1), mail(2), mail(3)])).toBe(3);
    expect(await queueDeliveries(db, [mail(1), mail(2), mail(3), mail(4)])).toBe(1);
    // A process claimed message 4 and died before it could record the send.
    await db
      .updateTable('mail_deliveries')
      .set({ status: 'sending', claimed_at: platform.clock.now() })
      .where('key', '=', 'test:4')
      .execute();
    expect(await drainDeliveries(platform.deps)).toBe(3);
    platform.clock.advance(11 * 60_000);
    expect(await flushDeliveries(platform.deps)).toEqual({ sent: 0, failed: 0 });
    const rows = await db.selectFrom('mail_deliveries').select(['key', 'status']).orderBy('key').execute();
    expect(rows).toEqual([
      { key: 'test:1', status: 'sent' },
      { key: 'test:2', status: 'sent' },
      { key: 'test:3', status: 'sent' },
      { key: 'test:4', status: 'uncertain' },
    ]);
    const mails = await smtp.waitFor(3);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Thư 1', 'Thư 2', 'Thư 3']);
    expect(await db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(3);
  });

  it('sends what a use case just queued right after its commit, only that, and leaves a failed send queued for the mail job', async () => {
    const db = platform.deps.db;
    const mail = (key: string) => ({
      key,
      to: `${key.replace(':', '-')}@test.vn`,
      subject: `Thư ${key}`,
      text: 'Nội dung',
    });
    await queueDeliveries(db, [mail('now:1'), mail('now:2'), mail('later:1')]);
    await sendQueued(platform.deps, ['now:1']);
    // The mail server is down for this one: nothing throws, the message stays with the queue.
    await sendQueued({ ...platform.deps, mailer: { send: () => Promise.reject(new Error('smtp down')) } }, ['now:2']);
    const status = async () =>
      db
        .selectFrom('mail_deliveries')
        .select(['key', 'status', 'attempts', 'error'])
        .where('key', 'in', ['now:1', 'now:2', 'later:1'])
        .orderBy('key')
        .execute();
    expect(await status()).toEqual([
      { key: 'later:1', status: 'pending', attempts: 0, error: null },
      { key: 'now:1', status: 'sent', attempts: 1, error: null },
      { key: 'now:2', status: 'pending', attempts: 1, error: 'smtp down' },
    ]);
    expect(await drainDeliveries(platform.deps)).toBe(2);
    expect((await status()).map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
  });
});
