/**
 * When to check e-LAAS next, and for what. Pure: records, the poller's state and the time come in.
 *
 * Schedule: each pending payment wants a check when a quarter of its age has passed since it was
 * last checked (or recorded), kept between the minimum and maximum interval. So a payment recorded
 * a minute ago is checked every `min` (30 s by default), one ten minutes old every 2½ minutes, one
 * an hour old every 15 minutes (`max`). Vouchers usually come within minutes, so early checks find
 * them fast; at month-end and year-end they take hours, and the interval stretches so thousands of
 * clerks do not hammer a busy e-LAAS. One check covers every pending payment (one batched request),
 * so the next check is the earliest any payment wants. Nothing pending: no check at all.
 * Failures back off exponentially; maintenance waits longer; offline, logged out or no e-LAAS tab
 * retry slowly by themselves and at once when the cause goes away.
 */
import { isPending, type PaymentRecord } from './records';

export interface PollSettings {
  minIntervalMs: number;
  maxIntervalMs: number;
}

export type PauseReason = 'offline' | 'logged-out' | 'maintenance' | 'no-tab' | 'site-error';

export interface PollerState {
  lastCheckAt: number | null;
  /** Failed checks in a row (e-LAAS errors, unreadable answers). */
  failures: number;
  paused: PauseReason | null;
}

export const MAINTENANCE_WAIT_MS = 5 * 60_000;

export function intervalFor(ageMs: number, s: PollSettings): number {
  return Math.min(s.maxIntervalMs, Math.max(s.minIntervalMs, Math.round(ageMs / 4)));
}

/** The time of the next check, or null when nothing is pending. Never earlier than `now`. */
export function nextCheckAt(
  records: readonly PaymentRecord[],
  state: PollerState,
  s: PollSettings,
  now: number,
): number | null {
  const pending = records.filter(isPending);
  if (pending.length === 0) return null;
  let due = Number.POSITIVE_INFINITY;
  for (const r of pending) {
    const since = Math.max(r.lastCheckedAt ?? r.recordedAt, r.recordedAt);
    due = Math.min(due, since + intervalFor(now - r.recordedAt, s));
  }
  const last = state.lastCheckAt;
  if (last !== null) {
    let wait = 0;
    if (state.paused === 'maintenance') wait = Math.max(MAINTENANCE_WAIT_MS, s.minIntervalMs);
    else if (state.paused) wait = Math.min(s.maxIntervalMs, Math.max(s.minIntervalMs, 60_000));
    if (state.failures > 0)
      wait = Math.max(wait, Math.min(s.maxIntervalMs, s.minIntervalMs * 2 ** state.failures));
    // Never more often than the minimum interval, however many payments want a check.
    due = Math.max(due, last + Math.max(wait, s.minIntervalMs));
  }
  return Math.max(due, now);
}

/** What one check asks e-LAAS for: every pending payment of one clerk, in one request. */
export interface CheckPlan {
  /** The earliest pay date among pending payments (the list is filtered from there). */
  dateFrom: string;
  fiscalYears: number[];
  ids: string[];
}

export function planCheck(records: readonly PaymentRecord[]): CheckPlan | null {
  const pending = records.filter(isPending);
  if (pending.length === 0) return null;
  const dateFrom = pending.map((r) => r.payDate).sort()[0] ?? '';
  // A save known from its form only (no answer read) has the year guessed from its pay date; a
  // ฎีกา of last year's budget paid today is listed under last year: both are read (before
  // saying e-LAAS never got an unanswered save, too).
  const fiscalYears = [
    ...new Set(
      pending.flatMap((r) => (r.capturedFrom === 'api' ? [r.fiscalYear] : [r.fiscalYear - 1, r.fiscalYear])),
    ),
  ]
    .sort()
    .slice(-3);
  return { dateFrom, fiscalYears, ids: pending.map((r) => r.id) };
}
