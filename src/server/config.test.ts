import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults that run the platform with nothing set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', DEMO: true });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => parseConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', CAUNOI_BOOTSTRAP_API_KEY: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('CAUNOI_BOOTSTRAP_API_KEY');
    }
  });
});

describe('TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(parseConfig({}).TRUSTED_PROXIES).toEqual([]);
  });

  it('reads a comma list of addresses, CIDR blocks and range names', () => {
    expect(parseConfig({ TRUSTED_PROXIES: ' 10.0.0.1, 10.0.0.0/8,fd00::/8 ,::1, loopback' }).TRUSTED_PROXIES).toEqual(['10.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1', 'loopback']);
  });

  it('stops with a message naming the variable on anything else', () => {
    for (const value of ['proxy.local', '10.0.0.0/33', '10.0.0.1/8/8', '*', 'true']) {
      expect(() => parseConfig({ TRUSTED_PROXIES: value }), value).toThrow(/TRUSTED_PROXIES: must be a comma list/);
    }
  });
});
