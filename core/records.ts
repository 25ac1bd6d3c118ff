/**
 * A payment the clerk recorded in e-LAAS, as the extension tracks it until its voucher exists.
 * Plain data; amounts in satang; times in ms since the epoch.
 */
import { isoDay } from './dates';

export type VoucherStatus = 'awaiting' | 'processing' | 'created' | 'failed' | 'cancelled';

export const PENDING: readonly VoucherStatus[] = ['awaiting', 'processing'];
export const FINAL: readonly VoucherStatus[] = ['created', 'failed', 'cancelled'];

/** Where a fact came from: the clerk's own save, a status check, or the payments list on screen. */
export type Source = 'capture' | 'check' | 'list';

export interface StatusEvent {
  status: VoucherStatus;
  at: number;
  source: Source;
  reason?: string;
}

export interface PaymentRecord {
  /** Ours: stable across updates. */
  id: string;
  /** Whose it is: e-LAAS origin, unit and user (several clerks may share a browser profile). */
  origin: string;
  unit: string;
  user: string;
  dekaNo: string;
  payee: string;
  /** Net amount, satang. */
  amount: number;
  /** วันที่จ่าย, YYYY-MM-DD. */
  payDate: string;
  fiscalYear: number;
  recordedAt: number;
  /** e-LAAS' own id and reference for the payment, when the site gave them. */
  elaasId: string | null;
  ref: string | null;
  status: VoucherStatus;
  voucherNo: string | null;
  voucherCreatedAt: number | null;
  failureReason: string | null;
  history: StatusEvent[];
  lastCheckedAt: number | null;
  /** How it was captured (see CaptureSource). */
  capturedFrom: CaptureSource;
}

/**
 * How a payment was captured: the site's own API answer, the form and success dialog, the form of
 * a save whose answer came back unreadable (`unreadable`: its answer was read, so no answer with
 * e-LAAS' id will follow for it), or a save that left without an answer (`unanswered`: the network
 * failed or the page went away first). An unanswered record is a question, not yet a payment: the
 * status check confirms it (the list has it; it becomes `form`) or settles that e-LAAS never got
 * it (`failed`, see NOT_RECEIVED).
 */
export type CaptureSource = 'api' | 'form' | 'unreadable' | 'unanswered';
export const CAPTURE_SOURCES: readonly CaptureSource[] = ['api', 'form', 'unreadable', 'unanswered'];

/** An unanswered save e-LAAS never received: failed, and this says so instead of e-LAAS' reason. */
export function notReceived(r: Pick<PaymentRecord, 'status' | 'capturedFrom'>): boolean {
  return r.status === 'failed' && r.capturedFrom === 'unanswered';
}

/** An unanswered save not settled yet: e-LAAS may have it or not. */
export function unconfirmed(r: Pick<PaymentRecord, 'status' | 'capturedFrom'>): boolean {
  return r.capturedFrom === 'unanswered' && isPending(r);
}

/** What a status check or the list says about one payment. */
export interface StatusRow {
  elaasId: string | null;
  ref: string | null;
  dekaNo: string;
  amount: number | null;
  payDate: string | null;
  status: VoucherStatus;
  voucherNo: string | null;
  voucherCreatedAt: number | null;
  failureReason: string | null;
}

export function isPending(r: Pick<PaymentRecord, 'status'>): boolean {
  return PENDING.includes(r.status);
}

/** Overdue: still pending after the threshold. Derived, never stored. */
export function isOverdue(
  r: Pick<PaymentRecord, 'status' | 'recordedAt'>,
  now: number,
  thresholdMs: number,
): boolean {
  return isPending(r) && now - r.recordedAt >= thresholdMs;
}

/** Our id for a record: the e-LAAS reference when there is one, else what was saved and when. */
export function recordId(scope: { origin: string; unit: string; user: string }, key: string): string {
  return `${scope.origin}|${scope.unit}|${scope.user}|${key}`;
}

/** What the extension learned when the clerk recorded a payment (from the API or the form). */
export interface CapturedPayment {
  elaasId: string | null;
  ref: string | null;
  dekaNo: string;
  payee: string;
  amount: number;
  payDate: string;
  fiscalYear: number;
  status: VoucherStatus;
  voucherNo: string | null;
  voucherCreatedAt: number | null;
}

/** Who recorded it, as the e-LAAS page shows (the origin comes from the browser, not the page). */
export interface Scope {
  unit: string;
  user: string;
}

/** When a record last changed. */
export function lastChange(r: Pick<PaymentRecord, 'recordedAt' | 'history'>): number {
  return Math.max(r.recordedAt, ...r.history.map((e) => e.at));
}

/** Failures stay in the panel this long (they need the clerk's action); the rest until day's end. */
const FAILED_SHOWN_MS = 7 * 24 * 3600_000;

/**
 * The records a clerk's panel lists: their own that are waiting or failed (last 7 days), and
 * those that finished today (Bangkok day).
 */
export function panelRecords(records: PaymentRecord[], now: number): PaymentRecord[] {
  const today = isoDay(now);
  return records
    .filter((r) => {
      const at = lastChange(r);
      if (isPending(r)) return true;
      if (r.status === 'failed') return now - at < FAILED_SHOWN_MS;
      return isoDay(at) === today;
    })
    .sort((a, b) => b.recordedAt - a.recordedAt);
}
