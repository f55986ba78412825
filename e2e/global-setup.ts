// Starts the platform the way a user does (`src/server/main.ts`, demo data on
// an embedded database in a fresh directory) and hands its address to the journeys.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startSmtpReceiver } from '../test/smtp.ts';

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

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('Build the web app first: npx vite build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-e2e-'));
  const port = await freePort();
  const smtpPort = await freePort();
  // Outgoing mail goes to a real SMTP receiver; each message is written to a directory the journeys read
  // (mail carrying a secret, such as a rating's one-time code, never enters the outbox).
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-e2e-mail-'));
  let mailCount = 0;
  const outbound = await startSmtpReceiver({
    onMessage: (mail) => {
      const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : '';
      const file = path.join(mailDir, `${String(++mailCount).padStart(5, '0')}.json`);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify({ to, subject: mail.subject ?? '', text: mail.text ?? '' }));
      fs.renameSync(`${file}.tmp`, file); // a reader never sees half a message
    },
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      INBOUND_SMTP_PORT: String(smtpPort),
      SUPPORT_MAIL_ADDRESS: 'hotro@caunoi.local',
      SMTP_URL: outbound.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The platform did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  provide('baseUrl', baseUrl);
  provide('inboundSmtpPort', String(smtpPort));
  provide('mailDir', mailDir);
  return async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    await outbound.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(mailDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The support desk's SMTP receiver (mail to hotro@caunoi.local). */
    inboundSmtpPort: string;
    /** Outgoing mail, one JSON file ({ to, subject, text }) per message, in arrival order. */
    mailDir: string;
  }
}
