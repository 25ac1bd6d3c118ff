/**
 * The userscript (npm run build:userscript) in real Chromium and Firefox ESR, injected with small
 * GM_* stand-ins (harness/userscript.ts), against the simulator: it captures a payment and polls
 * e-LAAS itself; with three tabs of e-LAAS open only one tab polls (the simulator counts the
 * requests), every tab's panel follows, and when that tab closes another takes over.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { startSimulator } from '../../simulator/server';
import {
  expectPanelShowsTruth,
  panelShowsCreated,
  panelStatuses,
  RECORD,
  recordPayments,
  waitForRecords,
} from './harness/elaas';
import { openSignedIn, readPanel } from './harness/overlay';
import { BROWSERS, type Session, type TestPage } from './harness/session';
import { launchWithUserscript } from './harness/userscript';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z');
const LIST = '#/expenditure/payments';

/** Our status requests (the bridge asks 100 a page; e-LAAS' own list asks 10 or 20). */
function ourChecks(sim: Simulator): number {
  return sim.ctx.requests.filter(
    (r) => r.startsWith('GET /api/v1/expenditure/payments?') && r.includes('size=100'),
  ).length;
}

/** Settings in the manager's storage before the script first runs: checks every 15 s at least. */
async function quickChecks(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    localStorage.setItem(
      'gm-stand-in:evw:settings',
      JSON.stringify({ pollMinSeconds: 15, pollMaxSeconds: 60 }),
    );
  }, null);
}

function notificationsShown(page: TestPage): Promise<{ title: string; text: string }[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('gm-stand-in-notifications') || '[]'), null);
}

for (const browserName of BROWSERS) {
  describe(`the userscript in ${browserName} (design A)`, () => {
    let sim: Simulator;
    let session: Session;
    // A simulator per test: a new port is a new origin, so the script's storage starts empty
    // (a reset simulator numbers its payments from 1 again, which a remembering script would
    // take for the old ones).
    beforeAll(async () => {
      session = await launchWithUserscript(browserName);
    });
    beforeEach(async () => {
      sim = await startSimulator({ design: 'A', start: JUNE_10, seed: 21, scenario: 'year-end' });
    });
    afterEach(async () => {
      await sim?.close();
    });
    afterAll(async () => {
      await session?.close();
    });

    it('shows the notice and panel, captures a payment, and polls e-LAAS by itself until the voucher exists', async () => {
      const page = await session.newPage();
      await openSignedIn(page, sim.url + RECORD);
      await quickChecks(page);
      await page.reload();
      await page.waitFor(
        () => document.querySelector('evw-notice') && document.querySelector('evw-panel'),
        null,
      );
      await recordPayments(page, 1);
      await waitForRecords(page, 1);
      expect(await panelStatuses(page)).toEqual(['awaiting']);
      // No settings page to open in a userscript: the panel offers none.
      expect(
        await page.evaluate(
          () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-settings') ?? null,
          null,
        ),
      ).toBeNull();

      // e-LAAS gets to it (hours at year-end); the script's own next check finds the voucher.
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      await panelShowsCreated(page, 45_000);
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], sim.ctx.state.payments);
      expect(ourChecks(sim)).toBeGreaterThan(0);
      const [p] = sim.ctx.state.payments;
      const shown = await notificationsShown(page);
      expect(shown.map((n) => n.text).join('\n')).toContain(`ฎีกา ${p?.dekaNo} → ${p?.voucherNo}`);
      await page.close();
    }, 90_000);

    it('polls from one tab of three; every panel follows; another tab takes over when it closes', async () => {
      const [a, b, c] = [await session.newPage(), await session.newPage(), await session.newPage()];
      await openSignedIn(a, sim.url + LIST);
      await quickChecks(a);
      for (const tab of [a, b, c]) {
        await (tab === a ? tab.reload() : openSignedIn(tab, sim.url + LIST));
        await tab.waitFor(() => document.querySelector('evw-panel'), null);
      }
      // Record in the second tab: the first one, which leads, plans a check for it.
      await b.goto(sim.url + RECORD);
      await recordPayments(b, 1);
      const recordedAt = Date.now();
      for (const tab of [a, b, c]) await waitForRecords(tab, 1);

      // 24 s with a payment waiting (year-end: e-LAAS has not got to it): its first check is due
      // 15 s after it, then at most every 15 s, by one tab: one request, or two; three tabs
      // polling would make three or more. (35 s before: the same test, 11 s longer per browser.)
      sim.ctx.requests.length = 0;
      await new Promise((r) => setTimeout(r, Math.max(0, recordedAt + 24_000 - Date.now())));
      const inWindow = ourChecks(sim);
      expect(inWindow, sim.ctx.requests.join('\n')).toBeGreaterThanOrEqual(1);
      expect(inWindow, sim.ctx.requests.join('\n')).toBeLessThanOrEqual(2);

      // The leading tab closes: another takes over and keeps checking.
      await a.close();
      sim.ctx.requests.length = 0;
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      for (const tab of [b, c]) {
        await panelShowsCreated(tab, 60_000);
        expectPanelShowsTruth((await readPanel(tab))?.records ?? [], sim.ctx.state.payments);
      }
      expect(ourChecks(sim)).toBeGreaterThanOrEqual(1);
      // One tab checked, so one notification in all.
      const shown = [...(await notificationsShown(b)), ...(await notificationsShown(c))];
      expect(shown).toHaveLength(1);
      await b.close();
      await c.close();
    }, 150_000);
  });
}
