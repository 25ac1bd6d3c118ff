/**
 * The simulator's pages in real Chromium and Firefox ESR, both designs, without the extension:
 * what a clerk sees must match the simulator's ground truth. Also takes docs/simulator.md's
 * screenshots (Chromium, with SCREENSHOTS=1).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../simulator/server';
import type { Design } from '../../simulator/web/context';
import { screenshotPath, waitUntil } from './harness/env';
import { openSignedIn } from './harness/overlay';
import { BROWSERS, launch, type Session, type TestPage } from './harness/session';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z'); // 10:00 in Bangkok, the change in effect
const ROUTES: Record<Design, { record: string; list: string; select: string }> = {
  A: {
    record: '#/expenditure/payment/record',
    list: '#/expenditure/payments',
    select: '#deka-results .select-deka',
  },
  B: { record: 'payment/record', list: 'payment/list', select: '#deka-results a' },
};

for (const browserName of BROWSERS) {
  describe(`simulator pages in ${browserName}`, () => {
    let session: Session;
    beforeAll(async () => {
      session = await launch(browserName, 'none');
    });
    afterAll(async () => {
      await session?.close();
    });

    for (const design of ['A', 'B'] as const) {
      describe(`design ${design}`, () => {
        let sim: Simulator;
        let page: TestPage;
        const shot = async (name: string) => {
          if (browserName === 'chromium') await page.screenshot(screenshotPath(name));
        };

        beforeAll(async () => {
          sim = await startSimulator({ design, start: JUNE_10, seed: 3 });
        });
        afterAll(async () => {
          await sim?.close();
        });
        beforeEach(async () => {
          sim.ctx.reset();
          sim.ctx.auth.logoutAll();
          page = await session.newPage();
        });
        afterEach(async () => {
          await page?.close();
        });

        async function recordFirst(): Promise<string> {
          await openSignedIn(page, sim.url + ROUTES[design].record);
          await page.waitFor((s) => document.querySelector(s) !== null, ROUTES[design].select);
          await page.click(ROUTES[design].select);
          await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
          if (design === 'A') await shot('sim-record-form.png');
          await page.click('#save');
          return page.waitFor(() => document.querySelector('#result-dialog')?.textContent ?? '', null);
        }

        it('after the change: saved without a voucher, which appears in the list later, as the truth says', async () => {
          if (design === 'A') {
            await page.goto(sim.url + ROUTES.A.record);
            await page.waitFor(() => document.querySelector('#kc-form-login') !== null, null);
            await shot('sim-login.png');
          }
          const dialog = await recordFirst();
          expect(dialog).toContain('ระบบอยู่ระหว่างประมวลผลและจะสร้างใบผ่านรายการจ่ายภายหลัง');
          expect(dialog).toContain('รอประมวลผล');
          const [recorded] = sim.ctx.state.payments;
          expect(dialog).toContain(recorded?.ref);
          await shot(design === 'A' ? 'sim-dialog-after.png' : 'sim-b-dialog-after.png');

          await page.goto(sim.url + ROUTES[design].list);
          const waiting = await page.waitFor(
            () => document.querySelector('#payment-list .status')?.textContent,
            null,
          );
          expect(waiting).toBe('รอประมวลผล');

          sim.ctx.clock.advance(15 * 60_000, Date.now());
          const created = sim.ctx.state.payments[0];
          await page.click('#refresh');
          const voucherNo = await page.waitFor(
            () =>
              document.querySelector('#payment-list .status')?.textContent === 'สร้างใบผ่านรายการจ่ายแล้ว' &&
              document.querySelector('#payment-list .col-voucherNo a')?.textContent,
            null,
          );
          // The truth is read after the page asked: the list request ran the queue.
          expect(voucherNo).toBe(created?.voucherNo);
          expect(created?.status).toBe('created');
          await shot(design === 'A' ? 'sim-list.png' : 'sim-b-list.png');

          await page.click('#payment-list .col-voucherNo a');
          const shown = await page.waitFor(() => document.querySelector('#voucher-no')?.textContent, null);
          expect(shown).toBe(created?.voucherNo);
          if (design === 'A') await shot('sim-voucher.png');
        });

        it('before the change: the dialog shows the voucher number at once', async () => {
          sim.ctx.state.config.mode = 'before';
          const dialog = await recordFirst();
          const [recorded] = sim.ctx.state.payments;
          expect(recorded?.status).toBe('created');
          expect(dialog).toContain(`เลขที่ใบผ่านรายการจ่าย ${recorded?.voucherNo}`);
          if (design === 'A') await shot('sim-dialog-before.png');
        });

        it('shows maintenance, and recovers from an expired session', async () => {
          await openSignedIn(page, sim.url + ROUTES[design].list);
          await page.waitFor(() => document.querySelector('#payment-list') !== null, null);
          if (design === 'A') {
            // Expired access tokens: the app refreshes its token and carries on.
            const before = sim.ctx.counts.get('POST /realms/elaas/protocol/openid-connect/token') ?? 0;
            sim.ctx.auth.expireAccessTokens();
            const lists = sim.ctx.counts.get('GET /api/v1/expenditure/payments') ?? 0;
            await page.click('#refresh');
            // The app was refused (401), refreshed its token, and asked again successfully.
            await waitUntil(
              () => (sim.ctx.counts.get('GET /api/v1/expenditure/payments') ?? 0) === lists + 2,
              'the retried list request',
            );
            await page.waitFor(
              () => document.querySelector('#payment-list tbody td')?.textContent === 'ไม่พบข้อมูล',
              null,
            );
            expect(sim.ctx.counts.get('POST /realms/elaas/protocol/openid-connect/token')).toBe(before + 1);
            sim.ctx.faults.maintenance = true;
            await page.click('#refresh');
          } else {
            sim.ctx.faults.maintenance = true;
            await page.reload();
          }
          const heading = await page.waitFor(
            () => (document.querySelector('h1')?.textContent === 'ระบบปิดปรับปรุง' ? 'ระบบปิดปรับปรุง' : ''),
            null,
          );
          expect(heading).toBe('ระบบปิดปรับปรุง');
        });
      });
    }

    it('the control surface page works in a browser', async () => {
      const sim = await startSimulator({ design: 'A', start: JUNE_10 });
      const page = await session.newPage();
      try {
        await page.goto(`${sim.url}__sim/`);
        await page.click('input[name="scenario"][value="month-end"]');
        await page.click('.control-form button[type="submit"]');
        await page.waitFor(
          () => document.querySelector('[role="status"]')?.textContent === 'นำไปใช้แล้ว',
          null,
        );
        expect(sim.ctx.state.config.scenario).toBe('month-end');
        if (browserName === 'chromium') await page.screenshot(screenshotPath('sim-control.png'));
      } finally {
        await page.close();
        await sim.close();
      }
    });
  });
}
