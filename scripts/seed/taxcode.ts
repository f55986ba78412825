// Valid, unique 10-digit Vietnamese tax codes (MST): two digits for the
// province, seven serial digits, one check digit. Each province prefix has its
// own increasing serial, so codes never repeat and no set of issued codes has
// to be kept in memory.
import { hasValidTaxCodeCheckDigit, normalizeTaxCode } from '../../src/contracts/common.ts';
import { Rng } from './random.ts';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The 10th digit for nine leading digits, or null when the rule gives 10 (no valid code). */
export function taxCheckDigit(nineDigits: string): number | null {
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += (WEIGHTS[index] ?? 0) * Number(nineDigits[index]);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

export class TaxCodeIssuer {
  private readonly serials = new Map<string, { next: number; rng: Rng }>();

  issue(prefix: string): string {
    if (!/^\d{2}$/.test(prefix)) throw new Error(`Bad tax code prefix ${prefix}`);
    let state = this.serials.get(prefix);
    if (!state) {
      const rng = new Rng(`taxcode:${prefix}`);
      // Serial numbers of firms registered over the last two decades.
      state = { next: rng.int(10_000, 600_000), rng };
      this.serials.set(prefix, state);
    }
    for (;;) {
      state.next += state.rng.int(1, 9);
      if (state.next > 9_999_999) throw new Error(`Tax code serials exhausted for prefix ${prefix}`);
      const nine = prefix + String(state.next).padStart(7, '0');
      const check = taxCheckDigit(nine);
      if (check === null) continue;
      const code = nine + String(check);
      if (normalizeTaxCode(code) !== code || !hasValidTaxCodeCheckDigit(code))
        throw new Error(`Generated an invalid tax code ${code}`);
      return code;
    }
  }
}
