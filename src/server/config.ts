// The only reader of process.env. Parsed once at start; a bad value stops the
// process with a message that names the variable.
import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Names proxy-addr knows for address ranges, besides single addresses and CIDR blocks. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** A comma list of addresses, CIDR blocks or proxy-addr's range names; empty means no proxy is trusted. */
const proxyList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine(
    (entries) => entries.every(isProxyAddress),
    'must be a comma list of IP addresses, CIDR blocks (10.0.0.0/8) or loopback, linklocal, uniquelocal',
  );

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Cầu Nối Hải quan <no-reply@caunoi.customs.gov.vn>'),
  CAUNOI_BOOTSTRAP_API_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  DEMO: booleanFlag.default(true),
  DEMO_ACCOUNTS: booleanFlag.optional(),
  TRUSTED_PROXIES: proxyList.default([]),
  SEED_SCALE: z.coerce.number().positive().max(1000).default(1),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  SECURE_COOKIES: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Also print a 500's error to stderr (development). */
  DEBUG_ERRORS: booleanFlag.default(false),
  JOBS: booleanFlag.default(true),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SUPPORT_MAIL_ADDRESS: z.email().default('hotro@caunoi.local'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(defined);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  return Object.freeze(result.data);
}

export function publicUrl(config: Config): string {
  return config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

function isLoopbackName(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1') return true;
  if (name.startsWith('::ffff:')) return isLoopbackName(name.slice(7));
  return isIP(name) === 4 && name.startsWith('127.');
}

/** Demo accounts are the seeded ones under this domain (scripts/seed), all with one published password. */
export const DEMO_EMAIL_DOMAIN = 'demo.caunoi.vn';

export function isDemoEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}

export interface DemoAccountsMode {
  /** Demo accounts (…@demo.caunoi.vn) are listed on the sign-in page and may sign in. */
  enabled: boolean;
  /** Why, for the start log. */
  reason: 'explicit' | 'local' | 'no_demo' | 'listens_beyond_loopback' | 'public_url_not_local' | 'turned_off';
}

/**
 * Demo accounts share a published password, so they work only on a server that
 * nobody else can reach (HOST and PUBLIC_URL both on this machine), unless the
 * operator sets DEMO_ACCOUNTS=true; DEMO_ACCOUNTS=false turns them off everywhere.
 */
export function demoAccountsMode(config: Config): DemoAccountsMode {
  if (config.DEMO_ACCOUNTS === true) return { enabled: true, reason: 'explicit' };
  if (config.DEMO_ACCOUNTS === false) return { enabled: false, reason: 'turned_off' };
  if (!config.DEMO) return { enabled: false, reason: 'no_demo' };
  if (!isLoopbackName(config.HOST)) return { enabled: false, reason: 'listens_beyond_loopback' };
  if (!isLoopbackName(new URL(publicUrl(config)).hostname)) return { enabled: false, reason: 'public_url_not_local' };
  return { enabled: true, reason: 'local' };
}
