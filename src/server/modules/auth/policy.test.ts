import { describe, expect, it } from 'vitest';
import { addressKey, signInThrottleKeys } from './policy.ts';

describe('addressKey', () => {
  it('counts an IPv4 address as it is, also when written as IPv6', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002:ffff::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8:1:2::ffff:1.2.3.4')).toBe('2001:db8:1:2::/64');
  });

  it('puts what is not an address in one bucket', () => {
    expect(addressKey(null)).toBe('unknown');
    expect(addressKey('not-an-ip')).toBe('unknown');
  });

  it('keys an attempt by the account (lower case) and the address', () => {
    expect(signInThrottleKeys('Chu@Test.vn', '2001:db8:1:2::9').map((k) => k.key)).toEqual([
      'account:chu@test.vn',
      'address:2001:db8:1:2::/64',
    ]);
  });
});
