/**
 * feature: change-notice
 * The change notice, end to end: the built extension in real Chromium and Firefox ESR on the
 * simulator's e-LAAS pages.
 */
import { describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../simulator/server';
import { screenshotPath } from './harness/env';
import {
  getStorage,
  openSignedIn,
  readNotice,
  resetExtension,
  setStorage,
  waitForNoNotice,
  waitForNotice,
} from './harness/overlay';
import { useRig } from './harness/rig';
import { BROWSERS, type Session, type TestPage } from './harness/session';

// Bangkok is UTC+7: these instants are 1 June 10:00, 9 June 23:59 and 10 June 00:00 in Bangkok.
const JUNE_1 = '2026-06-01T03:00:00.000Z';
const JUNE_9_LATE = '2026-06-09T16:59:00.000Z';
const JUNE_10_MIDNIGHT = '2026-06-09T17:00:00.000Z';

const RECORD = '#/expenditure/payment/record';
const LIST = '#/expenditure/payments';
const HOME = '#/home';

for (const browserName of BROWSERS) {
  describe(`change notice in ${browserName}`, () => {
    let sim: Simulator;
    let session: Session;
    let page: TestPage;
    useRig(browserName, { design: 'A' }, JUNE_1, (r) => {
      if (r.sim) sim = r.sim;
      if (r.session) session = r.session;
      if (r.page) page = r.page;
    });

    it('counts down on the payment page before the change, with what to do and the manual', async () => {
      await openSignedIn(page, sim.url + RECORD);
      const notice = await waitForNotice(page, { variant: 'full' });
      expect(notice.status).toBe('อีก 9 วัน');
      expect(notice.startsOn).toBe('เริ่มมีผล 10 มิ.ย. 2569');
      expect(notice.lang).toBe('th');
      expect(notice.text).toContain('ระบบจะไม่สร้างใบผ่านรายการจ่ายทันที');
      expect(notice.text).toContain('อย่าบันทึกซ้ำ');
      expect(notice.text).toContain('ประมวลผลไม่สำเร็จ');
      const manual = await page.evaluate(
        () =>
          document
            .querySelector('evw-notice')
            ?.shadowRoot?.querySelector('a.evw-manual')
            ?.getAttribute('href'),
        null,
      );
      expect(manual).toBe('https://kmlaas.dla.go.th/');
      if (browserName === 'chromium') await page.screenshot(screenshotPath('notice-payment-page.png'));
    });

    it('counts the last day and says "in effect" from midnight in Bangkok', async () => {
      await resetExtension(session, JUNE_9_LATE);
      await openSignedIn(page, sim.url + LIST);
      expect((await waitForNotice(page, { variant: 'full' })).status).toBe('อีก 1 วัน');
      await resetExtension(session, JUNE_10_MIDNIGHT);
      const inEffect = await waitForNotice(page, { status: 'มีผลตั้งแต่ 10 มิ.ย. 2569' });
      expect(inEffect.startsOn).toBe('');
    });

    it('follows in-page navigation: a strip elsewhere, the full notice on payment pages', async () => {
      await openSignedIn(page, sim.url + HOME);
      const strip = await waitForNotice(page, { variant: 'strip' });
      expect(strip.expanded).toBe(false);
      expect(strip.text).toContain('ตั้งแต่ 10 มิ.ย. 2569 ใบผ่านรายการจ่ายจะสร้างภายหลังการบันทึกการจ่ายเงิน');
      expect(strip.text).not.toContain('อย่าบันทึกซ้ำ');

      await page.clickInShadow('evw-notice', '.evw-more');
      const open = await page.waitFor(
        () =>
          document
            .querySelector('evw-notice')
            ?.shadowRoot?.querySelector('.evw-more')
            ?.getAttribute('aria-expanded') === 'true',
        null,
      );
      expect(open).toBe(true);
      expect((await readNotice(page))?.text).toContain('อย่าบันทึกซ้ำ');
      await page.clickInShadow('evw-notice', '.evw-more');
      await page.waitFor(
        () =>
          document
            .querySelector('evw-notice')
            ?.shadowRoot?.querySelector('.evw-more')
            ?.getAttribute('aria-expanded') === 'false',
        null,
      );
      if (browserName === 'chromium') await page.screenshot(screenshotPath('notice-strip.png'));

      // The clerk uses e-LAAS' own menu: no page load, the SPA swaps the content.
      await page.click('nav.sidebar a[href="#/expenditure/payment/record"]');
      await waitForNotice(page, { variant: 'full' });
      await page.click('nav.sidebar a[href="#/home"]');
      await waitForNotice(page, { variant: 'strip' });
      // The SPA re-renders its content area, which may drop our element; it is mounted again,
      // and never twice.
      await page.waitFor(() => document.querySelectorAll('evw-notice').length === 1, null);
      await new Promise((r) => setTimeout(r, 600));
      expect(await page.evaluate(() => document.querySelectorAll('evw-notice').length, null)).toBe(1);
      expect((await readNotice(page))?.variant).toBe('strip');
    });

    it('leaves e-LAAS content, styles and controls untouched and working', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await waitForNotice(page, { variant: 'full' });
      await page.waitFor(() => document.querySelectorAll('#deka-results tbody tr').length > 0, null);
      const pageState = await page.evaluate(() => {
        const inShadow = document
          .querySelector('evw-notice')
          ?.shadowRoot?.querySelector('.evw-notice__title');
        return {
          heading: document.querySelector('main h1')?.textContent,
          user: document.querySelector('.navbar .user-name')?.textContent,
          firstDeka: document.querySelector('#deka-results tbody tr td')?.textContent,
          pageHeadingColor: getComputedStyle(document.querySelector('main h1') as Element).color,
          bodyFont: getComputedStyle(document.body).fontFamily,
          ourFont: inShadow ? getComputedStyle(inShadow).fontFamily : '',
          ourColor: inShadow ? getComputedStyle(inShadow).color : '',
          documentStyles: document.querySelectorAll('style').length,
        };
      }, null);
      // What e-LAAS shows is what the simulator holds: the oldest unpaid ฎีกา of the clerk's unit.
      const unit = sim.ctx.state.users.find((u) => u.username === 'somsri')?.unitId;
      const fy = Number(
        await page.evaluate(() => (document.querySelector('#fiscalYear') as HTMLInputElement).value, null),
      );
      const expected = sim.ctx.state.dekas.find((d) => d.unitId === unit && d.fiscalYear === fy);
      expect(pageState).toMatchObject({
        heading: 'บันทึกการจ่ายเงิน',
        user: 'สมศรี ใจดี',
        firstDeka: expected?.no,
      });
      expect(pageState.pageHeadingColor).toBe('rgb(31, 58, 95)');
      expect(pageState.bodyFont).toMatch(/^Tahoma/);
      expect(pageState.ourFont).toMatch(/^"?Sarabun/);
      expect(pageState.ourColor).toBe('rgb(18, 60, 105)');
      expect(pageState.documentStyles).toBe(0);

      // The clerk records a payment with e-LAAS' own controls, our notice above them.
      await page.click('#deka-results .select-deka');
      await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
      await page.click('#save');
      const dialog = await page.waitFor(() => document.querySelector('#result-dialog')?.textContent, null);
      expect(dialog).toContain('บันทึกการจ่ายเงินเรียบร้อยแล้ว');
      const recorded = sim.ctx.state.payments;
      expect(recorded.map((p) => [p.dekaNo, p.recordedBy])).toEqual([[expected?.no, 'somsri']]);
    });

    it('stays off the login page', async () => {
      sim.ctx.auth.logoutAll();
      await page.goto(sim.url + RECORD);
      await page.waitFor(() => document.querySelector('#kc-form-login') !== null, null);
      await new Promise((r) => setTimeout(r, 800));
      expect(await readNotice(page)).toBeNull();
    });

    it("works on design B's server-rendered pages, found by their titles", async () => {
      const simB = await startSimulator({ design: 'B' });
      try {
        await openSignedIn(page, `${simB.url}payment/list`);
        await waitForNotice(page, { variant: 'full', status: 'อีก 9 วัน' });
        await page.click('nav.sidebar a[href="/home"]');
        await waitForNotice(page, { variant: 'strip' });
      } finally {
        await simB.close();
      }
    });

    it('remembers a dismissal across reloads, and shows again when the notice version changes', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await waitForNotice(page, { variant: 'full' });
      await page.clickInShadow('evw-notice', '.evw-dismiss');
      await waitForNoNotice(page);
      // Dismissed, the notice leaves no element of ours in e-LAAS' page (the panel is there).
      expect(await page.evaluate(() => document.querySelector('evw-notice'), null)).toBeNull();
      await page.reload();
      await page.waitFor(() => document.querySelector('main h1')?.textContent === 'บันทึกการจ่ายเงิน', null);
      await page.waitFor(
        () => Boolean(document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-panel')),
        null,
      );
      expect(await page.evaluate(() => document.querySelector('evw-notice'), null)).toBeNull();
      expect(await readNotice(page)).toBeNull();

      // Dismissals are kept per e-LAAS user; the simulator's top bar shows สมศรี ใจดี.
      const dismissed = (await getStorage(session, 'noticeDismissed')) as Record<string, string>;
      const key = `${new URL(sim.url).origin}|สมศรี ใจดี`;
      expect(Object.keys(dismissed)).toEqual([key]);

      // A clerk who dismissed an older version of the notice sees the current one.
      await setStorage(session, { noticeDismissed: { [key]: '00000000' } });
      await waitForNotice(page, { variant: 'full' });
    });

    it('switches to English and back, and remembers the choice', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await waitForNotice(page, { lang: 'th' });
      await page.clickInShadow('evw-notice', '.evw-lang');
      const en = await waitForNotice(page, { lang: 'en' });
      expect(en.status).toBe('9 days to go');
      expect(en.startsOn).toBe('Starts 10 June 2026');
      expect(en.text).toContain('Record each payment once');
      await page.reload();
      await waitForNotice(page, { lang: 'en' });
      await page.clickInShadow('evw-notice', '.evw-lang');
      await waitForNotice(page, { lang: 'th', status: 'อีก 9 วัน' });
    });

    it('shows Thai digits when the clerk turns them on in the options page', async () => {
      const options = await session.openExtensionPage('options.html');
      await options.click('input[name="thaiDigits"]');
      await options.waitFor(() => document.querySelector('[role="status"]')?.textContent === 'บันทึกแล้ว', null);
      await options.close();
      await openSignedIn(page, sim.url + RECORD);
      const notice = await waitForNotice(page, { status: 'อีก ๙ วัน' });
      expect(notice.startsOn).toBe('เริ่มมีผล ๑๐ มิ.ย. ๒๕๖๙');
    });

    it('can be dismissed by keyboard alone, and shown again from the options page', async () => {
      await openSignedIn(page, sim.url + RECORD);
      await waitForNotice(page, { variant: 'full' });
      await page.evaluate(() => {
        const button = document
          .querySelector('evw-notice')
          ?.shadowRoot?.querySelector('.evw-dismiss') as HTMLElement;
        button.focus();
      }, null);
      await page.press('Enter');
      await waitForNoNotice(page);

      const options = await session.openExtensionPage('options.html');
      await options.click('#reset-notice');
      await options.waitFor(() => document.querySelector('[role="status"]')?.textContent !== '', null);
      await options.close();
      await waitForNotice(page, { variant: 'full' });
    });
  });
}
