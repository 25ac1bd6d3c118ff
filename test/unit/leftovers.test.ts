/**
 * A save this page is still waiting on is not a save an earlier page left: the tab's leftovers
 * (saves written down in sessionStorage, taken up when the page is first idle) must not take it
 * for one. Found by the end-to-end tests run two files at a time: on a loaded machine the page was
 * first idle while e-LAAS had not answered yet, and the one payment was kept twice, once
 * unanswered ("ไม่ทราบผล") and once from its answer. The page-world bridge, the content script's
 * tracking and the background are the real ones (the background on WXT's fake browser).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Request } from '../../core/protocol';
import type { PaymentRecord } from '../../core/records';
import { onMessage } from '../../entrypoints/background/messages';
import { holdBridgeLine } from '../../entrypoints/elaas.content/line';
import { startOverlay } from '../../entrypoints/elaas.content/overlay';
import { pageContext } from '../../platform/page-context';
import type { Transport } from '../../platform/types';
import { installBridge } from '../../site/bridge';
import { DEFAULT_API } from '../../site/profile';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SCOPE = { unit: 'อบต.ทดสอบ', user: 'สมศรี' };

const sender = { id: fakeBrowser.runtime.id, url: location.href };
const transport: Transport = {
  settingsPage: true,
  request: ((req: Request) => onMessage(req, sender)) as Transport['request'],
  onInvalidate: () => () => {},
  onCommand: () => () => {},
};

/** e-LAAS' save endpoint, its answer held until `answer` is called. */
let answer: (body: unknown) => void = () => {};
const appFetch = globalThis.fetch;
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input instanceof Request ? input.url : input);
  if (init?.method === 'POST' && url.endsWith('/api/v1/expenditure/payments')) {
    const body = await new Promise<unknown>((r) => {
      answer = r;
    });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }
  return appFetch(input, init);
}) as typeof fetch;
// As on a page: the bridge in the page's world first, then the line to it, then the overlay.
installBridge(window as Window & typeof globalThis, DEFAULT_API);
holdBridgeLine();

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
  sessionStorage.clear();
});

function recordPage(): void {
  document.body.innerHTML = `
    <header class="navbar"><span class="unit">${SCOPE.unit}</span><span class="user-name">${SCOPE.user}</span></header>
    <main><h1>บันทึกการจ่ายเงิน</h1>
      <form id="payment-form">
        <input name="dekaNo" value="101/2569"><span id="payee-name">บริษัท ทดสอบ จำกัด</span>
        <input name="payDate" value="2026-06-10"><input name="netAmount" value="12,500.00">
        <button id="save">บันทึก</button>
      </form>
    </main>`;
  let alive = true;
  const ctx = pageContext(() => alive);
  startOverlay(ctx, transport);
  stop = () => {
    alive = false;
  };
}

async function kept(): Promise<PaymentRecord[]> {
  const reply = await onMessage({ type: 'records/mine', scope: SCOPE }, sender);
  if (!reply.ok) throw new Error(reply.error);
  return (reply.data as { records: PaymentRecord[] }).records;
}

describe("the tab's leftover saves", () => {
  it('never takes the save this page still waits on for one an earlier page left', async () => {
    recordPage();
    // The clerk saves at once, as the page opens: the app sends the form, e-LAAS takes its time.
    const form = document.querySelector('form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const saved = window.fetch('/api/v1/expenditure/payments', {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
    });
    // Meanwhile the page has drawn the panel and been idle (where leftovers are taken up).
    await sleep(1500);
    expect(await kept()).toEqual([]);

    answer({
      code: 'S',
      data: {
        id: 'P-1',
        ref: 'REF-1',
        dekaNo: '101/2569',
        payee: 'บริษัท ทดสอบ จำกัด',
        netAmount: 12500,
        payDate: '2026-06-10',
        fiscalYear: 2569,
        status: 'AWAITING',
      },
    });
    await saved;
    await sleep(500);
    const records = await kept();
    expect(records.map((r) => [r.dekaNo, r.capturedFrom, r.elaasId])).toEqual([['101/2569', 'api', 'P-1']]);
  });

  it('still takes up a save an earlier page of the tab left unanswered', async () => {
    // What an earlier page wrote down before it went away mid-save (tracking.ts, SaveOut).
    sessionStorage.setItem(
      'evw-saves-out',
      JSON.stringify([
        {
          dekaNo: '102/2569',
          payee: 'ร้านค้า ทดสอบ',
          amount: 3000,
          payDate: '2026-06-10',
          at: Date.now() - 30_000,
        },
      ]),
    );
    recordPage();
    await sleep(1500);
    // (The first test's payment stays kept: the database outlives a test.)
    const records = (await kept()).filter((r) => r.dekaNo !== '101/2569');
    expect(records.map((r) => [r.dekaNo, r.capturedFrom])).toEqual([['102/2569', 'unanswered']]);
  });
});
