// Agreement status rules and who manages agreements. Pure.
import type { AgreementStatus } from '../../../contracts/agreements.ts';

const NEXT: Record<AgreementStatus, AgreementStatus[]> = {
  draft: ['signed', 'in_force', 'terminated'],
  signed: ['in_force', 'terminated'],
  in_force: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};

export function nextStatuses(status: AgreementStatus): AgreementStatus[] {
  return NEXT[status];
}

export function canMoveTo(from: AgreementStatus, to: AgreementStatus): boolean {
  return NEXT[from].includes(to);
}

/** Agreements that count toward a year's target: signed that year and not a draft or terminated before it took effect. */
export const COUNTED_STATUSES: AgreementStatus[] = ['signed', 'in_force', 'expired'];

/** Progress toward the lower bound of a target, in whole percent (null without a target). */
export function progressPercent(signed: number, targetMin: number | null): number | null {
  if (targetMin === null) return null;
  if (targetMin === 0) return 100;
  return Math.round((signed / targetMin) * 100);
}

/** Days before expiry when the renewal reminder goes out. */
export const RENEWAL_NOTICE_DAYS = 60;

/** A PDF starts with "%PDF-". */
export function looksLikePdf(buffer: Buffer): boolean {
  return buffer.length > 5 && buffer.subarray(0, 5).toString('latin1') === '%PDF-';
}
