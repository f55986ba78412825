// Sign-in throttling rules, pure. Each attempt takes a place on two counters
// (the account, the address) before its password is checked; over either
// limit, the password is not checked at all and the account's owner continues
// through a one-time link sent to the account's own address (see service).
import { isIP } from 'node:net';

/** Fixed window of every counter. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts on one account per window (NIST SP 800-63B 5.2.2 allows up to 100; ASVS 2.2.1 at most 100 an hour). */
export const MAX_ATTEMPTS_PER_ACCOUNT = 5;
/** Failed attempts from one address (an IPv4 address, an IPv6 /64) per window, whatever the accounts. */
export const MAX_ATTEMPTS_PER_ADDRESS = 30;
/** A link is valid this long, once, for this many password attempts. */
export const LINK_TTL_MS = 15 * 60 * 1000;
export const MAX_LINK_ATTEMPTS = 5;
/** At most one link per account in this time, so an attacker cannot flood the owner's mailbox. */
export const LINK_INTERVAL_MS = 5 * 60 * 1000;

export interface ThrottleKey {
  key: string;
  limit: number;
}

/** The counters an attempt on `email` from `ip` takes a place on. */
export function signInThrottleKeys(email: string, ip: string | null): ThrottleKey[] {
  return [
    { key: `account:${email.toLowerCase()}`, limit: MAX_ATTEMPTS_PER_ACCOUNT },
    { key: `address:${addressKey(ip)}`, limit: MAX_ATTEMPTS_PER_ADDRESS },
  ];
}

export function linkThrottleKey(userId: string): ThrottleKey {
  return { key: `link:${userId}`, limit: 1 };
}

export function throttleScope(key: string): 'account' | 'address' | 'link' {
  return key.startsWith('account:') ? 'account' : key.startsWith('address:') ? 'address' : 'link';
}

/**
 * The address an attempt is counted under: an IPv4 address as it is (also when
 * written as IPv4-mapped IPv6), an IPv6 address by its /64, the block one
 * subscriber usually holds whole, so rotating within it does not escape the limit.
 */
export function addressKey(ip: string | null): string {
  if (!ip) return 'unknown';
  const address = ip.trim().toLowerCase();
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return 'unknown';
  const mapped = /^(?:0{0,4}:){0,5}ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address.replace(/^::/, '0:'));
  if (mapped?.[1] && isIP(mapped[1]) === 4) return mapped[1];
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const withoutV4 = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a: string, b: string, c: string, d: string) => {
    const hex = (x: string, y: string) => ((Number(x) << 8) | Number(y)).toString(16);
    return `${hex(a, b)}:${hex(c, d)}`;
  });
  const [head = '', tail] = withoutV4.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
