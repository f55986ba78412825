// The support desk's SMTP receiver. Accepts mail for one address only (550 for
// any other), refuses mail over the size limit (552, announced with SIZE), and
// hands each message to the inbound service. A failure while storing answers
// 451 so the sending server tries again; the Message-ID makes that safe.
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { INBOUND_MAIL_MAX_BYTES } from '../../../contracts/support-inbound.ts';

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startInboundSmtp(options: {
  port: number;
  host: string;
  address: string;
  maxBytes?: number;
  receive: (raw: Buffer) => Promise<unknown>;
  log?: (message: string, error?: unknown) => void;
}): Promise<InboundSmtp> {
  const accepted = options.address.toLowerCase();
  const maxBytes = options.maxBytes ?? INBOUND_MAIL_MAX_BYTES;
  const settings: SMTPServerOptions = {
    name: 'caunoi-support',
    banner: 'Cau Noi support desk',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.trim().toLowerCase() !== accepted)
        return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded || size > maxBytes)
          return callback(smtpError(552, '5.3.4 Message too big for this desk'));
        options
          .receive(Buffer.concat(chunks))
          .then(() => callback())
          .catch((error: unknown) => {
            options.log?.('inbound mail could not be stored', error);
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
          });
      });
    },
  };
  const server = new SMTPServer(settings);
  server.on('error', (error) => options.log?.('inbound SMTP error', error));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const bound = server.server.address();
  return {
    port: typeof bound === 'object' && bound ? bound.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
