// A real SMTP receiver on loopback, for tests that check the mail that arrives.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpReceiver {
  url: string;
  messages: ParsedMail[];
  /** Every message so far, once there are at least `count`; fails after the timeout. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** The messages that match, once at least `count` (default 1) have arrived; fails after the timeout. */
  waitForMatching(match: (mail: ParsedMail) => boolean, count?: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`SMTP receiver: gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `onMessage` also hands each message on as it arrives (the browser journeys write them where their workers read). */
export async function startSmtpReceiver(
  options: { onMessage?: (mail: ParsedMail) => void } = {},
): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          options.onMessage?.(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      await until(() => messages.length >= count, `${count} messages (${messages.length} arrived)`, timeoutMs);
      return messages;
    },
    async waitForMatching(match, count = 1, timeoutMs = 10_000) {
      await until(
        () => messages.filter(match).length >= count,
        `${count} matching messages (${messages.filter(match).length} of ${messages.length} arrived match)`,
        timeoutMs,
      );
      return messages.filter(match);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
