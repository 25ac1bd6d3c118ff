/**
 * feature: pending-panel
 * Nothing let in, end to end in both browsers: a page that forges the bridge's messages or tries
 * to take its line plants no record and makes nobody ask e-LAAS anything; the overlay runs under
 * the page's CSP and out of the page's reach; a full disk is said in
 * the panel and loses no payment; payees with markup, handlers, right-to-left marks or thousands
 * of characters are shown as inert, bounded text.
 */
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { DEFAULT_PROFILE } from '../../site/profile';
import { RECORD, recordPayments, storedDekas, waitForRecords } from './harness/elaas';
import { openSignedIn, readPanel, setStorage } from './harness/overlay';
import { useRig } from './harness/rig';
import { BROWSERS, type Session, type TestPage } from './harness/session';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z');
const LIST_API = 'GET /api/v1/expenditure/payments';

/** What e-LAAS answers to a recorded payment, as a forger would write it. */
const FORGED_ANSWER = JSON.stringify({
  [DEFAULT_PROFILE.api.envelope.code]: DEFAULT_PROFILE.api.envelope.success[0],
  [DEFAULT_PROFILE.api.envelope.data]: {
    id: 'forged-1',
    ref: 'PAY2569-999999',
    dekaNo: '999/2569',
    payee: 'ผู้ปลอม',
    netAmount: 1000,
    payDate: '2026-06-10',
    status: 'AWAITING',
  },
});

const HOSTILE = [
  '<img src=x onerror="window.__evwPwned=1">',
  '<script>window.__evwPwned=1</script>\u202Eลงชื่อ\u202C ร้าน',
  `ร้าน${'ก'.repeat(6000)}`,
];

for (const browserName of BROWSERS) {
  describe(`nothing let in (${browserName})`, () => {
    let sim: Simulator;
    let page: TestPage;
    let session: Session;
    useRig(browserName, { design: 'A', start: JUNE_10, seed: 17 }, null, (r) => {
      if (r.sim) sim = r.sim;
      if (r.session) session = r.session;
      if (r.page) page = r.page;
    });

    it("ignores a page forging the bridge's messages or taking its line; the real line still works", async () => {
      await openSignedIn(page, sim.url + RECORD);
      await page.waitFor(
        () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-panel'),
        null,
      );
      const before = sim.ctx.counts.get(LIST_API) ?? 0;
      // The page's own script, in the page's world.
      await page.evaluate((body) => {
        const recorded = { source: 'evw-bridge', type: 'recorded', status: 200, body };
        window.postMessage(recorded, location.origin);
        window.postMessage({ source: 'evw-bridge', type: 'ready' }, location.origin);
        window.postMessage(
          {
            source: 'evw-content',
            type: 'run-check',
            id: 'x1',
            dateFrom: '2026-06-01',
            fiscalYear: 2569,
            page: 1,
          },
          location.origin,
        );
        const line = JSON.stringify({ from: 'bridge', type: 'recorded', status: 200, body });
        const el = document.createElement('div');
        document.documentElement.append(el);
        el.dispatchEvent(new CustomEvent('evw-bridge-connect', { bubbles: true }));
        el.dispatchEvent(new CustomEvent('evw-bridge-line', { detail: line, bubbles: true }));
        el.remove();
        document.dispatchEvent(new CustomEvent('evw-bridge-line', { detail: line }));
        document.dispatchEvent(new CustomEvent('evw-bridge-here'));
      }, FORGED_ANSWER);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await readPanel(page))?.records ?? []).toEqual([]);
      expect(sim.ctx.counts.get(LIST_API) ?? 0).toBe(before);
      expect(sim.ctx.state.payments).toEqual([]);

      // The clerk's real save still arrives through the bridge's private line.
      await recordPayments(page, 1);
      await waitForRecords(page, 1);
      const shown = await readPanel(page);
      expect(shown?.records.map((r) => r.deka)).toEqual(sim.ctx.state.payments.map((p) => p.dekaNo));
    });

    it("runs the overlay out of the page's reach, under the page's own CSP", async () => {
      // The simulator's pages forbid any script but their origin's (as a careful e-LAAS would).
      const res = await fetch(sim.url + RECORD);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      // In Chromium the overlay is a module elaas-line.js imports into the isolated world:
      // the page's CSP does not stop it, and the page's world sees none of its code.
      await openSignedIn(page, sim.url + RECORD);
      await page.waitFor(
        () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-panel'),
        null,
      );
      const reach = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return ['elaas', 'elaasOverlay', 'elaasLine'].filter((name) => name in w);
      }, null);
      expect(reach).toEqual([]);
    });

    it('storage full: the panel says so and lists the payment; nothing is lost once there is room', async () => {
      await setStorage(session, { devStorageFault: 'quota' });
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 2);
      await waitForRecords(page, 2);
      const inPanel = () =>
        document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-storage-problem')?.textContent ??
        '';
      const problem = () => page.evaluate(inPanel, null);
      expect(await page.waitFor(inPanel, null)).toContain('พื้นที่จัดเก็บของเบราว์เซอร์เต็ม');
      const truth = sim.ctx.state.payments.map((p) => p.dekaNo).sort();
      expect((await readPanel(page))?.records.map((r) => r.deka).sort()).toEqual(truth);

      await setStorage(session, { devStorageFault: null });
      // Asked again (check now): what waited moves into the database, and the message goes.
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await page.waitFor(
        () => !document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-storage-problem'),
        null,
      );
      expect(await problem()).toBe('');
      expect((await readPanel(page))?.records.map((r) => r.deka).sort()).toEqual(truth);
      // In the database now, once each.
      expect(await storedDekas(session)).toEqual(truth);
    });

    it('shows hostile payee text as inert, bounded text', async () => {
      const unit = sim.ctx.state.users.find((u) => u.username === 'somsri')?.unitId;
      const paid = new Set(sim.ctx.state.payments.map((p) => p.dekaNo));
      // Every ฎีกา still to pay gets one of them: whichever three the clerk picks.
      sim.ctx.state.dekas
        .filter((d) => d.unitId === unit && !paid.has(d.no))
        .forEach((d, i) => {
          d.payee = HOSTILE[i % HOSTILE.length] as string;
        });
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, HOSTILE.length);
      await waitForRecords(page, HOSTILE.length);
      const seen = await page.evaluate(() => {
        const root = document.querySelector('evw-panel')?.shadowRoot;
        return {
          payees: Array.from(root?.querySelectorAll('.evw-record__payee') ?? []).map(
            (e) => e.textContent ?? '',
          ),
          elements: root?.querySelectorAll('img, script, svg, iframe, [onerror], [onload]').length ?? -1,
          pwned: (window as unknown as { __evwPwned?: number }).__evwPwned ?? null,
        };
      }, null);
      const expected = sim.ctx.state.payments
        .filter((p) => HOSTILE.includes(p.payee))
        .map((p) => p.payee.replace(/\s+/g, ' ').trim().slice(0, 300));
      expect(expected).toHaveLength(HOSTILE.length);
      for (const text of expected) expect(seen.payees).toContain(text);
      expect(seen.payees.every((t) => t.length <= 300)).toBe(true);
      expect(seen.elements).toBe(0);
      expect(seen.pwned).toBeNull();
    });
  });
}
