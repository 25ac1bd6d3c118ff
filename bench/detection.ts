/**
 * Detection latency end to end in real Chromium against the simulator: the testing build with its
 * default settings (checks at least 30 s apart), payments recorded a quarter-minute apart on a
 * normal day (e-LAAS makes vouchers in seconds); from the moment e-LAAS created each voucher (the
 * simulator's truth) to the check that found it, which is when the notification goes out.
 */
import { startSimulator } from '../simulator/server';
import { RECORD } from '../test/e2e/harness/elaas';
import { openSignedIn, resetExtension } from '../test/e2e/harness/overlay';
import { launch } from '../test/e2e/harness/session';
import { percentile } from './machine';

const PAYMENTS = 10;
const APART_MS = 15_000;
const JUNE_10 = Date.parse('2026-06-10T03:00:00Z');

export interface DetectionBench {
  payments: number;
  p50: number;
  p95: number;
  notified: number;
}

interface Exported {
  dekaNo: string;
  status: string;
  history: { status: string; at: number }[];
}

export async function benchDetection(): Promise<DetectionBench> {
  const sim = await startSimulator({ design: 'A', start: JUNE_10, seed: 41, scenario: 'normal' });
  const session = await launch('chromium');
  try {
    await resetExtension(session, null);
    const page = await session.newPage();
    await openSignedIn(page, sim.url + RECORD);
    await page.waitFor(() => document.querySelectorAll('#deka-results .select-deka').length >= 10, null);
    for (let i = 0; i < PAYMENTS; i++) {
      // A new ฎีกา each time (the list keeps those still waiting for their voucher).
      await page.waitFor((k) => document.querySelectorAll('#deka-results .select-deka').length > k, i);
      await page.evaluate((k) => {
        (document.querySelectorAll('#deka-results .select-deka')[k] as HTMLElement).click();
      }, i);
      await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
      await page.evaluate(() => (document.querySelector('#save') as HTMLElement).click(), null);
      await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
      await page.evaluate(() => (document.querySelector('#dlg-ok') as HTMLElement).click(), null);
      await page.waitFor(() => document.querySelector('#result-dialog') === null, null);
      await new Promise((r) => setTimeout(r, APART_MS));
    }
    // Wait until the extension has every voucher.
    const exported = async () =>
      (await session.inExtension(
        async () =>
          (
            (await (
              globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
            ).chrome.runtime.sendMessage({ type: 'records/export' })) as { data: Exported[] }
          ).data,
        null,
      )) as Exported[];
    let records = await exported();
    for (let i = 0; i < 240 && records.filter((r) => r.status === 'created').length < PAYMENTS; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      records = await exported();
    }
    // The simulator's clock runs at real speed from JUNE_10: its times map back to real ones.
    const simToReal = (t: number) => t - sim.ctx.clock.now(Date.now()) + Date.now();
    const delays: number[] = [];
    for (const p of sim.ctx.state.payments) {
      const seen = records.find((r) => r.dekaNo === p.dekaNo)?.history.find((h) => h.status === 'created');
      if (seen && p.voucherCreatedAt) delays.push(seen.at - simToReal(p.voucherCreatedAt));
    }
    delays.sort((a, b) => a - b);
    return {
      payments: sim.ctx.state.payments.length,
      notified: delays.length,
      p50: percentile(delays, 50) / 1000,
      p95: percentile(delays, 95) / 1000,
    };
  } finally {
    await session.close();
    await sim.close();
  }
}

export function detectionReport(r: DetectionBench): string {
  return [
    '## Detection latency, end to end (real Chromium, simulator)',
    '',
    `${r.payments} payments recorded ${APART_MS / 1000} s apart on a normal day (vouchers in seconds), the testing build with`,
    "default settings (checks at least 30 s apart); from the voucher's creation in e-LAAS (the",
    "simulator's truth) to the check that found it, when the notification goes out:",
    '',
    '| vouchers found | p50 | p95 |',
    '|---|---|---|',
    `| ${r.notified} of ${r.payments} | ${r.p50.toFixed(1)} s | ${r.p95.toFixed(1)} s |`,
    '',
    'The planner waits at least 30 s between checks (a polite client); the national-scale figures',
    'above show what that costs e-LAAS and what refreshing by hand would.',
    '',
  ].join('\n');
}
