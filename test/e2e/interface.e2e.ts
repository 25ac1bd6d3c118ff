/**
 * feature: pending-panel
 * feature: list-status
 * The clerk's interface end to end: the panel's filter, search, ticking elapsed time, overdue,
 * voucher and print links, docking and folding (remembered), keyboard use, 200% zoom and axe;
 * our status inline on e-LAAS' payments list (and an unreadable list left alone); every value
 * compared with the simulator's ground truth.
 */
import { describe, expect, it } from 'vitest';
import { STATUS_TH } from '../../simulator/model/labels';
import type { Simulator } from '../../simulator/server';
import { recordAs } from '../fixtures/sim';
import { axeViolations } from './harness/axe';
import {
  expectPanelShowsTruth,
  inlineStatuses,
  RECORD,
  recordOneB,
  recordPayments,
  waitForFinalStatuses,
  waitForRecords,
} from './harness/elaas';
import { screenshotPath } from './harness/env';
import { openSignedIn, readPanel, setStorage } from './harness/overlay';
import { useRig } from './harness/rig';
import { BROWSERS, type Session, type TestPage } from './harness/session';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z');
const LIST = '#/expenditure/payments';

/** Wait until the panel's fold button says aria-expanded `want`; returns it. */
function foldedIs(page: TestPage, want: 'true' | 'false'): Promise<unknown> {
  return page.waitFor(
    (w) =>
      document
        .querySelector('evw-panel')
        ?.shadowRoot?.querySelector('.evw-panel__toggle')
        ?.getAttribute('aria-expanded') === w
        ? w
        : null,
    want,
  );
}

/** Put the keyboard focus on one of the panel's controls. */
function focusInPanel(page: TestPage, selector: string): Promise<void> {
  return page.evaluate((sel) => {
    (document.querySelector('evw-panel')?.shadowRoot?.querySelector(sel) as HTMLElement | null)?.focus();
  }, selector);
}

/** Choose a filter and type a search in the panel, as the clerk's input events would. */
function filterPanel(page: TestPage, filter: string, query: string): Promise<void> {
  return page.evaluate(
    ([f, q]) => {
      const root = document.querySelector('evw-panel')?.shadowRoot;
      const select = root?.querySelector('select.evw-filter') as HTMLSelectElement;
      select.value = f as string;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const search = root?.querySelector('input.evw-search') as HTMLInputElement;
      search.value = q as string;
      search.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [filter, query],
  );
}

/** The ฎีกา numbers the panel shows once it shows `n` of them. */
async function shownDekas(page: TestPage, n: number): Promise<string[]> {
  return (await page.waitFor((count) => {
    const lis = Array.from(
      document.querySelector('evw-panel')?.shadowRoot?.querySelectorAll('.evw-record') ?? [],
    );
    return lis.length === count ? lis.map((li) => li.getAttribute('data-deka') ?? '') : null;
  }, n)) as string[];
}

for (const browserName of BROWSERS) {
  describe(`the panel in ${browserName} (design A)`, () => {
    let sim: Simulator;
    let session: Session;
    let page: TestPage;
    useRig(browserName, { design: 'A', start: JUNE_10, seed: 11, scenario: 'year-end' }, null, (r) => {
      if (r.sim) sim = r.sim;
      if (r.session) session = r.session;
      if (r.page) page = r.page;
    });

    it('lists, filters and searches the payments with ticking elapsed time and overdue, as e-LAAS has them', async () => {
      sim.ctx.state.config.failNext = 1;
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 3);
      await waitForRecords(page, 3);

      // The elapsed time ticks by itself, without a request.
      const elapsed = () =>
        document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-record__elapsed')?.textContent ??
        '';
      const first = await page.evaluate(elapsed, null);
      const later = await page.waitFor((before) => {
        const now = document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-record__elapsed');
        return now?.textContent && now.textContent !== before ? now.textContent : null;
      }, first);
      expect(later).toMatch(/^รอมาแล้ว \d+ นาที \d\d วินาที$/);

      // An hour on (the extension's clock), e-LAAS still has all three waiting: all overdue.
      await setStorage(session, { devClock: new Date(Date.now() + 3600_000).toISOString() });
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await page.waitFor(
        () =>
          document.querySelector('evw-panel')?.shadowRoot?.querySelectorAll('.evw-chip--overdue').length ===
          3,
        null,
      );
      expect(sim.ctx.state.payments.every((p) => p.status === 'awaiting' || p.status === 'processing')).toBe(
        true,
      );
      await filterPanel(page, 'overdue', '');
      expect(await shownDekas(page, 3)).toHaveLength(3);

      // Hours later in e-LAAS: two vouchers and a failure.
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      await filterPanel(page, 'all', '');
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await waitForFinalStatuses(page, 3);
      const truth = sim.ctx.state.payments;
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], truth);

      const failed = truth.filter((p) => p.status === 'failed').map((p) => p.dekaNo);
      const created = truth.filter((p) => p.status === 'created');
      await filterPanel(page, 'failed', '');
      expect(await shownDekas(page, failed.length)).toEqual(failed);
      await filterPanel(page, 'created', '');
      expect((await shownDekas(page, created.length)).sort()).toEqual(created.map((p) => p.dekaNo).sort());
      const [one] = created;
      await filterPanel(page, 'all', one?.voucherNo ?? '');
      expect(await shownDekas(page, 1)).toEqual([one?.dekaNo]);
      const print = await page.evaluate(
        () =>
          document.querySelector('evw-panel')?.shadowRoot?.querySelector('a.evw-print')?.getAttribute('href'),
        null,
      );
      expect(print).toBe(`${sim.url}#/expenditure/vouchers/${one?.voucherNo}?print=1`);
      await filterPanel(page, 'all', 'ไม่มีใครชื่อนี้');
      await page.waitFor(
        () =>
          document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-empty')?.textContent ===
          'ไม่มีรายการตามที่เลือก',
        null,
      );
    });

    it('works by keyboard in a sensible order, docks and folds (remembered), reflows at 200% zoom, axe-clean', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 1);
      await waitForRecords(page, 1);
      expect(await axeViolations(page, 'evw-panel')).toEqual([]);

      // Tab from the fold button walks the panel's controls in the order they are drawn, each
      // with a visible focus ring.
      const walk = await page.evaluate(() => {
        const root = document.querySelector('evw-panel')?.shadowRoot as ShadowRoot;
        const controls = Array.from(root.querySelectorAll('button, select, input, a[href]')).filter(
          (el) => (el as HTMLElement).offsetParent !== null,
        );
        return controls.map((el) => el.className);
      }, null);
      await focusInPanel(page, '.evw-panel__dock');
      const visited: string[] = [];
      for (let i = 0; i < walk.length - 1; i++) {
        await page.press('Tab');
        visited.push(
          await page.evaluate(() => {
            const el = document.querySelector('evw-panel')?.shadowRoot?.activeElement as HTMLElement | null;
            if (!el) return 'outside';
            const ring = getComputedStyle(el).outlineStyle !== 'none' && el.matches(':focus-visible');
            return ring ? el.className : `${el.className} (no visible focus)`;
          }, null),
        );
      }
      expect(visited).toEqual(walk.slice(walk.indexOf('evw-button evw-button--quiet evw-panel__dock') + 1));

      // Fold with Enter, unfold with Space, on the fold button.
      await focusInPanel(page, '.evw-panel__toggle');
      const expanded = () =>
        document
          .querySelector('evw-panel')
          ?.shadowRoot?.querySelector('.evw-panel__toggle')
          ?.getAttribute('aria-expanded');
      await page.press('Enter');
      expect(await foldedIs(page, 'false')).toBe('false');
      await page.press(' ');
      expect(await foldedIs(page, 'true')).toBe('true');

      // Dock below the content, fold, and both are remembered on the next page load.
      await page.clickInShadow('evw-panel', '.evw-panel__dock');
      const atBottom = () => {
        const host = document.querySelector('evw-panel');
        return host?.parentElement?.lastElementChild === host;
      };
      expect(await page.waitFor(atBottom, null)).toBe(true);
      await page.clickInShadow('evw-panel', '.evw-panel__toggle');
      await foldedIs(page, 'false');
      await page.reload();
      await page.waitFor(
        () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-panel') != null,
        null,
      );
      expect(await page.waitFor(atBottom, null)).toBe(true);
      expect(await page.evaluate(expanded, null)).toBe('false');
      await page.clickInShadow('evw-panel', '.evw-panel__toggle');
      await waitForRecords(page, 1);

      // 200% and 300% zoom: everything stays inside the panel, nothing scrolls sideways.
      for (const zoom of ['2', '3']) {
        const overflow = await page.evaluate((z) => {
          document.documentElement.style.zoom = z;
          const panel = document
            .querySelector('evw-panel')
            ?.shadowRoot?.querySelector('.evw-panel') as HTMLElement;
          const box = panel.getBoundingClientRect();
          const outside = Array.from(panel.querySelectorAll('*'))
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
            })
            .map((el) => el.className);
          return { outside, sideways: panel.scrollWidth > panel.clientWidth + 1 };
        }, zoom);
        expect(overflow, `zoom ${zoom}`).toEqual({ outside: [], sideways: false });
      }
      await page.evaluate(() => {
        document.documentElement.style.zoom = '';
      }, null);
    });
    it("follows the organisation's policy live: features switched off, e-LAAS addresses narrowed", async () => {
      await openSignedIn(page, sim.url + RECORD);
      await page.waitFor(
        () => document.querySelector('evw-notice') !== null && document.querySelector('evw-panel') !== null,
        null,
      );
      await setStorage(session, { devPolicy: { featuresOff: ['change-notice'] } });
      await page.waitFor(() => document.querySelector('evw-notice') === null, null);
      expect(await page.evaluate(() => document.querySelector('evw-panel') !== null, null)).toBe(true);

      // Only the production e-LAAS is enabled: on this one (the simulator) nothing of ours remains,
      // and a payment recorded here is not kept.
      await setStorage(session, { devPolicy: { elaasOrigins: ['https://laas.dla.go.th'] } });
      await page.waitFor(() => document.querySelector('evw-panel, evw-notice') === null, null);
      await recordPayments(page, 1);
      expect(sim.ctx.state.payments).toHaveLength(1);
      await setStorage(session, { devPolicy: {} });
      await page.waitFor(
        () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-empty') != null,
        null,
      );
      expect(
        await page.evaluate(
          () => document.querySelector('evw-panel')?.shadowRoot?.querySelectorAll('.evw-record').length,
          null,
        ),
      ).toBe(0);
    });
  });

  describe(`our status on the payments list in ${browserName} (design A)`, () => {
    let sim: Simulator;
    let page: TestPage;
    useRig(browserName, { design: 'A', start: JUNE_10, seed: 12, scenario: 'year-end' }, null, (r) => {
      if (r.sim) sim = r.sim;
      if (r.page) page = r.page;
    });

    it('marks the rows of our payments with our status, leaves other rows and e-LAAS text alone', async () => {
      sim.ctx.state.config.failNext = 1;
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 2);
      await waitForRecords(page, 2);
      // Another clerk of the same office records one too: it is in the list, not ours.
      const taken = new Set(sim.ctx.state.payments.map((p) => p.dekaNo));
      const free = sim.ctx.state.dekas.filter((d) => d.unitId === 'U4801' && !taken.has(d.no)).at(-1);
      const other = recordAs(sim.ctx.state, 'somchai', free?.no ?? '', sim.ctx.clock.now(Date.now()));

      await page.evaluate((hash) => {
        location.hash = hash;
      }, LIST);
      await page.waitFor(() => document.querySelectorAll('evw-status').length === 2, null, 15_000);
      const mine = sim.ctx.state.payments.filter((p) => p.recordedBy === 'somsri');
      expect(await inlineStatuses(page)).toEqual(Object.fromEntries(mine.map((p) => [p.dekaNo, p.status])));
      expect(Object.keys(await inlineStatuses(page))).not.toContain(other.dekaNo);
      // e-LAAS' own cells read as before: our text is in the chip's shadow root.
      const statusCells = await page.evaluate(() => {
        const headers = Array.from(document.querySelectorAll('table thead th')).map((h) =>
          (h.textContent ?? '').trim(),
        );
        const col = headers.indexOf('สถานะ');
        return Array.from(document.querySelectorAll('table tbody tr')).map((tr) =>
          (tr.children[col]?.textContent ?? '').trim(),
        );
      }, null);
      expect(statusCells.every((text) => text === STATUS_TH.awaiting || text === STATUS_TH.processing)).toBe(
        true,
      );
      if (browserName === 'chromium') await page.screenshot(screenshotPath('list-status.png'), 'table');
      expect(await axeViolations(page, 'evw-status')).toEqual([]);

      // e-LAAS finishes both; a check updates our chips at once, and e-LAAS' page agrees on reload.
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await page.waitFor(
        () =>
          Array.from(document.querySelectorAll('evw-status')).every((c) =>
            ['created', 'failed'].includes(c.getAttribute('data-status') ?? ''),
          ),
        null,
      );
      const after = sim.ctx.state.payments.filter((p) => p.recordedBy === 'somsri');
      expect(await inlineStatuses(page)).toEqual(Object.fromEntries(after.map((p) => [p.dekaNo, p.status])));
      await page.reload();
      await page.waitFor(() => document.querySelectorAll('evw-status').length === 2, null, 15_000);
      expect(await inlineStatuses(page)).toEqual(Object.fromEntries(after.map((p) => [p.dekaNo, p.status])));
    });
  });

  describe(`an unreadable payments list in ${browserName} (design B)`, () => {
    let sim: Simulator;
    let session: Session;
    let page: TestPage;
    useRig(browserName, { design: 'B', start: JUNE_10, seed: 13, scenario: 'year-end' }, null, (r) => {
      if (r.sim) sim = r.sim;
      if (r.session) session = r.session;
      if (r.page) page = r.page;
    });

    it("says so in the panel and touches nothing; an admin's site-profile override makes it readable, live", async () => {
      await recordOneB(page, sim.url, 0);
      await waitForRecords(page, 1);
      sim.ctx.variant = 'reworded'; // e-LAAS renamed its columns overnight
      await page.goto(`${sim.url}payment/list`);
      const said = await page.waitFor(
        () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-unreadable')?.textContent,
        null,
      );
      expect(said).toContain('อ่านตารางในหน้านี้ไม่ได้');
      expect(await page.evaluate(() => document.querySelectorAll('evw-status').length, null)).toBe(0);

      // The admin teaches the extension the new words by policy (siteProfile, JSON text): the
      // page is read again at once, and our status shows on the row.
      const override = {
        listPage: { headers: { dekaNo: ['เลขที่ฎีกา'], status: ['สถานะรายการ'] } },
        statusTexts: { รอดำเนินการ: 'awaiting', กำลังประมวลผล: 'processing', ออกใบผ่านรายการจ่ายแล้ว: 'created' },
      };
      await setStorage(session, { devPolicy: { siteProfile: JSON.stringify(override) } });
      await page.waitFor(() => document.querySelectorAll('evw-status').length === 1, null);
      const [p] = sim.ctx.state.payments;
      expect(await inlineStatuses(page, 'เลขที่ฎีกา')).toEqual({ [p?.dekaNo ?? '']: p?.status });
      expect(
        await page.evaluate(
          () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-unreadable'),
          null,
        ),
      ).toBeFalsy();
    });
  });
}
