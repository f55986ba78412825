// Mail to the support desk's address: receiving it (inbound-receive.ts, reading
// it with inbound-parse.ts) and the officers' inbox of what matched nothing
// (inbox.ts), offered together to the SMTP receiver and the routes.
import { createInbox } from './inbox.ts';
import { createMailReceiver } from './inbound-receive.ts';
import type { SupportDeps } from './service.ts';

export function createInboundService(deps: SupportDeps & { dataDir: string }) {
  return { ...createMailReceiver(deps), ...createInbox(deps) };
}

export type InboundService = ReturnType<typeof createInboundService>;
