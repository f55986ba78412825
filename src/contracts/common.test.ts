import { describe, expect, it } from 'vitest';
import { hasValidTaxCodeCheckDigit, normalizeTaxCode, taxCodeSchema } from './common.ts';

describe('tax codes', () => {
  it('accepts real 10-digit codes and 13-digit branch codes', () => {
    expect(hasValidTaxCodeCheckDigit('0100109106')).toBe(true); // Viettel
    expect(hasValidTaxCodeCheckDigit('0300588569')).toBe(true); // Vinamilk
    expect(taxCodeSchema.parse('0100109106-001')).toBe('0100109106001');
    expect(taxCodeSchema.parse(' 0300588569 ')).toBe('0300588569');
  });

  it('rejects a wrong check digit and wrong lengths with the right message key', () => {
    expect(hasValidTaxCodeCheckDigit('0100109107')).toBe(false);
    expect(normalizeTaxCode('12345')).toBeNull();
    expect(normalizeTaxCode('01001091060011')).toBeNull();
    const checksum = taxCodeSchema.safeParse('0100109107');
    expect(checksum.success ? null : checksum.error.issues[0]?.message).toBe('msg:tax_code_checksum');
    const format = taxCodeSchema.safeParse('01-00');
    expect(format.success ? null : format.error.issues[0]?.message).toBe('msg:tax_code_format');
    expect(taxCodeSchema.safeParse('0100109106000').success).toBe(false);
  });
});
