/**
 * feature: pending-panel
 * Nothing lost, nothing twice, when the background goes away: Chrome stopping the extension's
 * service worker while payments wait, and the browser restarting mid-wait on the same profile.
 * Afterwards every payment shows what e-LAAS (the simulator's truth) says, once.
 *
 * Chromium only, on purpose: Firefox runs the background as an event page that automation cannot
 * stop, and an add-on the test installs is temporary (gone after a restart).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/server';
import {
  expectPanelShowsTruth,
  RECORD,
  recordPayments,
  storedDekas,
  waitForFinalStatuses,
  waitForRecords,
} from './harness/elaas';
import { TMP } from './harness/env';
import { openSignedIn, readPanel } from './harness/overlay';
import { launch, type TestPage } from './harness/session';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z');

describe('the background stopped or restarted mid-wait (chromium)', () => {
  const profileDir = mkdtempSync(join(TMP, 'chromium-restart-'));
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('loses nothing and keeps nothing twice when the service worker stops, then when the browser restarts', async () => {
    // Normal days: vouchers in seconds to minutes.
    const sim = await startSimulator({ design: 'A', start: JUNE_10, seed: 23 });
    let session = await launch('chromium', 'testing', { profileDir });
    try {
      let page: TestPage = await session.newPage();
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 3);
      await waitForRecords(page, 3);

      // Chrome stops the idle worker: the next check wakes it, and it finds all three.
      await session.stopBackground?.();
      sim.ctx.clock.advance(3 * 3600_000, Date.now());
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await waitForFinalStatuses(page, 3);
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], sim.ctx.state.payments);

      // Two more wait; the browser closes and opens again on the same profile.
      await page.goto('about:blank');
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 2);
      await waitForRecords(page, 5);
      await session.close();
      session = await launch('chromium', 'testing', { profileDir });
      page = await session.newPage();
      await openSignedIn(page, sim.url + RECORD);
      await waitForRecords(page, 5);
      sim.ctx.clock.advance(3 * 3600_000, Date.now());
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await waitForFinalStatuses(page, 5);

      const truth = sim.ctx.state.payments;
      expect(truth).toHaveLength(5);
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], truth);
      // Once each: five payments, five records.
      expect(await storedDekas(session)).toEqual(truth.map((p) => p.dekaNo).sort());
    } finally {
      await session.close();
      await sim.close();
    }
  }, 120_000);
});
