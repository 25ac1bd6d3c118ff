/**
 * A save this page is still waiting on is not a save an earlier page left: the tab's leftovers
 * (saves written down in sessionStorage, taken up when the page is first idle) must not take it
 * for one. Found by the end-to-end tests run two files at a time: on a loaded machine the page was
 * first idle while e-LAAS had not answered yet, and the one payment was kept twice, once
 * unanswered ("ไม่ทราบผล") and once from its answer. The page-world bridge, the content script's
 * tracking and the background are the real ones (the background on WXT's fake browser).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../core/records';
import { onMessage } from '../../entrypoints/background/messages';
import {
  EARLY_SAVE,
  holdBridgeLine,
  PAGE_WENT_BY,
  takeSubmitted,
} from '../../entrypoints/elaas.content/line';
import { installBridge } from '../../site/bridge';
import { DEFAULT_API } from '../../site/profile';
import { backgroundTransport, overlayOn, tabSender } from './background-transport';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SCOPE = { unit: 'อบต.ทดสอบ', user: 'สมศรี' };

const transport = backgroundTransport();

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
  takeSubmitted(); // a form the line holds for an overlay that never came
  document.body.replaceChildren();
  sessionStorage.clear();
});

const NAVBAR = `<span class="unit">${SCOPE.unit}</span><span class="user-name">${SCOPE.user}</span>`;

/** e-LAAS' record page, its form for `dekaNo`; `whose`: its top bar says whose page it is. */
const recordPageHtml = (dekaNo: string, whose = true) => `
    <header class="navbar">${whose ? NAVBAR : ''}</header>
    <main><h1>บันทึกการจ่ายเงิน</h1>
      <form id="payment-form">
        <input name="dekaNo" value="${dekaNo}"><span id="payee-name">บริษัท ทดสอบ จำกัด</span>
        <input name="payDate" value="2026-06-10"><input name="netAmount" value="12,500.00">
        <button id="save">บันทึก</button>
      </form>
    </main>`;

/** e-LAAS' record page with the overlay started on it (the app may draw its top bar later). */
function recordPage(dekaNo: string, whose = true): void {
  stop = overlayOn(recordPageHtml(dekaNo, whose), transport);
}

async function kept(): Promise<PaymentRecord[]> {
  const reply = await onMessage({ type: 'records/mine', scope: SCOPE }, tabSender());
  if (!reply.ok) throw new Error(reply.error);
  return (reply.data as { records: PaymentRecord[] }).records;
}

/** The clerk saves: the app sends the form; e-LAAS takes its time (see `answer`). */
function save(): Promise<Response> {
  const form = document.querySelector('form') as HTMLFormElement;
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  return window.fetch('/api/v1/expenditure/payments', {
    method: 'POST',
    headers: { authorization: 'Bearer t' },
  });
}

/** e-LAAS' answer: the payment of `dekaNo` recorded, as `id`. */
function answered(dekaNo: string, id: string) {
  return {
    code: 'S',
    data: {
      id,
      ref: `REF-${id}`,
      dekaNo,
      payee: 'บริษัท ทดสอบ จำกัด',
      netAmount: 12500,
      payDate: '2026-06-10',
      fiscalYear: 2569,
      status: 'AWAITING',
    },
  };
}

const keptOf = async (dekaNo: string) =>
  (await kept()).filter((r) => r.dekaNo === dekaNo).map((r) => [r.capturedFrom, r.elaasId]);

/**
 * The clerk saves at once, as the page opens (`meanwhile`: what the app does after the save left);
 * the page draws the panel and is idle (where leftovers are taken up) before e-LAAS answers. Kept:
 * nothing until the answer, then one payment, from it.
 */
async function saveAnsweredLate(dekaNo: string, id: string, meanwhile = () => {}): Promise<void> {
  const saved = save();
  meanwhile();
  await sleep(1500);
  expect(await keptOf(dekaNo)).toEqual([]);
  answer(answered(dekaNo, id));
  await saved;
  await sleep(500);
  expect(await keptOf(dekaNo)).toEqual([['api', id]]);
}

describe("the tab's leftover saves", () => {
  it('never takes the save this page still waits on for one an earlier page left', async () => {
    recordPage('101/2569');
    await saveAnsweredLate('101/2569', 'P-1');
  });

  it('nor when the page said whose it is only after the save left', async () => {
    recordPage('103/2569', false);
    // The app draws its top bar: leftovers can be taken now, at the page's first idle.
    await saveAnsweredLate('103/2569', 'P-3', () =>
      document.querySelector('header')?.insertAdjacentHTML('beforeend', NAVBAR),
    );
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
    recordPage('104/2569');
    await sleep(1500);
    expect(await keptOf('102/2569')).toEqual([['unanswered', null]]);
  });
});

/**
 * A server-rendered e-LAAS: the browser posts the form itself and e-LAAS answers with the next
 * page, its success dialog on it. A quick clerk on a busy machine closes that dialog before our
 * overlay has looked at the page (an e2e test lost the payment so): the save is written down as
 * the form's page goes, and the next page that does run takes it up.
 */
describe('a form the browser posts itself', () => {
  /** The clerk saves on the record page, the browser sends the form, and the page goes. */
  async function post(dekaNo: string, appSendsIt = false): Promise<void> {
    recordPage(dekaNo);
    await sleep(1200); // the page was idle: its first look is done
    const form = document.querySelector('form') as HTMLFormElement;
    if (appSendsIt) form.addEventListener('submit', (e) => e.preventDefault(), { once: true });
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event('pagehide'));
    stop();
  }

  /** The tab's next page, with the overlay started on it: `body` below e-LAAS' top bar. */
  function nextPage(body: string): void {
    stop = overlayOn(`<header class="navbar">${NAVBAR}</header><main>${body}</main>`, transport);
  }

  const savedDialog = `<h1>บันทึกการจ่ายเงิน</h1><div role="dialog"><p>บันทึกการจ่ายเงินเรียบร้อยแล้ว</p>
    <p>เลขที่อ้างอิง <strong class="payment-ref">R-%</strong></p></div>`;

  it('keeps the save, unanswered, when its success dialog was closed before the overlay looked', async () => {
    await post('111/2569');
    nextPage('<h1>บันทึกการจ่ายเงิน</h1><p>เลือกฎีกา</p>'); // after the dialog: the record page again
    await sleep(1500);
    expect(await keptOf('111/2569')).toEqual([['unanswered', null]]);
    expect(sessionStorage.getItem('evw-saves-out')).toBeNull(); // the background has it
  });

  it('keeps it once, from its success dialog, when the overlay reads it', async () => {
    await post('112/2569');
    nextPage(savedDialog.replace('%', '112'));
    await sleep(1500);
    const records = (await kept()).filter((r) => r.dekaNo === '112/2569');
    expect(records.map((r) => [r.capturedFrom, r.ref])).toEqual([['form', 'R-112']]);
  });

  it('keeps nothing when e-LAAS sends the form back (refused), so the corrected save is not held', async () => {
    await post('113/2569');
    recordPage('113/2569'); // the same form again, no success dialog
    await sleep(1500);
    expect(await keptOf('113/2569')).toEqual([]);
    expect(sessionStorage.getItem('evw-saves-out')).toBeNull();
  });

  it('keeps the save when its answer went by unseen and the clerk opens the same form again', async () => {
    await post('115/2569');
    await sleep(5);
    // The answer's page (its success dialog) was left before our overlay started there; its line
    // wrote down when that page started, as it went.
    sessionStorage.setItem(PAGE_WENT_BY, String(Date.now()));
    await sleep(5);
    recordPage('115/2569'); // the clerk opens the same ฎีกา's form: no dialog, and no send-back
    await sleep(1500);
    expect(await keptOf('115/2569')).toEqual([['unanswered', null]]);
    expect(sessionStorage.getItem('evw-saves-out')).toBeNull(); // the background has it
  });

  it('still reads a send-back after a page went by before the save was posted', async () => {
    sessionStorage.setItem(PAGE_WENT_BY, String(Date.now() - 60_000)); // a page before the form's
    await post('116/2569');
    recordPage('116/2569');
    await sleep(1500);
    expect(await keptOf('116/2569')).toEqual([]);
  });

  it('marks a posted save a page took up, so a later page never reads it as sent back', async () => {
    // Taken up by a page that went before the background had it (its message never answered):
    // the save stays written down, marked; the next page showing its form keeps it all the same.
    await post('117/2569');
    const lost = backgroundTransport((req) =>
      req.type === 'payment/recorded' ? new Promise(() => {}) : undefined,
    );
    stop = overlayOn(`<header class="navbar">${NAVBAR}</header><main><h1>บันทึกการจ่ายเงิน</h1></main>`, lost);
    await sleep(1500);
    const [left] = JSON.parse(sessionStorage.getItem('evw-saves-out') ?? '[]');
    expect(left).toMatchObject({ dekaNo: '117/2569', formPost: true, seen: true });
    stop();
    expect(await keptOf('117/2569')).toEqual([]);
    recordPage('117/2569'); // the same ฎีกา's form: not a send-back of a save a page took up
    await sleep(1500);
    expect(await keptOf('117/2569')).toEqual([['unanswered', null]]);
    expect(sessionStorage.getItem('evw-saves-out')).toBeNull();
  });

  it('writes nothing down for a form the app sends itself (its answer comes to the same page)', async () => {
    await post('114/2569', true);
    nextPage('<h1>บันทึกการจ่ายเงิน</h1>');
    await sleep(1500);
    expect(await keptOf('114/2569')).toEqual([]);
  });
});

/**
 * The same, the clerk quicker still: the form saved the moment it shows, before our overlay has
 * started on its page (it starts once the page is ready; Firefox runs it when the page is idle).
 * The line, there from the page's start, holds the form for the overlay, and writes it down as the
 * page goes if the overlay never came (an e2e run in Firefox kept 2 of 3 payments so).
 */
describe('a form posted before the overlay started on its page', () => {
  /** The clerk types an amount and saves; the browser sends the form; the page goes, no overlay on it. */
  function postUnseen(dekaNo: string, appSendsIt = false): void {
    document.body.innerHTML = recordPageHtml(dekaNo);
    (document.querySelector('input[name="netAmount"]') as HTMLInputElement).value = '9,876.50';
    const form = document.querySelector('form') as HTMLFormElement;
    if (appSendsIt) form.addEventListener('submit', (e) => e.preventDefault(), { once: true });
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event('pagehide'));
  }

  function nextPage(body: string): void {
    stop = overlayOn(`<header class="navbar">${NAVBAR}</header><main>${body}</main>`, transport);
  }

  const savedDialog = (n: string) => `<h1>บันทึกการจ่ายเงิน</h1><div role="dialog">
    <p>บันทึกการจ่ายเงินเรียบร้อยแล้ว</p><p>เลขที่อ้างอิง <strong class="payment-ref">R-${n}</strong></p></div>`;

  it('keeps it once, from the success dialog on the next page, as the clerk typed it', async () => {
    postUnseen('121/2569');
    expect(sessionStorage.getItem(EARLY_SAVE)).toContain('9,876.50');
    nextPage(savedDialog('121'));
    await sleep(1500);
    const records = (await kept()).filter((r) => r.dekaNo === '121/2569');
    expect(records.map((r) => [r.capturedFrom, r.ref, r.amount])).toEqual([['form', 'R-121', 987650]]);
    expect(sessionStorage.getItem(EARLY_SAVE)).toBeNull();
    expect(sessionStorage.getItem('evw-saves-out')).toBeNull();
  });

  it('keeps it unanswered when that dialog was closed before the overlay looked there too', async () => {
    postUnseen('122/2569');
    nextPage('<h1>บันทึกการจ่ายเงิน</h1><p>เลือกฎีกา</p>');
    await sleep(1500);
    expect(await keptOf('122/2569')).toEqual([['unanswered', null]]);
  });

  it('is taken by an overlay that starts while the form is on its way, and kept once', async () => {
    postUnseen('123/2569');
    sessionStorage.clear(); // (what that page wrote as it went: this time it has not gone yet)
    document.body.innerHTML = recordPageHtml('123/2569');
    const form = document.querySelector('form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    stop = overlayOn(null, transport); // our overlay starts on this very page, its form still there
    window.dispatchEvent(new Event('pagehide'));
    stop();
    expect(sessionStorage.getItem(EARLY_SAVE)).toBeNull(); // the overlay wrote it down instead
    expect(sessionStorage.getItem('evw-saves-out')).toContain('123/2569');
    nextPage(savedDialog('123'));
    await sleep(1500);
    const records = (await kept()).filter((r) => r.dekaNo === '123/2569');
    expect(records.map((r) => [r.capturedFrom, r.ref])).toEqual([['form', 'R-123']]);
  });

  it('writes nothing down for a form the app sends itself (the bridge sees that save)', async () => {
    postUnseen('124/2569', true);
    expect(sessionStorage.getItem(EARLY_SAVE)).toBeNull();
    nextPage('<h1>บันทึกการจ่ายเงิน</h1>');
    await sleep(1500);
    expect(await keptOf('124/2569')).toEqual([]);
  });

  it('never writes down a form with a password in it (signing in)', () => {
    document.body.innerHTML = `<form id="kc-form-login"><input name="username" value="somsri">
      <input type="password" name="password"></form>`;
    (document.querySelector('input[name="password"]') as HTMLInputElement).value = 'elaas2569';
    document.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    window.dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem(EARLY_SAVE)).toBeNull();
  });

  it('takes nothing from a written-down form that is not a payment form, or too old', async () => {
    sessionStorage.setItem(
      EARLY_SAVE,
      JSON.stringify({ html: '<form><input name="q" value="x"></form>', at: Date.now() }),
    );
    nextPage('<h1>บันทึกการจ่ายเงิน</h1>');
    await sleep(1500);
    expect(sessionStorage.getItem(EARLY_SAVE)).toBeNull();
    stop();
    const old = Date.now() - 10 * 60_000;
    const html = recordPageHtml('125/2569').replace(/^[\s\S]*(<form[\s\S]*<\/form>)[\s\S]*$/, '$1');
    sessionStorage.setItem(EARLY_SAVE, JSON.stringify({ html, at: old }));
    nextPage('<h1>บันทึกการจ่ายเงิน</h1>');
    await sleep(1500);
    expect(await keptOf('125/2569')).toEqual([]);
    expect(sessionStorage.getItem('evw-saves-out')).toBeNull();
  });
});
