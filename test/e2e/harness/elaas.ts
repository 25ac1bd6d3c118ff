/**
 * Driving the simulator's e-LAAS as a clerk would (record payments in design A or B) and reading
 * what the extension's background shows (badge, alarm), shared by the end-to-end tests.
 */
import { expect } from 'vitest';
import type { Payment } from '../../../simulator/model/types';
import { openSignedIn, type PanelRecord } from './overlay';
import type { Session, TestPage } from './session';

export const RECORD = '#/expenditure/payment/record';

/**
 * Click an e-LAAS control by dispatching the click on it: our panel grows above the form as
 * records arrive, and a pointer click aimed at a moving button can land beside it.
 */
export function clickNow(page: TestPage, selector: string): Promise<void> {
  return page.evaluate((sel) => {
    (document.querySelector(sel) as HTMLElement).click();
  }, selector);
}

export async function recordPayments(page: TestPage, n: number): Promise<void> {
  await page.waitFor(() => document.querySelectorAll('#deka-results .select-deka').length > 3, null);
  for (let i = 0; i < n; i++) {
    await page.evaluate((k) => {
      (document.querySelectorAll('#deka-results .select-deka')[k] as HTMLElement).click();
    }, i);
    await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
    await clickNow(page, '#save');
    await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
    await clickNow(page, '#dlg-ok');
    await page.waitFor(() => document.querySelector('#result-dialog') === null, null);
  }
}

export function badge(session: Session): Promise<string> {
  return session.inExtension(async () => {
    const g = globalThis as unknown as Record<
      string,
      { action: { getBadgeText(d: object): Promise<string> } } | undefined
    >;
    return (g.browser ?? g.chrome)?.action.getBadgeText({}) ?? '';
  }, null);
}

/** Fire the background's real check alarm now (as Chrome or Firefox would when it is due). */
export function fireCheckAlarm(session: Session): Promise<void> {
  return session.inExtension(async () => {
    const g = globalThis as unknown as Record<
      string,
      { alarms: { create(n: string, o: object): void } } | undefined
    >;
    (g.browser ?? g.chrome)?.alarms.create('voucher-check', { when: Date.now() });
  }, null);
}

/** The badge text once it reads `want`, or what it reads after `seconds`. */
export async function badgeBecomes(session: Session, want: string, seconds = 5): Promise<string> {
  let text = await badge(session);
  for (let i = 0; i < seconds * 10 && text !== want; i++) {
    await new Promise((r) => setTimeout(r, 100));
    text = await badge(session);
  }
  return text;
}

export function alarm(session: Session): Promise<boolean> {
  return session.inExtension(async () => {
    const g = globalThis as unknown as Record<
      string,
      { alarms: { get(n: string): Promise<unknown> } } | undefined
    >;
    return Boolean(await (g.browser ?? g.chrome)?.alarms.get('voucher-check'));
  }, null);
}

/** Design B: record the ฎีกา at `index` of the record page's list, and close e-LAAS' dialog. */
export async function recordOneB(page: TestPage, simUrl: string, index: number): Promise<void> {
  await openSignedIn(page, `${simUrl}payment/record`);
  await saveFromDekaListB(page, index);
  await page.waitFor(() => document.querySelector('#result-dialog') !== null, null);
  // The clerk closes e-LAAS' dialog (a link back to the record page).
  await clickNow(page, '#dlg-ok');
  await page.waitFor(
    () => document.querySelector('#result-dialog') === null && document.querySelector('main h1') !== null,
    null,
  );
}

/** Design B: on the record page, open the form of the `index`th ฎีกา listed and save it at once. */
export async function saveFromDekaListB(page: TestPage, index: number): Promise<void> {
  await page.evaluate((i) => {
    (document.querySelectorAll('#deka-results a')[i] as HTMLElement).click();
  }, index);
  await page.waitFor(() => document.querySelector('#payment-form') !== null, null);
  await clickNow(page, '#save');
}

/** Each payment in the simulator's truth appears in the panel with its status, voucher and reason. */
export function expectPanelShowsTruth(shown: PanelRecord[], truth: Payment[]): void {
  for (const p of truth) {
    // (A save the extension says e-LAAS never received is no payment: not this one.)
    const r = shown.find((x) => x.deka === p.dekaNo && !x.notReceived);
    expect(r?.status, p.dekaNo).toBe(p.status);
    expect(r?.voucher, p.dekaNo).toBe(p.voucherNo ? `ใบผ่านรายการจ่าย ${p.voucherNo}` : '');
    expect(r?.reason, p.dekaNo).toBe(p.status === 'failed' ? p.failureReason : '');
  }
}

/** Wait until the panel says checking is paused, and why, in these words. */
export function panelPausedSays(page: TestPage, text: string): Promise<unknown> {
  return page.waitFor(
    (want) =>
      document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-paused')?.textContent === want,
    text,
  );
}

/** Wait until the panel shows `n` payments, every one created or failed. */
export function waitForFinalStatuses(page: TestPage, n: number): Promise<unknown> {
  return page.waitFor((count) => {
    const chips =
      document.querySelector('evw-panel')?.shadowRoot?.querySelectorAll('.evw-chip[data-status]') ?? [];
    return (
      chips.length === count &&
      Array.from(chips).every((c) => ['created', 'failed'].includes(c.getAttribute('data-status') ?? ''))
    );
  }, n);
}

/** Wait until the panel lists exactly `n` payments. */
export function waitForRecords(page: TestPage, n: number): Promise<unknown> {
  return page.waitFor(
    (count) =>
      (document.querySelector('evw-panel')?.shadowRoot?.querySelectorAll('.evw-record').length ?? -1) ===
      count,
    n,
  );
}

/** Our inline statuses on the payments list: ฎีกา (as e-LAAS' row shows it) → our status. */
export function inlineStatuses(page: TestPage, dekaHeader = 'ฎีกาเลขที่'): Promise<Record<string, string>> {
  return page.evaluate((header) => {
    const out: Record<string, string> = {};
    for (const chip of Array.from(document.querySelectorAll('evw-status'))) {
      const row = chip.closest('tr');
      const headers = Array.from(row?.closest('table')?.querySelectorAll('thead th') ?? []).map((h) =>
        (h.textContent ?? '').trim(),
      );
      const deka = row?.children[headers.indexOf(header)]?.textContent?.trim() ?? '?';
      out[deka] = chip.getAttribute('data-status') ?? '';
    }
    return out;
  }, dekaHeader);
}

/** The statuses the panel shows, in its order. */
export function panelStatuses(page: TestPage): Promise<string[]> {
  return page.evaluate(
    () =>
      Array.from(
        document
          .querySelector('evw-panel')
          ?.shadowRoot?.querySelectorAll('.evw-record .evw-chip[data-status]') ?? [],
      ).map((c) => c.getAttribute('data-status') ?? ''),
    null,
  );
}

/** Wait for the duplicate guard's warning, and return its text. */
export function guardWarning(page: TestPage): Promise<string> {
  return page.waitFor(
    () =>
      document.querySelector('evw-guard')?.shadowRoot?.querySelector('[role="alertdialog"]')?.textContent ??
      '',
    null,
  );
}

/** Wait until the panel shows a payment whose voucher was created. */
export function panelShowsCreated(page: TestPage, timeoutMs?: number): Promise<unknown> {
  return page.waitFor(
    // (Boolean, not `!== null`: with no panel yet, the chain is undefined, which is not null: this
    // wait once ended on a page still loading, before its panel had read anything.)
    () =>
      Boolean(
        document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-chip[data-status="created"]'),
      ),
    null,
    timeoutMs,
  );
}

/** A record as the options page's export gives it (the fields the tests compare). */
export interface ExportedRecord {
  /** Our id for the record (`core/records.ts` recordId). */
  id: string;
  /** e-LAAS' reference, once known. */
  ref: string | null;
  dekaNo: string;
  status: string;
  voucherNo: string | null;
  failureReason: string | null;
  /** `unanswered`: a save whose answer never came (failed: e-LAAS never received it). */
  capturedFrom: string;
}

/** Every record the extension keeps (the options page's export). */
export function exportedRecords(session: Session): Promise<ExportedRecord[]> {
  return session.inExtension(async () => {
    const g = globalThis as unknown as Record<
      string,
      { runtime: { sendMessage(m: object): Promise<unknown> } }
    >;
    const reply = (await (g.browser ?? g.chrome)?.runtime.sendMessage({ type: 'records/export' })) as {
      data: ExportedRecord[];
    };
    return reply.data.map(({ id, ref, dekaNo, status, voucherNo, failureReason, capturedFrom }) => ({
      id,
      ref,
      dekaNo,
      status,
      voucherNo,
      failureReason,
      capturedFrom,
    }));
  }, null);
}

/** The ฎีกา of every record the extension keeps, sorted. */
export async function storedDekas(session: Session): Promise<string[]> {
  return (await exportedRecords(session)).map((r) => r.dekaNo).sort();
}
