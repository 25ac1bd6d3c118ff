/**
 * feature: pending-panel
 * Tracking end to end: payments recorded in the simulator's New e-LAAS (design A) are captured
 * through the page-world bridge, checked in one batched request where the session is, and shown
 * in the panel and on the badge exactly as the simulator's ground truth says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_TH } from '../../simulator/model/labels';
import { type Simulator, startSimulator } from '../../simulator/server';
import {
  alarm,
  badgeBecomes,
  clickNow,
  expectPanelShowsTruth,
  exportedRecords,
  fireCheckAlarm,
  guardWarning,
  panelPausedSays,
  panelShowsCreated,
  RECORD,
  recordOneB,
  recordPayments,
  saveFromDekaListB,
  waitForFinalStatuses,
  waitForRecords,
} from './harness/elaas';
import { screenshotPath, waitUntil } from './harness/env';
import { getStorage, openSignedIn, readPanel, resetExtension, setStorage } from './harness/overlay';
import { useRig } from './harness/rig';
import { BROWSERS, launch, type Session, type TestPage } from './harness/session';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z');
const LIST_API = 'GET /api/v1/expenditure/payments';

for (const browserName of BROWSERS) {
  describe(`tracking in ${browserName} (design A)`, () => {
    let sim: Simulator;
    let session: Session;
    let page: TestPage;
    useRig(browserName, { design: 'A', start: JUNE_10, seed: 5, scenario: 'year-end' }, null, (r) => {
      if (r.sim) sim = r.sim;
      if (r.session) session = r.session;
      if (r.page) page = r.page;
    });

    it('captures three payments, then shows two vouchers and one failure exactly as e-LAAS has them', async () => {
      sim.ctx.state.config.failNext = 1;
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 3);

      // Captured within a second of each save: all three waiting, as in the simulator.
      const waiting = await page.waitFor(() => {
        const lis = document.querySelector('evw-panel')?.shadowRoot?.querySelectorAll('.evw-record') ?? [];
        return lis.length === 3 ? lis.length : 0;
      }, null);
      expect(waiting).toBe(3);
      const truthNow = sim.ctx.state.payments;
      const seen = await readPanel(page);
      expect(new Set(seen?.records.map((r) => r.deka))).toEqual(new Set(truthNow.map((p) => p.dekaNo)));
      expect(seen?.records.every((r) => r.status === 'awaiting')).toBe(true);
      expect(seen?.count).toBe('รอ 3 รายการ');
      expect(await badgeBecomes(session, '3')).toBe('3');
      expect(await alarm(session)).toBe(true);

      // Hours pass at fiscal year-end; e-LAAS creates two vouchers and fails one.
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      sim.ctx.counts.clear();
      sim.ctx.requests.length = 0;
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await waitForFinalStatuses(page, 3);

      const truth = sim.ctx.state.payments;
      expect(truth.filter((p) => p.status === 'created')).toHaveLength(2);
      if (browserName === 'chromium') await page.screenshot(screenshotPath('panel.png'));
      const shown = await readPanel(page);
      expectPanelShowsTruth(shown?.records ?? [], truth);
      for (const p of truth) {
        const r = shown?.records.find((x) => x.deka === p.dekaNo);
        if (p.voucherNo) expect(r?.voucherHref).toBe(`${sim.url}#/expenditure/vouchers/${p.voucherNo}`);
      }
      // One batched status request covered all three (one per fiscal year: e-LAAS lists a year at
      // a time, and the ฎีกา picked may belong to this year or the last), and one notification
      // summed it up.
      expect(sim.ctx.counts.get(LIST_API), sim.ctx.requests.join('\n')).toBe(
        new Set(truth.map((p) => p.fiscalYear)).size,
      );
      let last: { title: string; message: string; target: string } | undefined;
      for (let i = 0; i < 50 && !last; i++) {
        last = (await getStorage(session, 'lastNotification')) as typeof last;
        if (!last) await new Promise((r) => setTimeout(r, 100));
      }
      expect(last?.title).toBe('ใบผ่านรายการจ่าย: สร้างแล้ว 2 รายการ, ไม่สำเร็จ 1 รายการ');
      const failed = truth.find((p) => p.status === 'failed');
      for (const p of truth.filter((x) => x.status === 'created'))
        expect(last?.message).toContain(`ฎีกา ${p.dekaNo} → ${p.voucherNo}`);
      expect(last?.message).toContain(`ฎีกา ${failed?.dekaNo}: ${failed?.failureReason}`);
      // Two vouchers and a failure: a click opens the payments list, where all of them are.
      expect(last?.target).toBe(`${sim.url}#/expenditure/payments`);
      if (browserName === 'chromium') {
        // (Firefox without a desktop notification service closes them at once.)
        // The summary is stored just before the notification is created: give it a moment.
        const countOpen = () =>
          session.inExtension(async () => {
            const g = globalThis as unknown as Record<
              string,
              { notifications: { getAll(): Promise<object> } } | undefined
            >;
            return Object.keys((await (g.browser ?? g.chrome)?.notifications.getAll()) ?? {}).length;
          }, null);
        let open = await countOpen();
        for (let i = 0; i < 50 && open === 0; i++) {
          await new Promise((r) => setTimeout(r, 100));
          open = await countOpen();
        }
        expect(open).toBe(1);
      }
      expect(STATUS_TH.created).toBe('สร้างใบผ่านรายการจ่ายแล้ว');
      // Nothing waits, and the open panel has shown the failure: the badge goes quiet.
      expect(await badgeBecomes(session, '')).toBe('');
      // Nothing pending: no alarm, so no request at all.
      expect(await alarm(session)).toBe(false);
    });

    it('marks an unseen failure on the badge until the clerk opens the panel', async () => {
      sim.ctx.state.config.failNext = 1;
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 1);
      await waitForRecords(page, 1);
      await page.clickInShadow('evw-panel', '.evw-panel__toggle'); // the clerk folds the panel away
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      await fireCheckAlarm(session);
      await waitUntil(() => sim.ctx.state.payments[0]?.status === 'failed', 'the failure');
      // (The check's answer may still be on its way from a busy Firefox: give it time.)
      const shown = await badgeBecomes(session, '✕', 15);
      // Should it ever not: what the background and the page knew, for the CI log.
      const state = shown === '✕' ? '' : JSON.stringify([await getStorage(session, 'poller'), page.logs()]);
      expect(shown, state).toBe('✕');
      await page.clickInShadow('evw-panel', '.evw-panel__toggle');
      expect(
        await page.waitFor(
          () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-reason')?.textContent,
          null,
        ),
      ).toBe(sim.ctx.state.payments[0]?.failureReason);
      expect(await badgeBecomes(session, '')).toBe('');
    });

    it('offers notifications in context and asks for the permission from the options page', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await page.waitFor(
        () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-panel') != null,
        null,
      );
      const offered = () =>
        page.evaluate(
          () =>
            document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-offer')?.textContent ?? '',
          null,
        );
      if (browserName === 'chromium') {
        // Chromium's testing build has the permission already (its prompt cannot be automated).
        expect(await offered()).toBe('');
        return;
      }
      await page.waitFor(
        () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-offer') != null,
        null,
      );
      expect(await offered()).toContain('ต้องการให้แจ้งเตือนเมื่อใบผ่านรายการจ่ายสร้างเสร็จ');
      const options = await session.openExtensionPage('options.html');
      try {
        await options.click('#allow-notifications');
        const said = await options.waitFor(
          () => document.querySelector('[role="status"]')?.textContent || '',
          null,
        );
        expect(said).toBe('อนุญาตการแจ้งเตือนแล้ว');
      } finally {
        await options.close();
      }
      await page.waitFor(
        () => document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-offer') == null,
        null,
      );
    });

    it('polls once per check however many e-LAAS tabs are open', async () => {
      let second: TestPage | undefined;
      try {
        await openSignedIn(page, sim.url + RECORD);
        await recordPayments(page, 1);
        await waitForRecords(page, 1);
        // A second e-LAAS tab, opened after the save (a background tab takes no clicks in Firefox).
        second = await session.newPage();
        await openSignedIn(second, `${sim.url}#/expenditure/payments`);
        sim.ctx.counts.clear();
        for (let i = 1; i <= 2; i++) {
          await fireCheckAlarm(session);
          await waitUntil(() => (sim.ctx.counts.get(LIST_API) ?? 0) >= i, `check ${i}`);
          // Settle: a second tab must not add a request of its own.
          await new Promise((r) => setTimeout(r, 500));
          expect(sim.ctx.counts.get(LIST_API)).toBe(i);
        }
      } finally {
        await second?.close();
      }
    });

    it('checks from the alarm, and pauses with the reason when logged out or in maintenance', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 1);
      await waitForRecords(page, 1);

      sim.ctx.faults.maintenance = true;
      await page.clickInShadow('evw-panel', '.evw-check-now');
      const down = await page.waitFor(
        () =>
          document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-paused')?.textContent ?? '',
        null,
      );
      expect(down).toBe('e-LAAS ปิดปรับปรุง จะตรวจสอบใหม่ภายหลังโดยอัตโนมัติ');

      sim.ctx.faults.maintenance = false;
      sim.ctx.auth.logoutAll();
      sim.ctx.auth.expireAccessTokens();
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await panelPausedSays(page, 'ออกจากระบบ e-LAAS แล้ว กรุณาเข้าสู่ระบบเพื่อให้ตรวจสอบต่อ');

      // Panel text in the meantime says why; the clerk signs in again (a fresh page load: the app
      // only learns of the expired session on its next request), and the real alarm, fired now,
      // checks and the voucher shows.
      await openSignedIn(page, `${sim.url}?again=1${RECORD}`);
      // The overlay of the new page is up (its panel drew) and the app has made its first API
      // call (the ฎีกา list: the bridge has seen the session) before the alarm asks it to check.
      await page.waitFor(
        () =>
          document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-panel') != null &&
          document.querySelectorAll('#deka-results .select-deka').length > 0,
        null,
      );
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      await fireCheckAlarm(session);
      const status = await panelShowsCreated(page, 20_000);
      expect(status).toBe(true);
      expect(sim.ctx.state.payments[0]?.status).toBe('created');
      expect(await readPanel(page).then((p) => p?.paused)).toBe('');
    });

    it('checks while the clerk is away, with the token the app renewed on its own, not as logged out', async () => {
      // Access tokens of 2 s: the app renews its token every second by itself (as a Keycloak
      // client does before expiry), without an API call the bridge could see.
      sim.ctx.auth.config.accessTtlMs = 2000;
      try {
        await openSignedIn(page, sim.url + RECORD);
        await recordPayments(page, 1);
        await waitForRecords(page, 1);
        const renewals = () => sim.ctx.counts.get('POST /realms/elaas/protocol/openid-connect/token') ?? 0;
        const before = renewals();
        // The clerk is away past the token the app last used for e-LAAS' API.
        await new Promise((r) => setTimeout(r, 3500));
        expect(renewals()).toBeGreaterThan(before);
        sim.ctx.clock.advance(12 * 3600_000, Date.now());
        await fireCheckAlarm(session);
        await panelShowsCreated(page);
        const shown = await readPanel(page);
        expect(shown?.paused).toBe('');
        expectPanelShowsTruth(shown?.records ?? [], sim.ctx.state.payments);
      } finally {
        sim.ctx.auth.config.accessTtlMs = 5 * 60_000;
      }
    });

    it('checks again as soon as the app has a new token, after e-LAAS refused the one a check used', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await recordPayments(page, 1);
      await waitForRecords(page, 1);
      // Every token expires (e-LAAS restarted its sign-in server, say); the app does not know yet.
      sim.ctx.auth.expireAccessTokens();
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await panelPausedSays(page, 'ออกจากระบบ e-LAAS แล้ว กรุณาเข้าสู่ระบบเพื่อให้ตรวจสอบต่อ');
      // The clerk goes on working: the app's next request meets 401 and it renews its token.
      // Nobody presses "check now", no alarm fires: the tab checks at once with the new token.
      await page.click('nav.sidebar a[href="#/home"]');
      await page.waitFor(() => document.querySelector('#welcome') !== null, null);
      await page.click('nav.sidebar a[href="#/expenditure/payment/record"]');
      expect(await panelShowsCreated(page)).toBe(true);
      const shown = await readPanel(page);
      expect(shown?.paused).toBe('');
      expectPanelShowsTruth(shown?.records ?? [], sim.ctx.state.payments);
    });

    it('checks in the tab the clerk works in when e-LAAS expired an idle tab’s sign-in', async () => {
      let work: TestPage | undefined;
      try {
        // An e-LAAS tab left open (the first the background finds), and the tab the clerk works in.
        await openSignedIn(page, `${sim.url}#/expenditure/payments`);
        work = await session.newPage();
        await openSignedIn(work, sim.url + RECORD);
        await recordPayments(work, 1);
        await waitForRecords(work, 1);
        // e-LAAS expires every token. The clerk works on: the app's next request meets 401 and it
        // renews its token. The idle tab's app does not know its token is gone.
        sim.ctx.auth.expireAccessTokens();
        await work.click('nav.sidebar a[href="#/home"]');
        await work.waitFor(() => document.querySelector('#welcome') !== null, null);
        await work.click('nav.sidebar a[href="#/expenditure/payment/record"]');
        await work.waitFor(() => document.querySelectorAll('#deka-results .select-deka').length > 0, null);
        // The idle tab is asked first and says "signed out" (e-LAAS refuses its request); the
        // clerk's tab is asked next (before, the check stopped at the first: one request).
        sim.ctx.counts.clear();
        await work.clickInShadow('evw-panel', '.evw-check-now');
        await waitUntil(() => (sim.ctx.counts.get(LIST_API) ?? 0) >= 2, 'the check in both tabs');
        // That check over (its button is busy until then): a press meanwhile would share it.
        await work.waitFor(
          () =>
            document
              .querySelector('evw-panel')
              ?.shadowRoot?.querySelector('.evw-check-now:not([disabled])') != null,
          null,
        );
        // The voucher is made. The next check asks the clerk's tab first: one request, none refused.
        sim.ctx.clock.advance(12 * 3600_000, Date.now());
        sim.ctx.counts.clear();
        await work.clickInShadow('evw-panel', '.evw-check-now');
        expect(await panelShowsCreated(work)).toBe(true);
        expect(sim.ctx.counts.get(LIST_API)).toBe(1);
        const shown = await readPanel(work);
        expect(shown?.paused).toBe('');
        expectPanelShowsTruth(shown?.records ?? [], sim.ctx.state.payments);
      } finally {
        await work?.close();
      }
    });
  });
}

for (const browserName of BROWSERS) {
  /**
   * feature: duplicate-guard
   */
  describe(`duplicate guard in ${browserName} (design A)`, () => {
    let sim: Simulator;
    let session: Session;
    let page: TestPage;

    beforeAll(async () => {
      sim = await startSimulator({ design: 'A', start: JUNE_10, seed: 5, scenario: 'year-end' });
      session = await launch(browserName);
      await resetExtension(session, null);
      page = await session.newPage();
    });
    afterAll(async () => {
      await session?.close();
      await sim?.close();
    });

    async function saveFirstDeka(): Promise<void> {
      await page.evaluate(() => {
        (document.querySelector('#deka-results .select-deka') as HTMLElement).click();
      }, null);
      await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
      await clickNow(page, '#save');
    }

    it('warns before the same ฎีกา is recorded again while it waits, and lets the clerk go on deliberately', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await page.waitFor(() => document.querySelectorAll('#deka-results .select-deka').length > 0, null);
      await saveFirstDeka();
      await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
      await clickNow(page, '#dlg-ok');
      await waitForRecords(page, 1);
      const [first] = sim.ctx.state.payments;

      // Nothing of the guard's is in the page until it has something to say.
      expect(await page.evaluate(() => document.querySelector('evw-guard'), null)).toBeNull();
      // The ฎีกา still looks unpaid in e-LAAS (its voucher is not there yet); the clerk tries again.
      await saveFirstDeka();
      const warning = await guardWarning(page);
      expect(warning).toContain(`ฎีกาเลขที่ ${first?.dekaNo} บันทึกการจ่ายเงินไปแล้ว`);
      expect(warning).toContain('สถานะ: รอประมวลผล');
      await page.clickInShadow('evw-guard', '.evw-dup-cancel');
      // Closed, the dialog leaves nothing of ours behind.
      await page.waitFor(() => document.querySelector('evw-guard') === null, null);
      expect(sim.ctx.state.payments).toHaveLength(1);

      // On purpose: the second payment goes through to e-LAAS.
      await clickNow(page, '#save');
      await page.waitFor(
        () => Boolean(document.querySelector('evw-guard')?.shadowRoot?.querySelector('[role="alertdialog"]')),
        null,
      );
      await page.clickInShadow('evw-guard', '.evw-dup-proceed');
      await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
      expect(sim.ctx.state.payments.map((p) => p.dekaNo)).toEqual([first?.dekaNo, first?.dekaNo]);
      await clickNow(page, '#dlg-ok');
    });

    /** The record page, loaded afresh (the app's search from an earlier test may be stale). */
    async function freshRecordPage(): Promise<void> {
      await page.goto('about:blank');
      await openSignedIn(page, sim.url + RECORD);
      await page.waitFor(() => document.querySelectorAll('#deka-results .select-deka').length > 0, null);
    }

    /** Choose the last ฎีกา of e-LAAS' unpaid list and press save. */
    async function saveLastDeka(): Promise<void> {
      await page.evaluate(() => {
        const rows = Array.from(document.querySelectorAll('#deka-results tbody tr'));
        (rows.at(-1)?.querySelector('.select-deka') as HTMLElement | null)?.click();
      }, null);
      await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
      await clickNow(page, '#save');
    }

    it('keeps a save whose answer came back garbled, guards it against a second save, and confirms it by the check', async () => {
      const before = sim.ctx.state.payments.length;
      await openSignedIn(page, sim.url + RECORD);
      await waitForRecords(page, before);
      // A gateway mangles e-LAAS' answer: the payment is recorded, the clerk sees only an error.
      sim.ctx.faults.malformed = 'garbage';
      await saveLastDeka();
      await page.waitFor(
        () => document.querySelector('#page-alert [role="alert"], main > [role="alert"]') !== null,
        null,
      );
      const garbled = sim.ctx.state.payments.at(-1);
      expect(sim.ctx.state.payments).toHaveLength(before + 1);
      await waitForRecords(page, before + 1);
      expect((await readPanel(page))?.records.find((r) => r.deka === garbled?.dekaNo)?.status).toBe(
        'awaiting',
      );

      // The clerk, unsure, saves again: the guard knows it was recorded.
      sim.ctx.faults.malformed = null;
      await clickNow(page, '#save');
      const warning = await guardWarning(page);
      expect(warning).toContain(`ฎีกาเลขที่ ${garbled?.dekaNo} บันทึกการจ่ายเงินไปแล้ว`);
      await page.clickInShadow('evw-guard', '.evw-dup-cancel');
      expect(sim.ctx.state.payments).toHaveLength(before + 1);

      // Hours later the check finds it in e-LAAS' list by ฎีกา, amount and date: one record, as e-LAAS has it.
      sim.ctx.clock.advance(24 * 3600_000, Date.now());
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await waitForFinalStatuses(page, before + 1);
      const shown = (await readPanel(page))?.records ?? [];
      expect(shown.filter((r) => r.deka === garbled?.dekaNo)).toHaveLength(1);
      // (The earlier test paid one ฎีกา twice on purpose: compare the one this test recorded.)
      expectPanelShowsTruth(shown, garbled ? [garbled] : []);
      expect(garbled?.status).toMatch(/created|failed/);

      // The form is still on screen; the clerk saves it again. With its voucher made, that pays
      // twice: the guard says so (the soak once paid a ฎีกา twice this way). A failed one may be
      // recorded again: no guard.
      const paid = sim.ctx.state.payments.length;
      await clickNow(page, '#save');
      if (garbled?.status === 'created') {
        const again = await guardWarning(page);
        expect(again).toContain(`ฎีกาเลขที่ ${garbled.dekaNo} บันทึกการจ่ายเงินไปแล้ว`);
        expect(again).toContain('สร้างใบผ่านรายการจ่ายแล้ว');
        await page.clickInShadow('evw-guard', '.evw-dup-cancel');
        expect(sim.ctx.state.payments).toHaveLength(paid);
      } else {
        await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
        expect(sim.ctx.state.payments).toHaveLength(paid + 1);
      }
    });

    it('keeps a save whose page went away before e-LAAS answered, says so, and confirms it by the check', async () => {
      const before = sim.ctx.state.payments.length;
      await freshRecordPage();
      await waitForRecords(page, before);
      // e-LAAS is slow; the clerk does not wait and leaves the page mid-save.
      sim.ctx.faults.latencyMs = 3000;
      const saves = () => sim.ctx.counts.get('POST /api/v1/expenditure/payments') ?? 0;
      const sent = saves();
      await saveLastDeka();
      await waitUntil(() => saves() > sent, 'the save to reach e-LAAS');
      await page.goto('about:blank');
      await waitUntil(() => sim.ctx.state.payments.length === before + 1, 'e-LAAS to record the slow save');
      sim.ctx.faults.latencyMs = 0;
      const saved = sim.ctx.state.payments.at(-1);

      // Back on e-LAAS: the panel has the payment, saying e-LAAS did not answer and it is checking.
      await openSignedIn(page, sim.url + RECORD);
      await waitForRecords(page, before + 1);
      let mine = (await readPanel(page))?.records.find((r) => r.deka === saved?.dekaNo);
      expect(mine).toMatchObject({ unconfirmed: true, status: 'awaiting' });
      expect(mine?.reason).toContain('e-LAAS ไม่ตอบขณะบันทึก');

      // The check finds it in e-LAAS' list: a payment like any other, then its voucher.
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await page.waitFor(
        (deka) =>
          !document
            .querySelector('evw-panel')
            ?.shadowRoot?.querySelector(`.evw-record[data-deka="${deka}"] .evw-chip--unconfirmed`),
        saved?.dekaNo ?? '',
      );
      sim.ctx.clock.advance(24 * 3600_000, Date.now());
      await fireCheckAlarm(session);
      await waitForFinalStatuses(page, before + 1);
      mine = (await readPanel(page))?.records.find((r) => r.deka === saved?.dekaNo);
      expect(mine?.unconfirmed).toBe(false);
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], saved ? [saved] : []);
    });

    it('says when a save that got no answer never reached e-LAAS, guards it meanwhile, and lets it be recorded again', async () => {
      const before = sim.ctx.state.payments.length;
      await freshRecordPage();
      await waitForRecords(page, before);
      // The network drops as the clerk saves: e-LAAS gets nothing, the clerk sees a connection error.
      sim.ctx.faults.offline = true;
      await saveLastDeka();
      await page.waitFor(() => document.querySelector('#page-alert [role="alert"]') !== null, null);
      sim.ctx.faults.offline = false;
      expect(sim.ctx.state.payments).toHaveLength(before);
      await waitForRecords(page, before + 1);
      const deka = await page.evaluate(
        () => document.querySelector('#payment-form legend')?.textContent?.match(/\S+\/\d{4}/)?.[0] ?? '',
        null,
      );
      expect((await readPanel(page))?.records.find((r) => r.deka === deka)).toMatchObject({
        unconfirmed: true,
      });

      // Saving it again at once meets the guard: it may be recorded, wait for the check.
      await clickNow(page, '#save');
      const warning = await guardWarning(page);
      expect(warning).toContain(`ฎีกาเลขที่ ${deka} อาจบันทึกไปแล้ว`);
      expect(warning).toContain('สถานะ: ไม่ทราบผล');
      await page.clickInShadow('evw-guard', '.evw-dup-cancel');
      expect(sim.ctx.state.payments).toHaveLength(before);

      // Three minutes on, the check reads e-LAAS' whole list: not there. The panel says so.
      await setStorage(session, { devClock: new Date(Date.now() + 3 * 60_000).toISOString() });
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await page.waitFor(
        (d) =>
          document
            .querySelector('evw-panel')
            ?.shadowRoot?.querySelector(`.evw-record[data-deka="${d}"] .evw-reason--not-received`) != null,
        deka,
      );
      const settled = (await readPanel(page))?.records.find((r) => r.deka === deka);
      expect(settled).toMatchObject({ status: 'failed', notReceived: true, unconfirmed: false });
      expect(settled?.reason).toContain('e-LAAS ไม่ได้รับรายการนี้');
      if (browserName === 'chromium') {
        await page.evaluate((d) => {
          const root = document.querySelector('evw-panel')?.shadowRoot;
          root?.querySelector(`.evw-record[data-deka="${d}"]`)?.scrollIntoView({ block: 'start' });
        }, deka);
        await page.screenshot(screenshotPath('not-received.png'));
      }

      // The clerk records it again: no guard this time, e-LAAS has it once, the panel follows.
      await clickNow(page, '#save');
      await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
      await clickNow(page, '#dlg-ok');
      expect(sim.ctx.state.payments.filter((p) => p.dekaNo === deka)).toHaveLength(1);
      await waitForRecords(page, before + 2);
      const shown = (await readPanel(page))?.records.filter((r) => r.deka === deka) ?? [];
      expect(shown.map((r) => (r.notReceived ? 'not received' : r.status)).sort()).toEqual([
        'awaiting',
        'not received',
      ]);
      await setStorage(session, { devClock: null });
    });
  });
}

for (const browserName of BROWSERS) {
  describe(`tracking in ${browserName} (design B: server-rendered, no API)`, () => {
    let sim: Simulator;
    let session: Session;
    let page: TestPage;
    useRig(browserName, { design: 'B', start: JUNE_10, seed: 6, scenario: 'year-end' }, null, (r) => {
      if (r.sim) sim = r.sim;
      if (r.session) session = r.session;
      if (r.page) page = r.page;
    });

    const recordOne = (index: number) => recordOneB(page, sim.url, index);

    /**
     * The one payment kept (from its dialog, or as a save whose answer was not seen, which the
     * panel says), then confirmed by a check against e-LAAS' list: the panel shows e-LAAS' truth.
     */
    const confirmedByCheck = async () => {
      await waitForRecords(page, 1);
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await page.waitFor(
        () => !document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-chip--unconfirmed'),
        null,
      );
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], sim.ctx.state.payments);
      expect(await exportedRecords(session)).toHaveLength(1);
    };

    const panelStatuses = () =>
      page.evaluate(
        () =>
          Array.from(
            document.querySelector('evw-panel')?.shadowRoot?.querySelectorAll('.evw-record') ?? [],
          ).map(
            (li) =>
              `${li.getAttribute('data-deka')}=${li.querySelector('.evw-chip[data-status]')?.getAttribute('data-status')}`,
          ),
        null,
      );

    it('three payments: two vouchers and a failure, as e-LAAS has them; maintenance pauses and resumes', async () => {
      sim.ctx.state.config.failNext = 1;
      for (let i = 0; i < 3; i++) await recordOne(i);
      await waitForRecords(page, 3);
      expect((await readPanel(page))?.records.every((r) => r.status === 'awaiting')).toBe(true);
      expect(await badgeBecomes(session, '3')).toBe('3');

      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      sim.ctx.faults.maintenance = true;
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await panelPausedSays(page, 'e-LAAS ปิดปรับปรุง จะตรวจสอบใหม่ภายหลังโดยอัตโนมัติ');
      sim.ctx.faults.maintenance = false;
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await waitForFinalStatuses(page, 3);
      const shown = await readPanel(page);
      expect(shown?.paused).toBe('');
      expectPanelShowsTruth(shown?.records ?? [], sim.ctx.state.payments);
      expect(sim.ctx.state.payments.filter((p) => p.status === 'created')).toHaveLength(2);
      const last = (await getStorage(session, 'lastNotification')) as { title: string } | undefined;
      expect(last?.title).toBe('ใบผ่านรายการจ่าย: สร้างแล้ว 2 รายการ, ไม่สำเร็จ 1 รายการ');
      expect(await badgeBecomes(session, '')).toBe('');
    });

    it('the duplicate guard holds a second save of a waiting ฎีกา on server-rendered pages too', async () => {
      await recordOne(0);
      await waitForRecords(page, 1);
      await saveFromDekaListB(page, 0);
      const warning = await guardWarning(page);
      expect(warning).toContain(`ฎีกาเลขที่ ${sim.ctx.state.payments[0]?.dekaNo} บันทึกการจ่ายเงินไปแล้ว`);
      await page.clickInShadow('evw-guard', '.evw-dup-proceed');
      await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
      expect(sim.ctx.state.payments).toHaveLength(2);
      // The save the clerk chose to make again is tracked too, as its own payment (its dialog
      // shows its own reference). (Also waited for so the page, closed at the end of the test,
      // has nothing left to send as it goes, which could reach the background after the next
      // test's reset and hold that test's first save.)
      await waitForRecords(page, 2);
      const refs = (await exportedRecords(session)).map((r) => r.ref).sort();
      expect(refs).toEqual(sim.ctx.state.payments.map((p) => p.ref).sort());
    });

    it("the guard judges a save made before the overlay started on the form's page", async () => {
      await recordOne(0);
      await waitForRecords(page, 1);
      // The clerk saves as soon as the form's page has it (before our overlay has started there:
      // it starts once the page is ready): held from the page's start, then judged by the guard.
      await page.onNewDocument(`document.addEventListener('DOMContentLoaded', () => {
        if (sessionStorage.getItem('quick-clerk')) document.querySelector('#payment-form #save')?.click();
      }, { once: true });`);
      await page.evaluate(() => sessionStorage.setItem('quick-clerk', '1'), null);
      await page.evaluate(
        () => (document.querySelectorAll('#deka-results a')[0] as HTMLElement).click(),
        null,
      );
      expect(await guardWarning(page)).toContain(`ฎีกาเลขที่ ${sim.ctx.state.payments[0]?.dekaNo}`);
      await page.clickInShadow('evw-guard', '.evw-dup-cancel');
      expect(sim.ctx.state.payments).toHaveLength(1);
      // A first save of another ฎีกา, made as quickly, goes through once the guard has looked.
      await openSignedIn(page, `${sim.url}payment/record`);
      await page.evaluate(
        () => (document.querySelectorAll('#deka-results a')[1] as HTMLElement).click(),
        null,
      );
      await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
      expect(sim.ctx.state.payments).toHaveLength(2);
      await waitForRecords(page, 2);
    });

    it('holds a save made as the form opens until the guard knows the payments, then lets the guard judge it', async () => {
      await recordOne(0);
      await waitForRecords(page, 1);
      // The background asleep (Chromium stops idle service workers): the new page's overlay waits
      // for its answer, and the clerk saves at once. Held, then judged: a second save of the ฎีกา
      // meets the guard, and e-LAAS has one payment.
      const openFormAndSave = async (index: number) => {
        await session.stopBackground?.();
        await saveFromDekaListB(page, index);
      };
      await openFormAndSave(0);
      expect(await guardWarning(page)).toContain(`ฎีกาเลขที่ ${sim.ctx.state.payments[0]?.dekaNo}`);
      await page.clickInShadow('evw-guard', '.evw-dup-cancel');
      expect(sim.ctx.state.payments).toHaveLength(1);
      // A first save of another ฎีกา, made as fast, goes through once the guard has looked.
      await openSignedIn(page, `${sim.url}payment/record`);
      await openFormAndSave(1);
      await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
      expect(sim.ctx.state.payments).toHaveLength(2);
      await waitForRecords(page, 2);
    });

    it('keeps a save whose success dialog the clerk closed before the overlay looked, and confirms it by the check', async () => {
      // A quick clerk on a busy machine: e-LAAS' dialog is closed as soon as the page has it, before
      // our overlay has started on that page (it starts once the page is ready).
      await page.onNewDocument(`document.addEventListener('DOMContentLoaded', () => {
        const ok = document.querySelector('#result-dialog #dlg-ok');
        if (ok) { window.stop(); location.replace(ok.getAttribute('href')); }
      }, { once: true });`);
      await openSignedIn(page, `${sim.url}payment/record`);
      await saveFromDekaListB(page, 0);
      await page.waitFor(() => location.search === '' && document.querySelector('main h1') !== null, null);
      expect(sim.ctx.state.payments).toHaveLength(1);
      // Kept: from the dialog if the overlay still saw it, else as a save e-LAAS did not answer.
      await confirmedByCheck();
    });

    it('keeps a save whose answer the clerk left unseen for the same ฎีกา’s form, not taking that for a send-back', async () => {
      // A quick clerk: e-LAAS' answer (its success dialog) is left as soon as the page has it, before
      // our overlay has started there, for the same ฎีกา's form again (to look at what was saved).
      // That form, with no dialog, is not e-LAAS sending the form back: the payment is kept, as a
      // save whose answer was not seen, and the check finds it in e-LAAS' list.
      await page.onNewDocument(`document.addEventListener('DOMContentLoaded', () => {
        const again = sessionStorage.getItem('reopen');
        if (again && document.querySelector('#result-dialog')) {
          sessionStorage.removeItem('reopen');
          window.stop();
          location.replace(again);
        }
      }, { once: true });`);
      await openSignedIn(page, `${sim.url}payment/record`);
      const form = await page.evaluate(
        () => (document.querySelectorAll('#deka-results a')[0] as HTMLAnchorElement).href,
        null,
      );
      await page.evaluate((href) => sessionStorage.setItem('reopen', href), form);
      await saveFromDekaListB(page, 0);
      await page.waitFor(
        () =>
          sessionStorage.getItem('reopen') === null &&
          document.querySelector('#payment-form') !== null &&
          document.querySelector('#result-dialog') === null,
        null,
      );
      expect(sim.ctx.state.payments).toHaveLength(1);
      await confirmedByCheck();
    });

    it('keeps payments saved the moment their form shows, before the overlay started there', async () => {
      // Quicker still: the clerk saves as soon as the form's page has it, before our overlay has
      // started on that page (it starts once the page is ready), and on the second save also closes
      // e-LAAS' dialog as soon as it shows. (The test sets how quick in the tab's storage.)
      await page.onNewDocument(`document.addEventListener('DOMContentLoaded', () => {
        const quick = sessionStorage.getItem('quick-clerk');
        if (!quick) return;
        const save = document.querySelector('#payment-form #save');
        if (save) return save.click();
        const ok = document.querySelector('#result-dialog #dlg-ok');
        if (ok && quick === 'and-close') { window.stop(); location.replace(ok.getAttribute('href')); }
      }, { once: true });`);
      await openSignedIn(page, `${sim.url}payment/record`);
      const quickly = async (index: number, how: string) => {
        await page.evaluate((h) => sessionStorage.setItem('quick-clerk', h), how);
        await page.evaluate((i) => {
          (document.querySelectorAll('#deka-results a')[i] as HTMLElement).click();
        }, index);
      };
      await quickly(0, 'save');
      await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
      await waitForRecords(page, 1);
      await page.evaluate(() => sessionStorage.removeItem('quick-clerk'), null);
      await page.evaluate(() => (document.querySelector('#dlg-ok') as HTMLElement).click(), null);
      await page.waitFor(() => location.search === '' && document.querySelector('main h1') !== null, null);
      await page.evaluate(() => document.body.setAttribute('data-left', ''), null);
      await quickly(1, 'and-close');
      // Back on the record page, a new one (not the one left), the dialog closed on the way.
      await page.waitFor(
        () =>
          !document.body.hasAttribute('data-left') &&
          location.search === '' &&
          document.querySelector('#deka-results') !== null,
        null,
      );
      expect(sim.ctx.state.payments).toHaveLength(2);
      await waitForRecords(page, 2);
      await page.evaluate(() => sessionStorage.removeItem('quick-clerk'), null);
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await page.waitFor(
        () => !document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-chip--unconfirmed'),
        null,
      );
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], sim.ctx.state.payments);
      const kept = await exportedRecords(session);
      expect(kept.map((r) => r.dekaNo).sort()).toEqual(sim.ctx.state.payments.map((p) => p.dekaNo).sort());
    });

    it('captures from the form and dialog, and checks by reading the list page', async () => {
      await recordOne(0);
      const [p] = sim.ctx.state.payments;
      await page.waitFor((want) => {
        const li = document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-record');
        return li?.getAttribute('data-deka') === want;
      }, p?.dekaNo);
      expect(await panelStatuses()).toEqual([`${p?.dekaNo}=awaiting`]);

      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await panelShowsCreated(page);
      const shown = await readPanel(page);
      expect(shown?.records[0]?.voucher).toBe(`ใบผ่านรายการจ่าย ${sim.ctx.state.payments[0]?.voucherNo}`);
    });

    it('updates from the payments list the clerk is looking at, with no extra request', async () => {
      await recordOne(0);
      await waitForRecords(page, 1);
      sim.ctx.clock.advance(12 * 3600_000, Date.now());
      sim.ctx.counts.clear();
      await page.click('nav.sidebar a[href="/payment/list"]');
      await panelShowsCreated(page);
      // Only the page the clerk opened was requested.
      expect(sim.ctx.counts.get('GET /payment/list')).toBe(1);
      expect((await readPanel(page))?.records[0]?.voucher).toBe(
        `ใบผ่านรายการจ่าย ${sim.ctx.state.payments[0]?.voucherNo}`,
      );
    });
  });
}
