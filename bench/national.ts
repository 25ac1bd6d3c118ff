/**
 * Load on e-LAAS at national scale: a month-end working day for 25,000 clerks in 7,850 units, each
 * browser checking with the real planner (core/planner.ts, default settings), against two
 * references in the same run: clerks who refresh the payments list every minute while a payment
 * waits, and an ideal server push (no polling, seen at once). Arrivals follow a working day
 * (a morning rise, a lunch dip, an afternoon peak); vouchers take longer as the day's backlog grows.
 */
import { nextCheckAt, type PollSettings, planCheck } from '../core/planner';
import type { PaymentRecord } from '../core/records';
import { createRandom, type Random } from '../simulator/model/random';
import { record as fixture } from '../test/fixtures/records';
import { percentile } from './machine';

export const CLERKS = 25_000;
export const UNITS = 7_850;
const MIN = 60_000;
/** 08:30 Bangkok on a month-end day. */
const T0 = Date.parse('2026-06-30T01:30:00Z');
const DAY_MS = 8 * 60 * MIN;
/** Payments are followed until 4 hours after the office closes. */
const END = T0 + DAY_MS + 4 * 60 * MIN;
const SETTINGS: PollSettings = { minIntervalMs: 30_000, maxIntervalMs: 15 * MIN };
/** Payments recorded per clerk on a month-end day (mean). */
const PAYMENTS_PER_CLERK = 10;

/** How busy the day is at `t` ms after 08:30 (relative): rises to 11:00, lunch, peak 14:00–15:30. */
function intensity(t: number): number {
  const h = t / (60 * MIN) + 8.5;
  if (h >= 12 && h < 13) return 0.25;
  if (h < 12) return 0.7 + 0.6 * Math.min(1, (h - 8.5) / 2.5);
  if (h < 14) return 1.1;
  if (h < 15.5) return 1.4;
  return 0.9;
}

/** A time in the working day, following `intensity` (rejection sampling). */
function arrival(rnd: Random): number {
  for (;;) {
    const t = rnd.next() * DAY_MS;
    if (rnd.next() * 1.4 <= intensity(t)) return T0 + Math.round(t);
  }
}

/** The voucher's delay: log-normal, median 3 minutes at opening growing to 30 by 15:00. */
function delay(rnd: Random, at: number): number {
  const h = (at - T0) / (60 * MIN);
  const median = (3 + Math.min(1, h / 6.5) * 27) * MIN;
  // Box–Muller: a standard normal from two uniforms.
  const z = Math.sqrt(-2 * Math.log(1 - rnd.next())) * Math.cos(2 * Math.PI * rnd.next());
  return Math.round(median * Math.exp(0.8 * z));
}

/** Poisson with mean `mean` (Knuth; small means). */
function poisson(rnd: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rnd.next();
  while (p > limit) {
    k++;
    p *= rnd.next();
  }
  return k;
}

interface Payment {
  rec: PaymentRecord;
  readyAt: number;
}

function clerkDay(rnd: Random, clerk: number): Payment[] {
  const n = poisson(rnd, PAYMENTS_PER_CLERK);
  const times = Array.from({ length: n }, () => arrival(rnd)).sort((a, b) => a - b);
  return times.map((at, i) => ({
    rec: fixture({
      id: `c${clerk}-${i}`,
      unit: `u${clerk % UNITS}`,
      user: `c${clerk}`,
      dekaNo: `${i + 1}/2569`,
      amount: 100_000 + i,
      payDate: '2026-06-30',
      recordedAt: at,
      history: [],
    }),
    readyAt: at + delay(rnd, at),
  }));
}

/** Our checks for one clerk's day with the real planner: request times and detection delays. */
function ourChecks(payments: Payment[], requests: number[], detect: number[]): void {
  let now = T0;
  let lastCheckAt: number | null = null;
  let next = 0; // the first payment not yet recorded
  while (now < END) {
    while (next < payments.length && (payments[next] as Payment).rec.recordedAt <= now) next++;
    const live = payments.slice(0, next).map((p) => p.rec);
    const at = nextCheckAt(live, { lastCheckAt, failures: 0, paused: null }, SETTINGS, now);
    const nextRecord = next < payments.length ? (payments[next] as Payment).rec.recordedAt : END;
    if (at === null || at > nextRecord) {
      now = nextRecord;
      if (next >= payments.length && at === null) break;
      continue;
    }
    now = at;
    if (now >= END || !planCheck(live)) break;
    requests.push(now);
    lastCheckAt = now;
    for (const p of payments.slice(0, next)) {
      if (p.rec.status !== 'awaiting') continue;
      p.rec.lastCheckedAt = now;
      if (p.readyAt <= now) {
        p.rec.status = 'created';
        detect.push(now - p.readyAt);
      }
    }
  }
}

/** A clerk who refreshes the list every minute while something waits, and sees what is there. */
function refreshingClerk(payments: Payment[], requests: number[], detect: number[]): void {
  const waiting: Payment[] = [];
  let next = 0;
  let t = payments[0]?.rec.recordedAt ?? END;
  while (t < END && (next < payments.length || waiting.length > 0)) {
    while (next < payments.length && (payments[next] as Payment).rec.recordedAt <= t) {
      waiting.push(payments[next] as Payment);
      next++;
    }
    if (waiting.length === 0) {
      // Nothing waits: back to work until the next payment.
      t = (payments[next] as Payment).rec.recordedAt;
      continue;
    }
    t += MIN;
    if (t >= END) break;
    requests.push(t);
    for (let i = waiting.length - 1; i >= 0; i--) {
      const p = waiting[i] as Payment;
      if (p.readyAt <= t) {
        detect.push(t - p.readyAt);
        waiting.splice(i, 1);
      }
    }
  }
}

export interface NationalResult {
  payments: number;
  ours: Figures;
  refresh: Figures;
  /** Requests per second, per 5-minute bucket from 08:30, for the chart. */
  series: { ours: number[]; refresh: number[] };
}

export interface Figures {
  requests: number;
  peakPerSecond: number;
  averagePerSecond: number;
  p50: number;
  p95: number;
}

const BUCKET = 5 * MIN;

function figures(requests: number[], detect: number[]): Figures & { buckets: number[] } {
  const buckets = new Array(Math.ceil((END - T0) / BUCKET)).fill(0) as number[];
  const minutes = new Map<number, number>();
  for (const t of requests) {
    const b = Math.floor((t - T0) / BUCKET);
    if (b >= 0 && b < buckets.length) buckets[b] = (buckets[b] as number) + 1;
    const m = Math.floor((t - T0) / MIN);
    minutes.set(m, (minutes.get(m) ?? 0) + 1);
  }
  detect.sort((a, b) => a - b);
  const working = requests.filter((t) => t < T0 + DAY_MS).length;
  return {
    requests: requests.length,
    peakPerSecond: Math.max(...minutes.values()) / 60,
    averagePerSecond: working / (DAY_MS / 1000),
    p50: percentile(detect, 50) / 1000,
    p95: percentile(detect, 95) / 1000,
    buckets: buckets.map((n) => n / (BUCKET / 1000)),
  };
}

export function benchNational(clerks = CLERKS): NationalResult {
  const rnd = createRandom(2569);
  const ours: number[] = [];
  const oursDetect: number[] = [];
  const refresh: number[] = [];
  const refreshDetect: number[] = [];
  let payments = 0;
  for (let c = 0; c < clerks; c++) {
    const day = clerkDay(rnd, c);
    payments += day.length;
    refreshingClerk(day, refresh, refreshDetect);
    ourChecks(day, ours, oursDetect);
  }
  const a = figures(ours, oursDetect);
  const b = figures(refresh, refreshDetect);
  return {
    payments,
    ours: a,
    refresh: b,
    series: { ours: a.buckets, refresh: b.buckets },
  };
}

/** The chart as SVG (drawn to PNG in real Chromium by bench/run.ts). */
export function nationalSvg(r: NationalResult): string {
  const [w, h, left, bottom, top] = [960, 420, 70, 50, 40];
  const max = Math.max(...r.series.refresh, ...r.series.ours) * 1.1;
  const n = r.series.ours.length;
  const x = (i: number) => left + (i / (n - 1)) * (w - left - 20);
  const y = (v: number) => h - bottom - (v / max) * (h - bottom - top);
  const line = (values: number[]) =>
    values.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const ticksY = Array.from({ length: 6 }, (_, i) => (max / 5) * i);
  const hours = Array.from({ length: 13 }, (_, i) => i);
  const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="Noto Sans Thai, Loma, sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${left}" y="24" font-size="16" font-weight="bold" fill="#1b2a3a">${text('Requests per second to e-LAAS, month-end day, 25,000 clerks (5-minute averages)')}</text>
${ticksY.map((v) => `<line x1="${left}" x2="${w - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e7ec"/><text x="${left - 8}" y="${y(v) + 4}" text-anchor="end" fill="#4a5a6a">${v.toFixed(0)}</text>`).join('\n')}
${hours.map((hr) => `<text x="${x((hr * 60) / 5)}" y="${h - bottom + 20}" text-anchor="middle" fill="#4a5a6a">${String(8 + hr).padStart(2, '0')}:30</text>`).join('\n')}
<path d="${line(r.series.refresh)}" fill="none" stroke="#a4161a" stroke-width="2"/>
<path d="${line(r.series.ours)}" fill="none" stroke="#123c69" stroke-width="2.5"/>
<line x1="${left}" x2="${w - 20}" y1="${y(0)}" y2="${y(0)}" stroke="#0f5b2d" stroke-width="2" stroke-dasharray="6 4"/>
<rect x="${w - 330}" y="${top}" width="300" height="70" fill="#fff" stroke="#c9d2dc"/>
<line x1="${w - 318}" x2="${w - 290}" y1="${top + 18}" y2="${top + 18}" stroke="#a4161a" stroke-width="2"/><text x="${w - 282}" y="${top + 22}">clerks refreshing every minute</text>
<line x1="${w - 318}" x2="${w - 290}" y1="${top + 38}" y2="${top + 38}" stroke="#123c69" stroke-width="2.5"/><text x="${w - 282}" y="${top + 42}">Voucher Watch (real planner)</text>
<line x1="${w - 318}" x2="${w - 290}" y1="${top + 58}" y2="${top + 58}" stroke="#0f5b2d" stroke-width="2" stroke-dasharray="6 4"/><text x="${w - 282}" y="${top + 62}">ideal server push (no polling)</text>
</svg>`;
}

export function nationalReport(r: NationalResult, chart: string | null): string {
  const row = (name: string, f: Figures) =>
    `| ${name} | ${f.requests.toLocaleString('en-US')} | ${f.peakPerSecond.toFixed(0)} | ${f.averagePerSecond.toFixed(1)} | ${f.p50.toFixed(0)} s / ${f.p95.toFixed(0)} s |`;
  return [
    '## Load on e-LAAS at national scale',
    '',
    `A month-end working day (08:30–16:30, followed to 20:30) for ${CLERKS.toLocaleString('en-US')} clerks in ${UNITS.toLocaleString('en-US')} units,`,
    `${r.payments.toLocaleString('en-US')} payments (about ${PAYMENTS_PER_CLERK} per clerk, a morning rise, a lunch dip and an afternoon peak),`,
    'vouchers after a log-normal delay whose median grows from 3 to 30 minutes as the backlog builds.',
    'Each browser checks with the real planner (default settings: at least 30 s apart, backing off to',
    '15 min); one check is one request. Detection: from voucher creation to the clerk seeing it.',
    '',
    '| who asks e-LAAS | requests | peak per second (busiest minute) | average per second (08:30–16:30) | detection p50 / p95 |',
    '|---|---|---|---|---|',
    row('Voucher Watch', r.ours),
    row('clerks refreshing the list every minute', r.refresh),
    '| ideal server push | 0 | 0 | 0 | 0 s / 0 s |',
    '',
    `Against clerks refreshing by hand: ${((1 - r.ours.requests / r.refresh.requests) * 100).toFixed(0)} % fewer requests, peak ${(r.ours.peakPerSecond / r.refresh.peakPerSecond).toFixed(2)}× theirs.`,
    '',
    chart ? `![Requests per second over the day](${chart})` : '',
    '',
  ].join('\n');
}
