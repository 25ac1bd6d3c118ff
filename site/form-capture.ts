/**
 * Capture from the page when the site's API cannot be read (a server-rendered e-LAAS, or a
 * changed API): read the payment form when it is submitted, then the success dialog e-LAAS shows
 * (possibly on the next page). Never throws; a form it cannot read is not captured.
 */
import type { CapturedPayment } from '../core/records';
import { normaliseText, readFormDekaNo } from './detect';
import type { SiteProfile } from './profile';
import { exists, queryAll } from './query';
import { fiscalYearOfDay, parseAmount, parseCode, parseDay, parseText } from './values';

/** What the form said at submit, kept until the success dialog confirms the save. */
export interface PendingSave {
  dekaNo: string;
  payee: string;
  amount: number;
  payDate: string;
  at: number;
}

function first(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

function readValue(el: Element | null): string {
  if (!el) return '';
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement
    ? el.value
    : (el.textContent ?? '');
}

export function readPaymentForm(profile: SiteProfile, form: Element, now: number): PendingSave | null {
  const f = profile.recordForm;
  const dekaNo = readFormDekaNo(profile, form);
  const payDate = parseDay(readValue(first(form, f.payDate)));
  const amount = parseAmount(readValue(first(form, f.netAmount)));
  if (!dekaNo || !payDate || amount === null) return null;
  return { dekaNo, payDate, amount, payee: parseText(readValue(first(form, f.payee))) ?? '', at: now };
}

/** A save e-LAAS accepted without a readable answer: what the form said, awaiting, no ids yet. */
export function unconfirmedSave(save: PendingSave): CapturedPayment {
  return {
    elaasId: null,
    ref: null,
    dekaNo: save.dekaNo,
    payee: save.payee,
    amount: save.amount,
    payDate: save.payDate,
    fiscalYear: fiscalYearOfDay(save.payDate),
    status: 'awaiting',
    voucherNo: null,
    voucherCreatedAt: null,
  };
}

/** Whether something like e-LAAS' success dialog is on screen (a cheap look before reading it). */
export function successDialogShown(profile: SiteProfile, doc: Document): boolean {
  return exists(doc, profile.recordForm.successDialog);
}

export function readSuccessDialog(
  profile: SiteProfile,
  doc: Document,
  save: PendingSave,
): CapturedPayment | null {
  const f = profile.recordForm;
  const dialogs = queryAll(doc, f.successDialog);
  const texts = f.successTexts.map(normaliseText);
  const dialog = dialogs.find((d) => texts.some((t) => normaliseText(d.textContent ?? '').includes(t)));
  if (!dialog) return null;
  const voucherNo = parseCode(first(dialog, f.voucherNo)?.textContent);
  // What the form said, confirmed now, with what the dialog adds: e-LAAS' reference and, before
  // the change, the voucher number.
  return {
    ...unconfirmedSave(save),
    ref: parseCode(first(dialog, f.ref)?.textContent),
    status: voucherNo ? 'created' : 'awaiting',
    voucherNo,
  };
}

/** The status-check URL for a server-rendered list page. */
export function listPageUrl(profile: SiteProfile, origin: string, dateFromIso: string, page: number): string {
  const [y, m, d] = dateFromIso.split('-');
  const be = `${d}/${m}/${Number(y) + 543}`;
  return new URL(
    profile.listPage.checkUrl.replace('{dateFrom}', encodeURIComponent(be)).replace('{page}', String(page)),
    origin,
  ).href;
}
