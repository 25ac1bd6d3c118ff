/**
 * Small checks for values that cross a trust boundary (messages, storage, backups, policy).
 * Pure; each answers yes or no and never throws.
 */
import type { VoucherStatus } from './records';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** No key beyond these (missing ones are checked by the caller's field checks). */
export function onlyKeys(v: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(v).every((k) => keys.includes(k));
}

export const STATUSES: readonly VoucherStatus[] = [
  'awaiting',
  'processing',
  'created',
  'failed',
  'cancelled',
];
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isStatus(v: unknown): v is VoucherStatus {
  return STATUSES.includes(v as VoucherStatus);
}

export function text(v: unknown, max: number, allowEmpty = false): v is string {
  return typeof v === 'string' && v.length <= max && (allowEmpty || v.length > 0);
}

/** An identifier from e-LAAS (ฎีกา, reference, voucher number): short, no markup characters. */
export function code(v: unknown): v is string | null {
  return v === null || (text(v, 64) && !/[<>"'`]/.test(v));
}

/** A moment in ms since the epoch, or null. */
export function time(v: unknown): v is number | null {
  return v === null || (typeof v === 'number' && Number.isSafeInteger(v) && v > 0);
}

/** An amount in satang. */
export function amount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function isoDayText(v: unknown): v is string {
  return typeof v === 'string' && ISO_DAY.test(v);
}

/** A Buddhist Era fiscal year. */
export function fiscalYear(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 2400 && v < 2700;
}
