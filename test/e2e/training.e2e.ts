/**
 * The training page (docs/training.md) in real Chromium and Firefox ESR: the whole guided
 * scenario walked as a trainer would, the real overlay on the practice e-LAAS compared with the
 * simulator model's truth, the presenter's controls changing what happens, the handout, the
 * organisation's switch, and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_EFFECTIVE_AT } from '../../simulator/model/model';
import type { Payment } from '../../simulator/model/types';
import { axeViolations } from './harness/axe';
import { clickNow, expectPanelShowsTruth, panelStatuses } from './harness/elaas';
import { screenshotPath } from './harness/env';
import { readPanel, resetExtension, setStorage } from './harness/overlay';
import { BROWSERS, launch, type Session, type TestPage } from './harness/session';

/** The model's truth for the trainee's unit, read in the page (testing builds expose it). */
function truth(page: TestPage): Promise<Payment[]> {
  return page.evaluate(
    () =>
      (
        window as unknown as { evwTraining: { world: { payments(): Payment[] } } }
      ).evwTraining.world.payments(),
    null,
  );
}

/** The truth's payments recorded since the change (the panel's "today" in the scenario). */
async function today(page: TestPage): Promise<Payment[]> {
  return (await truth(page)).filter((p) => p.recordedAt >= CHANGE_EFFECTIVE_AT);
}

/** Record the ฎีกา `dekaNo` (or the first unpaid one) in the practice e-LAAS; returns the dialog. */
async function record(page: TestPage, dekaNo?: string): Promise<string> {
  await page.waitFor(() => document.querySelectorAll('#deka-results .select-deka').length > 0, null);
  await page.evaluate((no) => {
    const buttons = Array.from(document.querySelectorAll<HTMLElement>('#deka-results .select-deka'));
    (buttons.find((b) => !no || b.textContent === no) ?? buttons[0])?.click();
  }, dekaNo ?? '');
  await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
  await clickNow(page, '#save');
  const dialog = (await page.waitFor(
    () => document.querySelector('#result-dialog')?.textContent,
    null,
  )) as string;
  // A clerk reads e-LAAS' dialog before closing it; the overlay reads it meanwhile (its checks of
  // the page are throttled): close it once the overlay has taken the payment in.
  await page.waitFor(() => sessionStorage.getItem('evw-pending-save') === null, null);
  return dialog;
}

async function closeDialog(page: TestPage): Promise<void> {
  await clickNow(page, '#dlg-ok');
  await page.waitFor(() => document.querySelector('#result-dialog') === null, null);
}

/** The presenter's speed of simulated time. */
function setSpeed(page: TestPage, speed: number): Promise<void> {
  return page.evaluate((value) => {
    const select = document.querySelector('#speed') as HTMLSelectElement;
    select.value = String(value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, speed);
}

async function step(page: TestPage, id: string): Promise<void> {
  await clickNow(page, `.tr-step[data-step="${id}"]`);
  await page.waitFor(
    (s) => document.querySelector(`.tr-step[data-step="${s}"]`)?.getAttribute('aria-current') === 'step',
    id,
  );
}

/** Wait until the panel shows `n` records and `ok(records)` holds. */
async function panelWhen(page: TestPage, n: number, statuses: string[]): Promise<void> {
  const end = Date.now() + 20_000;
  let seen: string[] = [];
  while (Date.now() < end) {
    seen = await panelStatuses(page);
    if (seen.length === n && statuses.every((s, i) => s === '*' || seen[i] === s)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(seen, "the panel's statuses").toEqual(statuses);
}

for (const browserName of BROWSERS) {
  describe(`the training page in ${browserName}`, () => {
    let session: Session;
    let page: TestPage;
    beforeAll(async () => {
      session = await launch(browserName);
      await resetExtension(session, null);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('walks the whole scenario; the real overlay shows what the model says', async () => {
      page = await session.openExtensionPage('training.html');
      await page.waitFor(
        () => document.querySelector('evw-panel') && document.querySelector('evw-notice'),
        null,
      );

      // 1. Before the change: the voucher at once, in e-LAAS' dialog and in our panel.
      await step(page, 'before');
      const first = await record(page);
      const [p1] = await truth(page);
      expect(p1?.status).toBe('created');
      expect(first).toContain(p1?.voucherNo ?? '?');
      await closeDialog(page);
      await panelWhen(page, 1, ['created']);
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], await truth(page));

      // 2. After the change: no voucher yet; the panel follows the payment.
      await step(page, 'after');
      await setSpeed(page, 60);
      const second = await record(page);
      const p2 = (await truth(page)).at(-1);
      expect(second).toContain('ระบบอยู่ระหว่างประมวลผล');
      expect(second).toContain(p2?.ref ?? '?');
      expect(second).not.toContain('PV');
      await closeDialog(page);

      // 3. It is created later: the panel says so with the truth's number; a notification.
      // (The panel lists what is waiting and what finished today: yesterday's voucher has left it.)
      await step(page, 'wait');
      await panelWhen(page, 1, ['created']);
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], await today(page));
      const toast = (await page.waitFor(
        () => document.querySelector('#tr-toast')?.textContent,
        null,
      )) as string;
      const created = (await truth(page)).find((p) => p.dekaNo === p2?.dekaNo);
      expect(toast).toContain(created?.voucherNo ?? '?');
      if (browserName === 'chromium') {
        await page.evaluate(() => window.scrollTo(0, 0), null);
        await page.screenshot(screenshotPath('training.png'));
      }

      // 4. The presenter makes the next payment fail: the panel gives e-LAAS' reason.
      await step(page, 'failed');
      await clickNow(page, '#fail-next');
      await record(page);
      await closeDialog(page);
      await panelWhen(page, 2, ['failed', 'created']);
      expectPanelShowsTruth((await readPanel(page))?.records ?? [], await today(page));
      expect((await truth(page)).filter((p) => p.status === 'failed')).toHaveLength(1);

      // 5. A slow queue and 30 minutes later: overdue, as the truth's waiting time says.
      await step(page, 'overdue');
      await setSpeed(page, 1);
      await clickNow(page, '#month-end');
      await record(page);
      await closeDialog(page);
      const slow = (await truth(page)).at(-1) as Payment;
      await clickNow(page, '#skip-30');
      await clickNow(page, '#skip-30');
      const still = (await truth(page)).find((p) => p.id === slow.id);
      expect(['awaiting', 'processing']).toContain(still?.status);
      await page.clickInShadow('evw-panel', '.evw-check-now');
      await page.waitFor(
        (deka) =>
          Boolean(
            document
              .querySelector('evw-panel')
              ?.shadowRoot?.querySelector(`.evw-record[data-deka="${deka}"] .evw-chip--overdue`),
          ),
        slow.dekaNo,
      );
      // The panel marks it overdue by its own clock at once; the badge follows when the check it
      // asked for has been applied (reading the badge before that once saw "1").
      await page.waitFor(() => document.querySelector('#tr-badge')?.textContent === '1!', null);
      expect(await page.evaluate(() => document.querySelector('#tr-badge')?.textContent, null)).toBe('1!');

      // 6. Recording it again is caught by the duplicate guard before it reaches e-LAAS.
      await step(page, 'twice');
      await page.evaluate((no) => {
        Array.from(document.querySelectorAll<HTMLElement>('#deka-results .select-deka'))
          .find((b) => b.textContent === no)
          ?.click();
      }, slow.dekaNo);
      await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
      const recorded = (await truth(page)).length;
      await clickNow(page, '#save');
      const warning = await page.waitFor(
        () =>
          document.querySelector('evw-guard')?.shadowRoot?.querySelector('[role="alertdialog"]')?.textContent,
        null,
      );
      expect(warning).toContain(slow.dekaNo);
      if (browserName === 'chromium') await page.screenshot(screenshotPath('training-duplicate.png'));
      expect(await truth(page)).toHaveLength(recorded); // held before e-LAAS saw it
      await page.clickInShadow('evw-guard', '[role="alertdialog"] button');

      // Every step is marked done, from the model's own state.
      const done = () =>
        page.evaluate(
          () =>
            Array.from(document.querySelectorAll('.tr-step'))
              .filter((b) => b.querySelector('.tr-done'))
              .map((b) => b.getAttribute('data-step')),
          null,
        );
      await page
        .waitFor(() => document.querySelectorAll('.tr-step .tr-done').length === 6, null)
        .catch(() => undefined);
      expect(await done()).toEqual(['before', 'after', 'wait', 'failed', 'overdue', 'twice']);
    });

    it('presenter controls: reset, large text, language, handout; axe-clean; the organisation can switch it off', async () => {
      expect(await axeViolations(page, null)).toEqual([]);
      // Large text for a projector, and it still fits a 1280-wide screen without sideways scrolling.
      const fits = () =>
        page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          null,
        );
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ] as const) {
        await page.resize(width, height);
        expect(await fits(), `${width}×${height}`).toBe(true);
      }
      await page.resize(1280, 720);
      await clickNow(page, '#big-text');
      expect(
        await page.evaluate(
          () => getComputedStyle(document.querySelector('.tr-page') as Element).fontSize,
          null,
        ),
      ).toBe('22px');
      expect(await fits()).toBe(true);
      // English, for the page and the overlay on it.
      await clickNow(page, '#training-language');
      expect(await page.waitFor(() => document.querySelector('.tr-header h1')?.textContent, null)).toBe(
        'Practice: recording payments after 10 June 2026',
      );
      expect(await axeViolations(page, null)).toEqual([]);
      // The handout: on the page, and alone when printed (Chromium can lay out for print).
      expect(
        await page.evaluate(() => document.querySelector('.tr-handout h2')?.textContent, null),
      ).toContain('10 June 2026');
      if (page.emulatePrint) {
        await page.emulatePrint();
        expect(
          await page.evaluate(
            () => [
              getComputedStyle(document.querySelector('.tr-layout') as Element).display,
              getComputedStyle(document.querySelector('.tr-handout') as Element).display,
            ],
            null,
          ),
        ).toEqual(['none', 'block']);
      }
      // Reset: nothing left in the model or in the panel.
      await clickNow(page, '#reset');
      await page.waitFor(
        () =>
          (document.querySelector('evw-panel')?.shadowRoot?.querySelectorAll('.evw-record').length ?? -1) ===
          0,
        null,
      );
      expect(await truth(page)).toEqual([]);
      await page.close();

      // The practice records never reached the extension's own database.
      const summary = await session.inExtension(
        async () =>
          (
            await (
              globalThis as unknown as {
                chrome: { runtime: { sendMessage(m: unknown): Promise<{ data: { total: number } }> } };
              }
            ).chrome.runtime.sendMessage({ type: 'records/summary' })
          ).data.total,
        null,
      );
      expect(summary).toBe(0);

      // An organisation that switches training off: the page says so and offers nothing.
      await setStorage(session, { devPolicy: { trainingAvailable: false } });
      const off = await session.openExtensionPage('training.html');
      expect(await off.waitFor(() => document.querySelector('.tr-disabled')?.textContent, null)).toBe(
        'หน่วยงานของคุณปิดการฝึกใช้งานไว้ ติดต่อผู้ดูแลระบบหากต้องการใช้',
      );
      await off.close();
      const popup = await session.openExtensionPage('popup.html');
      await popup.waitFor(() => document.querySelector('.evw-open-settings'), null);
      expect(await popup.evaluate(() => document.querySelector('.evw-open-training'), null)).toBeNull();
      await popup.close();
      await setStorage(session, { devPolicy: {} });
    });
  });
}
