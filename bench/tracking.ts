/**
 * Tracking costs: matching a 10,000-row list against 1,000 pending records, and how many requests
 * a clerk's browser sends e-LAAS in a typical working day with the real planner, against a clerk
 * who refreshes the payments list every minute.
 */
import { match } from '../core/matcher';
import { nextCheckAt, type PollSettings, planCheck } from '../core/planner';
import type { PaymentRecord, StatusRow } from '../core/records';
import { applyRow } from '../core/status';
import { createRandom } from '../simulator/model/random';
import { record as fixture } from '../test/fixtures/records';
import { ms, percentile } from './machine';

const T0 = Date.parse('2026-06-15T01:30:00Z'); // 08:30 in Bangkok
const MIN = 60_000;
const SETTINGS: PollSettings = { minIntervalMs: 30_000, maxIntervalMs: 15 * MIN };

function record(i: number, at: number): PaymentRecord {
  return fixture({
    id: `r${i}`,
    unit: 'u',
    user: 'x',
    dekaNo: `${100 + i}/2569`,
    payee: 'p',
    amount: 100_000 + i,
    payDate: '2026-06-15',
    recordedAt: at,
    history: [],
  });
}

export function benchMatching(): { median: number; p95: number; matched: number } {
  const records = Array.from({ length: 1000 }, (_, i) => record(i, T0 + i));
  const rows: StatusRow[] = Array.from({ length: 10_000 }, (_, i) => ({
    elaasId: null,
    ref: null,
    dekaNo: `${100 + i}/2569`,
    amount: 100_000 + i,
    payDate: '2026-06-15',
    status: i % 3 === 0 ? 'created' : 'processing',
    voucherNo: i % 3 === 0 ? `PV2569-${String(i).padStart(6, '0')}` : null,
    voucherCreatedAt: null,
    failureReason: null,
  }));
  const times: number[] = [];
  let matched = 0;
  for (let run = 0; run < 25; run++) {
    const start = performance.now();
    const pairs = match(records, rows);
    for (const p of pairs) applyRow(p.record, p.row, T0, 'check');
    times.push(performance.now() - start);
    matched = pairs.length;
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), matched };
}

/**
 * A typical day: 20 payments between 08:30 and 16:30; each voucher appears after a delay of
 * seconds to minutes (normal day) or up to hours (month-end). Count our checks with the planner.
 */
export function benchRequests(scenario: 'normal' | 'month-end'): {
  checks: number;
  perHour: number;
  refreshPerHour: number;
  p50Detect: number;
  p95Detect: number;
} {
  const rnd = createRandom(scenario === 'normal' ? 11 : 12);
  const day = 8 * 60 * MIN;
  const payments = Array.from({ length: 20 }, (_, i) => {
    const at = T0 + Math.round((i + rnd.next()) * (day / 20));
    const delay = scenario === 'normal' ? rnd.between(20_000, 6 * MIN) : rnd.between(10 * MIN, 3 * 60 * MIN);
    return { rec: record(i, at), readyAt: at + delay };
  });
  let now = T0;
  let checks = 0;
  let lastCheckAt: number | null = null;
  const detect: number[] = [];
  const end = T0 + day + 4 * 60 * MIN;
  while (now < end) {
    const live = payments.filter((p) => p.rec.recordedAt <= now).map((p) => p.rec);
    const at = nextCheckAt(live, { lastCheckAt, failures: 0, paused: null }, SETTINGS, now);
    // Nothing pending: sleep until the next payment is recorded.
    const nextRecord = payments.find((p) => p.rec.recordedAt > now)?.rec.recordedAt ?? end;
    if (at === null || at > nextRecord) {
      now = nextRecord;
      continue;
    }
    now = at;
    const plan = planCheck(live);
    if (!plan) continue;
    checks++;
    lastCheckAt = now;
    for (const p of payments) {
      if (p.rec.recordedAt > now || p.rec.status !== 'awaiting') continue;
      p.rec.lastCheckedAt = now;
      if (p.readyAt <= now) {
        p.rec.status = 'created';
        detect.push(now - p.readyAt);
      }
    }
  }
  detect.sort((a, b) => a - b);
  const hours = day / (60 * MIN);
  return {
    checks,
    perHour: checks / hours,
    refreshPerHour: 60,
    p50Detect: percentile(detect, 50) / 1000,
    p95Detect: percentile(detect, 95) / 1000,
  };
}

export function trackingReport(): string {
  const m = benchMatching();
  const normal = benchRequests('normal');
  const busy = benchRequests('month-end');
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  return [
    '## Tracking',
    '',
    'Matching and applying a 10,000-row payments list against 1,000 pending records (median of 25 runs):',
    '',
    '| figure | value | goal | |',
    '|---|---|---|---|',
    `| match + apply, median / p95 | ${ms(m.median)} / ${ms(m.p95)} | ≤ 20 ms | ${mark(m.median <= 20)} |`,
    `| records matched | ${m.matched} of 1,000 | all | ${mark(m.matched === 1000)} |`,
    '',
    'Requests to e-LAAS per clerk, a working day of 20 payments (08:30–16:30) with the real planner',
    '(min 30 s, max 15 min), against a clerk who refreshes the payments list every minute:',
    '',
    '| day | our checks | per hour | refreshing clerk per hour | voucher seen after p50 / p95 |',
    '|---|---|---|---|---|',
    `| normal (vouchers in seconds to minutes) | ${normal.checks} | ${normal.perHour.toFixed(1)} | ${normal.refreshPerHour} | ${normal.p50Detect.toFixed(0)} s / ${normal.p95Detect.toFixed(0)} s |`,
    `| month-end (vouchers in minutes to hours) | ${busy.checks} | ${busy.perHour.toFixed(1)} | ${busy.refreshPerHour} | ${busy.p50Detect.toFixed(0)} s / ${busy.p95Detect.toFixed(0)} s |`,
    '',
  ].join('\n');
}
