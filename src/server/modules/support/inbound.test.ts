import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../../../test/smtp.ts';
import { findReference, inferCategory, stripQuoted } from './inbound-parse.ts';

let platform: TestPlatform;
let outbound: SmtpReceiver;
let org: Record<OrgCodes, string>;
let dataDir: string;
let transport: nodemailer.Transporter;
const s: Record<string, Session> = {};
const DESK = 'hotro@caunoi.local';
const SECRET = 'GHI-CHU-NOI-BO: doanh nghiệp đang bị kiểm tra sau thông quan';

beforeAll(async () => {
  outbound = await startSmtpReceiver();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-inbound-'));
  platform = await startTestPlatform({
    env: { SMTP_URL: outbound.url, DATA_DIR: dataDir, SUPPORT_MAIL_ADDRESS: DESK },
    inboundSmtp: true,
  });
  const db = platform.deps.db;
  org = await createOrg(db);
  const mine = await createEnterprise(db, { managingUnitId: org['03NK'] });
  const other = await createEnterprise(db, { managingUnitId: org['03NK'] });
  await createUser(db, {
    email: 'ketoan@haian.vn',
    role: 'enterprise_user',
    enterpriseId: mine.id,
    fullName: 'Trần Thị Hà',
  });
  await createUser(db, { email: 'dn@other.vn', role: 'enterprise_user', enterpriseId: other.id });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  for (const email of ['ketoan@haian.vn', 'dn@other.vn', 'officer@03nk.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
  transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: platform.inboundSmtp!.port,
    secure: false,
    ignoreTLS: true,
  });
});
afterAll(async () => {
  transport.close();
  await platform.close();
  await outbound.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

const inbox = async () =>
  await platform.deps.db.selectFrom('support_inbound_mails').selectAll().orderBy('received_at').orderBy('id').execute();
const sentTo = (address: string) => (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === address));
/** Mail to `address` about one request (its number is in the subject). */
const about = (address: string, number: string) => (m: ParsedMail) =>
  sentTo(address)(m) && (m.subject?.includes(`[${number}]`) ?? false);

/** A business's mail that opens a request; its acknowledgement has arrived when this returns. */
async function openByMail(messageId: string, subject: string): Promise<{ requestId: string; number: string }> {
  await transport.sendMail({
    from: 'ketoan@haian.vn',
    to: DESK,
    subject,
    text: 'Xin hỏi thủ tục và hồ sơ cần chuẩn bị.',
    messageId,
  });
  const row = (await inbox()).find((m) => m.message_id === messageId);
  expect(row).toMatchObject({ status: 'opened' });
  const number = (await call('ketoan@haian.vn', 'GET', `/api/support/requests/${row!.request_id!}`)).json()
    .number as string;
  await outbound.waitForMatching(about('ketoan@haian.vn', number));
  return { requestId: row!.request_id!, number };
}

describe('pure rules', () => {
  it('finds a reference, guesses a category and drops the quoted part of a reply', () => {
    expect(findReference('Re: [HT26-000012] Đã tiếp nhận yêu cầu')).toBe('HT26-000012');
    expect(findReference('Hỏi về hoàn thuế')).toBeNull();
    expect(inferCategory('Hoi ve hoan thue', '')).toBe('tax_refund');
    expect(inferCategory('Xin hỏi', 'Cấp C/O mẫu D cho lô hàng')).toBe('origin');
    expect(inferCategory('Xin chào', 'Cảm ơn')).toBe('other');
    expect(stripQuoted('Đã bổ sung.\n\nVào 10:00, Cầu Nối đã viết:\n> trả lời cũ')).toBe('Đã bổ sung.');
  });
});

describe('mail that opens a request', () => {
  it('a mail from a business account opens a request by e-mail and is acknowledged; a bad attachment is refused, the rest kept', async () => {
    await transport.sendMail({
      from: 'Trần Thị Hà <KeToan@HaiAn.vn>',
      to: DESK,
      subject: 'Hồ sơ hoàn thuế nguyên liệu nhập sản xuất xuất khẩu',
      text: 'Công ty nhập nguyên liệu để sản xuất hàng xuất khẩu; xin hỏi hồ sơ hoàn thuế gồm những gì?',
      messageId: '<m1@haian.vn>',
      attachments: [
        { filename: 'hop-dong.pdf', content: Buffer.from('%PDF-1.4 hợp đồng gia công') },
        { filename: 'virus.exe', content: Buffer.from('MZ\x90\x00 not allowed') },
      ],
    });
    const row = (await inbox()).find((m) => m.message_id === '<m1@haian.vn>');
    expect(row).toMatchObject({ status: 'opened', from_address: 'ketoan@haian.vn' });
    const requestId = row!.request_id!;
    const detail = (await call('ketoan@haian.vn', 'GET', `/api/support/requests/${requestId}`)).json();
    const number = detail.number as string;
    expect(detail).toMatchObject({
      channel: 'email',
      category: 'tax_refund',
      teamCode: '03NK01',
      requesterEmail: 'ketoan@haian.vn',
    });
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['hop-dong.pdf']);
    expect(row!.attachments).toEqual([
      { fileName: 'hop-dong.pdf', size: expect.any(Number), contentType: 'application/pdf' },
      { fileName: 'virus.exe', size: expect.any(Number), refused: 'attachment_type' },
    ]);
    const acks = await outbound.waitForMatching(about('ketoan@haian.vn', number));
    expect(acks).toHaveLength(1);
    expect(acks[0]!.text).toContain('virus.exe');
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', requestId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['support.created', 'support.opened_by_mail']));
    expect(audit.find((a) => a.action === 'support.opened_by_mail')?.actor_label).toBe('ketoan@haian.vn');
  });

  it('the same mail delivered twice is stored once', async () => {
    const mail = {
      from: 'ketoan@haian.vn',
      to: DESK,
      subject: 'Thủ tục tạm nhập tái xuất máy móc thi công',
      messageId: '<twice@haian.vn>',
    };
    await transport.sendMail({ ...mail, text: 'Xin hỏi thủ tục tạm nhập tái xuất máy móc thi công.' });
    await transport.sendMail({ ...mail, text: 'Gửi lại lần hai do lỗi mạng.' });
    expect((await inbox()).filter((m) => m.message_id === '<twice@haian.vn>')).toHaveLength(1);
    const list = (await call('ketoan@haian.vn', 'GET', '/api/support/requests?limit=200')).json();
    expect(list.items.filter((r: { subject: string }) => r.subject === mail.subject)).toHaveLength(1);
  });
});

describe('mail about a request opened by mail', () => {
  let requestId = '';
  let number = '';
  beforeAll(async () => {
    ({ requestId, number } = await openByMail('<thread@haian.vn>', 'Hồ sơ hoàn thuế hàng gia công xuất khẩu'));
  });

  it('a reply with the reference continues the thread; the acknowledgement carries nothing of an internal note', async () => {
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${requestId}/messages`, {
      body: SECRET,
      internal: true,
    });
    await call('officer@03nk.vn', 'POST', `/api/support/requests/${requestId}/messages`, {
      body: 'Đề nghị công ty bổ sung hợp đồng gia công.',
      waitForBusiness: true,
    });
    await transport.sendMail({
      from: 'ketoan@haian.vn',
      to: DESK,
      subject: `Re: [${number}] Hải quan trả lời`,
      text: 'Công ty đã gửi bổ sung hợp đồng.\n\nVào 10:00, Cầu Nối đã viết:\n> Đề nghị công ty bổ sung',
      messageId: '<m2@haian.vn>',
    });
    const detail = (await call('officer@03nk.vn', 'GET', `/api/support/requests/${requestId}`)).json();
    expect(detail.status).toBe('in_progress');
    expect(detail.paused).toBe(false);
    expect(detail.messages.at(-1)).toMatchObject({
      kind: 'public',
      fromBusiness: true,
      body: 'Công ty đã gửi bổ sung hợp đồng.',
    });
    const acks = await outbound.waitForMatching(
      (m) => about('ketoan@haian.vn', number)(m) && (m.subject?.includes('Đã nhận thư') ?? false),
    );
    expect(acks).toHaveLength(1);
    for (const mail of outbound.messages) expect(`${mail.subject} ${mail.text}`).not.toContain('GHI-CHU-NOI-BO');
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', requestId)
      .where('action', '=', 'support.continued_by_mail')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('another business cannot continue a request by quoting its number: the mail waits in the inbox', async () => {
    await transport.sendMail({
      from: 'dn@other.vn',
      to: DESK,
      subject: `[${number}] xin thêm thông tin`,
      text: 'Cho tôi xem yêu cầu này.',
      messageId: '<m3@other.vn>',
    });
    const row = (await inbox()).find((m) => m.message_id === '<m3@other.vn>')!;
    expect(row).toMatchObject({ status: 'unmatched', reason: 'reference_not_found', request_id: null });
    const detail = (await call('officer@03nk.vn', 'GET', `/api/support/requests/${requestId}`)).json();
    expect(detail.messages.map((m: { body: string }) => m.body)).not.toContain('Cho tôi xem yêu cầu này.');
  });

  it('an automatic reply is never answered and never moves a request: it waits in the inbox', async () => {
    const outboxTo = async (address: string) =>
      (await platform.deps.db.selectFrom('mail_outbox').select('id').where('to_address', '=', address).execute())
        .length;
    const before = { received: outbound.messages.length, outbox: await outboxTo('ketoan@haian.vn') };
    // The desk answers the SMTP transfer only once it has stored the mail and sent any
    // acknowledgement (each goes through the outbox first): nothing is still on its way.
    await transport.sendMail({
      from: 'ketoan@haian.vn',
      to: DESK,
      subject: `Tự động trả lời: [${number}] Đã nhận thư`,
      text: 'Tôi đang nghỉ phép đến thứ Hai.',
      messageId: '<m7@haian.vn>',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const row = (await inbox()).find((m) => m.message_id === '<m7@haian.vn>')!;
    expect(row).toMatchObject({ status: 'unmatched', reason: 'auto_reply', request_id: null });
    const detail = (await call('officer@03nk.vn', 'GET', `/api/support/requests/${requestId}`)).json();
    expect(detail.messages.map((m: { body: string }) => m.body)).not.toContain('Tôi đang nghỉ phép đến thứ Hai.');
    expect(await outboxTo('ketoan@haian.vn')).toBe(before.outbox);
    expect(outbound.messages.length).toBe(before.received);
    // Our own acknowledgements say they are automatic, so the business's autoresponder stays quiet too.
    expect(outbound.messages.filter(about('ketoan@haian.vn', number))[0]!.headers.get('auto-submitted')).toBe(
      'auto-replied',
    );
  });
});

describe('mail the desk cannot match', () => {
  it('an unknown sender lands in the inbox; an officer opens a request from it; the business is denied the inbox', async () => {
    await transport.sendMail({
      from: 'Ông Tùng <tung@gmail.com>',
      to: DESK,
      subject: 'Thủ tục nhập khẩu máy móc đã qua sử dụng',
      text: 'Tôi muốn hỏi thủ tục nhập khẩu máy đã qua sử dụng.',
      messageId: '<m4@gmail.com>',
      attachments: [
        { filename: 'anh.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]) },
      ],
    });
    expect((await call(null, 'GET', '/api/support/inbound')).statusCode).toBe(401);
    expect((await call('ketoan@haian.vn', 'GET', '/api/support/inbound')).statusCode).toBe(403);
    const list = (await call('officer@03nk.vn', 'GET', '/api/support/inbound')).json();
    const item = list.items.find((m: { fromAddress: string }) => m.fromAddress === 'tung@gmail.com');
    expect(item).toMatchObject({
      status: 'unmatched',
      reason: 'unknown_sender',
      fromName: 'Ông Tùng',
      attachments: [{ fileName: 'anh.png', refused: null }],
    });
    expect((await call('officer@03nk.vn', 'GET', `/api/support/inbound/${item.id}`)).json().textBody).toContain(
      'máy đã qua sử dụng',
    );
    expect(
      (
        await call('ketoan@haian.vn', 'POST', `/api/support/inbound/${item.id}/open-request`, {
          category: 'commodity_policy',
          requesterName: 'Ông Tùng',
        })
      ).statusCode,
    ).toBe(403);
    const opened = await call('officer@03nk.vn', 'POST', `/api/support/inbound/${item.id}/open-request`, {
      category: 'commodity_policy',
      requesterName: 'Ông Tùng',
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({
      channel: 'email',
      requesterEmail: 'tung@gmail.com',
      category: 'commodity_policy',
      attachments: [{ fileName: 'anh.png' }],
    });
    expect(
      (
        await call('officer@03nk.vn', 'POST', `/api/support/inbound/${item.id}/open-request`, {
          category: 'commodity_policy',
          requesterName: 'Ông Tùng',
        })
      ).statusCode,
    ).toBe(409);
    // The sender now replies with the reference from the acknowledgement, from the same address: it continues.
    await transport.sendMail({
      from: 'tung@gmail.com',
      to: DESK,
      subject: `Re: [${opened.json().number}]`,
      text: 'Máy sản xuất năm 2018.',
      messageId: '<m5@gmail.com>',
    });
    const thread = (await call('officer@03nk.vn', 'GET', `/api/support/requests/${opened.json().id}`)).json();
    expect(thread.messages.at(-1)).toMatchObject({
      fromBusiness: true,
      body: 'Máy sản xuất năm 2018.',
      authorName: 'tung@gmail.com',
    });
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'support.opened_from_mail')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('an officer dismisses junk with a reason', async () => {
    await transport.sendMail({
      from: 'spam@example.com',
      to: DESK,
      subject: 'Khuyến mãi',
      text: 'Mua ngay hôm nay',
      messageId: '<m6@example.com>',
    });
    const row = (await inbox()).find((m) => m.message_id === '<m6@example.com>')!;
    expect(
      (await call('officer@03nk.vn', 'POST', `/api/support/inbound/${row.id}/dismiss`, { reason: 'x' })).statusCode,
    ).toBe(400);
    const dismissed = await call('officer@03nk.vn', 'POST', `/api/support/inbound/${row.id}/dismiss`, {
      reason: 'Thư quảng cáo',
    });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', reason: 'Thư quảng cáo' });
    expect((await call('officer@03nk.vn', 'GET', '/api/support/inbound?status=dismissed')).json().total).toBe(1);
  });

  it('refuses mail for another address (550) and mail over the size limit (552)', async () => {
    const wrong = await transport
      .sendMail({ from: 'ketoan@haian.vn', to: 'giamdoc@caunoi.local', subject: 'Thử', text: 'Thử gửi sai địa chỉ' })
      .catch((error: { responseCode?: number }) => error);
    expect((wrong as { responseCode?: number }).responseCode).toBe(550);
    const big = await transport
      .sendMail({
        from: 'ketoan@haian.vn',
        to: DESK,
        subject: 'Tệp rất lớn',
        text: 'x',
        attachments: [{ filename: 'lon.pdf', content: Buffer.alloc(21 * 1024 * 1024, 65) }],
      })
      .catch((error: { responseCode?: number }) => error);
    expect((big as { responseCode?: number }).responseCode).toBe(552);
    expect((await inbox()).some((m) => m.subject === 'Thử' || m.subject === 'Tệp rất lớn')).toBe(false);
  });
});
