// Every message is recorded in the outbox; with SMTP_URL set it is also sent.
import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /**
   * Carries a secret (a one-time code) or ties a business to a rating (a case
   * outcome): sent by SMTP only, never kept in the outbox administrators read.
   * Without SMTP it cannot be delivered, and sending it fails.
   */
  sealed?: boolean;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ id: string; sent: boolean }>;
}

export function createMailer(deps: {
  db: Kysely<Database>;
  clock: Clock;
  smtpUrl?: string | undefined;
  from: string;
}): Mailer {
  const transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : null;
  return {
    async send({ sealed, ...message }) {
      if (sealed) {
        if (!transport) throw new Error('sealed mail needs SMTP_URL: it is never kept in the outbox');
        await transport.sendMail({ from: deps.from, ...message });
        return { id: '', sent: true };
      }
      const row = await deps.db
        .insertInto('mail_outbox')
        .values({
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          html_body: message.html ?? null,
          attachments: JSON.stringify(
            (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
          ),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!transport) return { id: row.id, sent: false };
      try {
        await transport.sendMail({ from: deps.from, ...message });
        await deps.db.updateTable('mail_outbox').set({ sent_at: deps.clock.now() }).where('id', '=', row.id).execute();
        return { id: row.id, sent: true };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await deps.db
          .updateTable('mail_outbox')
          .set({ error: reason.slice(0, 500) })
          .where('id', '=', row.id)
          .execute();
        throw error;
      }
    },
  };
}
