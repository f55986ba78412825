import { describe, expect, it } from 'vitest';
import { ConfigError, demoAccountsMode, parseConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults that run the platform with nothing set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', DEMO: true });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad variable', () => {
    const first = () => parseConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
    expect(first).toThrow(ConfigError);
    for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL'])
      expect(first, name).toThrow(new RegExp(`^  ${name}: `, 'm'));
    const second = () => parseConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', CAUNOI_BOOTSTRAP_API_KEY: 'short' });
    expect(second).toThrow(ConfigError);
    for (const name of ['PORT', 'DATABASE_URL', 'CAUNOI_BOOTSTRAP_API_KEY'])
      expect(second, name).toThrow(new RegExp(`^  ${name}: `, 'm'));
  });
});

describe('TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(parseConfig({}).TRUSTED_PROXIES).toEqual([]);
  });

  it('reads a comma list of addresses, CIDR blocks and range names', () => {
    expect(parseConfig({ TRUSTED_PROXIES: ' 10.0.0.1, 10.0.0.0/8,fd00::/8 ,::1, loopback' }).TRUSTED_PROXIES).toEqual([
      '10.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      '::1',
      'loopback',
    ]);
  });

  it('stops with a message naming the variable on anything else', () => {
    for (const value of ['proxy.local', '10.0.0.0/33', '10.0.0.1/8/8', '*', 'true']) {
      expect(() => parseConfig({ TRUSTED_PROXIES: value }), value).toThrow(/TRUSTED_PROXIES: must be a comma list/);
    }
  });
});

describe('demo accounts', () => {
  const mode = (env: Record<string, string>) => demoAccountsMode(parseConfig(env));

  it('are on for the README start on this machine', () => {
    expect(mode({})).toEqual({ enabled: true, reason: 'local' });
    expect(mode({ HOST: 'localhost', PUBLIC_URL: 'http://127.0.0.1:3000' }).enabled).toBe(true);
    expect(mode({ HOST: '::1', PUBLIC_URL: 'http://[::1]:3000' }).enabled).toBe(true);
  });

  it('are off when the server listens beyond loopback or is published elsewhere', () => {
    expect(mode({ HOST: '0.0.0.0' })).toEqual({ enabled: false, reason: 'listens_beyond_loopback' });
    expect(mode({ HOST: '::' }).enabled).toBe(false);
    expect(mode({ HOST: '192.168.1.10' }).enabled).toBe(false);
    expect(mode({ PUBLIC_URL: 'https://caunoi.customs.gov.vn' })).toEqual({
      enabled: false,
      reason: 'public_url_not_local',
    });
    expect(mode({ PUBLIC_URL: 'http://localhost.example.com' }).enabled).toBe(false);
    expect(mode({ DEMO: 'false' })).toEqual({ enabled: false, reason: 'no_demo' });
  });

  it('follow DEMO_ACCOUNTS when the operator sets it', () => {
    expect(mode({ HOST: '0.0.0.0', PUBLIC_URL: 'https://caunoi.customs.gov.vn', DEMO_ACCOUNTS: 'true' })).toEqual({
      enabled: true,
      reason: 'explicit',
    });
    expect(mode({ DEMO_ACCOUNTS: 'false' })).toEqual({ enabled: false, reason: 'turned_off' });
  });
});
