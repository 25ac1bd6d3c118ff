/**
 * Real enterprise policy in real browsers (docs/admin.md): Debian Chromium reading
 * /etc/chromium/policies/managed/*.json and Firefox ESR reading distribution/policies.json, each
 * in a private mount namespace so the machine's files are untouched (harness/policy.ts). The
 * extension is force-installed the way an organisation ships it (a signed CRX3 from an update
 * manifest; an XPI by install_url), its settings come from the policy's `3rdparty` section, and
 * the options page and the overlay are compared with what the policy says and what the
 * simulator holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { startSimulator } from '../../simulator/server';
import { inlineStatuses, recordOneB, waitForRecords } from './harness/elaas';
import { launchWithPolicy, machinePolicyFolders, type PolicyBrowser } from './harness/policy';
import { BROWSERS, type TestPage } from './harness/session';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z');
const MACHINE_BEFORE = machinePolicyFolders();

/** Words the simulator's "reworded" payments list uses, which the built-in profile does not know. */
const REWORDED_PROFILE = JSON.stringify({
  listPage: { headers: { dekaNo: ['เลขที่ฎีกา'], status: ['สถานะรายการ'] } },
  statusTexts: { รอดำเนินการ: 'awaiting', กำลังประมวลผล: 'processing', ออกใบผ่านรายการจ่ายแล้ว: 'created' },
});

/** The options page's policy section: key → what it says about it. */
function policyRows(options: TestPage): Promise<Record<string, string>> {
  return options.evaluate(
    () =>
      Object.fromEntries(
        Array.from(document.querySelectorAll('#policy tbody tr')).map((tr) => [
          tr.getAttribute('data-key') ?? '',
          tr.querySelector('td:last-child')?.textContent ?? '',
        ]),
      ),
    null,
  );
}

function fieldState(
  options: TestPage,
  key: string,
): Promise<{ value: string; disabled: boolean; lock: string }> {
  return options.evaluate((k) => {
    const input = document.querySelector(`#field-${k}`) as HTMLInputElement;
    return {
      value: input.value,
      disabled: input.disabled,
      lock: document.querySelector(`#lock-${k}`)?.textContent ?? '',
    };
  }, key);
}

for (const browserName of BROWSERS) {
  describe(`organisation policy in ${browserName}`, () => {
    let sim: Simulator;
    let browser: PolicyBrowser;
    // Chromium checks values against managed_schema.json and drops a wrong type or an out-of-range
    // number before the extension sees it; Firefox checks nothing, so the extension does.
    const policy: Record<string, unknown> = {
      overdueMinutes: 45,
      noticeManualUrl: 'http://intranet.example/manual',
      pollMaxSeconds: browserName === 'firefox' ? 'lots' : 99_999,
      // Firefox reads policies.json only at start: its override is there from the beginning.
      ...(browserName === 'firefox' ? { siteProfile: REWORDED_PROFILE } : {}),
    };

    beforeAll(async () => {
      sim = await startSimulator({ design: 'B', start: JUNE_10, seed: 13, scenario: 'year-end' });
      browser = await launchWithPolicy(browserName, policy);
    });
    afterAll(async () => {
      await browser?.close();
      await sim?.close();
    });

    it('is force-installed; the options page shows locked settings and why a bad value was not used', async () => {
      const options = await browser.session.openExtensionPage('options.html');
      // Values may arrive seconds after a fresh force-install (Chromium): the page follows.
      await options.waitFor(() => document.querySelector('#lock-overdueMinutes')?.textContent, null, 15_000);
      expect(await fieldState(options, 'overdueMinutes')).toEqual({
        value: '45',
        disabled: true,
        lock: 'กำหนดโดยหน่วยงานของคุณ',
      });
      const rows = await policyRows(options);
      expect(rows.overdueMinutes).toBe('ใช้แล้ว');
      expect(rows.noticeManualUrl).toBe('ไม่ได้ใช้: ต้องเป็นที่อยู่ที่ขึ้นต้นด้วย https://');
      if (browserName === 'firefox') {
        expect(rows.pollMaxSeconds).toBe('ไม่ได้ใช้: ต้องเป็นจำนวนเต็มตั้งแต่ 60 ถึง 3600');
      } else {
        // Dropped by Chromium itself (chrome://policy shows the error); never reaches us.
        expect(rows.pollMaxSeconds).toBeUndefined();
      }
      // Not applied means not locked: the clerk's own value (here the default) stands.
      expect(await fieldState(options, 'pollMaxSeconds')).toEqual({
        value: '900',
        disabled: false,
        lock: '',
      });
      await options.close();
    });

    it(
      browserName === 'chromium'
        ? 'applies a policy change live: a site-profile override makes a list it could not read readable'
        : "reads a list the built-in profile could not, with the organisation's site-profile override",
      async () => {
        const page = await browser.session.newPage();
        await recordOneB(page, sim.url, 0);
        await waitForRecords(page, 1);
        sim.ctx.variant = 'reworded'; // e-LAAS renamed its list's columns
        await page.goto(`${sim.url}payment/list`);
        const [payment] = sim.ctx.state.payments;
        if (browserName === 'chromium') {
          const said = await page.waitFor(
            () =>
              document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-unreadable')?.textContent,
            null,
          );
          expect(said).toContain('อ่านตารางในหน้านี้ไม่ได้');
          expect(await inlineStatuses(page, 'เลขที่ฎีกา')).toEqual({});
          const options = await browser.session.openExtensionPage('options.html');
          // The admin edits the policy file; Chromium notices within seconds.
          browser.setExtensionPolicy({ ...policy, overdueMinutes: 90, siteProfile: REWORDED_PROFILE });
          await options.waitFor(
            () =>
              (document.querySelector('#field-overdueMinutes') as HTMLInputElement | null)?.value === '90',
            null,
            15_000,
          );
          expect((await policyRows(options)).siteProfile).toBe('ใช้แล้ว');
          await options.close();
        }
        await page.waitFor(() => document.querySelectorAll('evw-status').length === 1, null, 15_000);
        expect(await inlineStatuses(page, 'เลขที่ฎีกา')).toEqual({ [payment?.dekaNo ?? '']: payment?.status });
        await page.close();
      },
    );
  });
}

it("leaves the machine's own policy folders as they were", () => {
  expect(machinePolicyFolders()).toEqual(MACHINE_BEFORE);
});
