/**
 * Reading e-LAAS' JSON API through the site profile: the answer to recording a payment, and the
 * payments list used as the status check. Never throws; says why when it cannot read.
 */
import type { CapturedPayment, StatusRow, VoucherStatus } from '../core/records';
import type { ApiProfile, FieldNames } from './profile';
import { fiscalYearOfDay, parseAmount, parseCode, parseDateTime, parseDay, parseText } from './values';

export type { CapturedPayment };

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'unreadable' | 'refused'; message?: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick(obj: Record<string, unknown>, names: FieldNames): unknown {
  for (const n of names) if (Object.hasOwn(obj, n) && obj[n] !== undefined) return obj[n];
  return undefined;
}

function status(
  api: ApiProfile,
  value: unknown,
  statusTexts: Record<string, VoucherStatus>,
): VoucherStatus | null {
  if (typeof value !== 'string') return null;
  // Own keys only: a status of "valueOf" or "__proto__" is not one of ours.
  const text = value.trim();
  if (Object.hasOwn(api.statusCodes, value)) return api.statusCodes[value] ?? null;
  if (Object.hasOwn(statusTexts, text)) return statusTexts[text] ?? null;
  return null;
}

/** One payment object from the API, or null when a required field is missing or wrong. */
export function readPayment(
  api: ApiProfile,
  statusTexts: Record<string, VoucherStatus>,
  obj: unknown,
): (CapturedPayment & { failureReason: string | null }) | null {
  if (!isRecord(obj)) return null;
  const f = api.fields;
  const dekaNo = parseCode(pick(obj, f.dekaNo));
  const amount = parseAmount(pick(obj, f.amount));
  const payDate = parseDay(pick(obj, f.payDate));
  const st = status(api, pick(obj, f.status), statusTexts);
  if (!dekaNo || amount === null || !payDate || !st) return null;
  const fy = Number(pick(obj, f.fiscalYear));
  return {
    elaasId: parseCode(pick(obj, f.id)),
    ref: parseCode(pick(obj, f.ref)),
    dekaNo,
    payee: parseText(pick(obj, f.payee)) ?? '',
    amount,
    payDate,
    fiscalYear: Number.isInteger(fy) && fy > 2400 ? fy : fiscalYearOfDay(payDate),
    status: st,
    voucherNo: parseCode(pick(obj, f.voucherNo)),
    voucherCreatedAt: parseDateTime(pick(obj, f.voucherCreatedAt)),
    failureReason: parseText(pick(obj, f.failureReason)),
  };
}

function envelope(api: ApiProfile, body: unknown): Parsed<unknown> {
  if (!isRecord(body)) return { ok: false, reason: 'unreadable' };
  const e = api.envelope;
  const code = body[e.code];
  if (typeof code !== 'string') return { ok: false, reason: 'unreadable' };
  if (!e.success.includes(code)) {
    return { ok: false, reason: 'refused', message: parseText(body[e.message]) ?? undefined };
  }
  return { ok: true, value: body[e.data] };
}

/** The answer to recording a payment: what was saved, or why it was not. */
export function parseRecordAnswer(
  api: ApiProfile,
  statusTexts: Record<string, VoucherStatus>,
  body: unknown,
): Parsed<CapturedPayment> {
  const data = envelope(api, body);
  if (!data.ok) return data;
  const p = readPayment(api, statusTexts, data.value);
  if (!p) return { ok: false, reason: 'unreadable' };
  const { failureReason: _, ...payment } = p;
  return { ok: true, value: payment };
}

/** A page of the payments list as status rows. Rows it cannot read are skipped and counted. */
export function parseListAnswer(
  api: ApiProfile,
  statusTexts: Record<string, VoucherStatus>,
  body: unknown,
): Parsed<{ rows: StatusRow[]; total: number; skipped: number }> {
  const data = envelope(api, body);
  if (!data.ok) return data;
  if (!isRecord(data.value) || !Array.isArray(data.value[api.envelope.rows]))
    return { ok: false, reason: 'unreadable' };
  const raw = data.value[api.envelope.rows] as unknown[];
  const rows: StatusRow[] = [];
  for (const item of raw) {
    const p = readPayment(api, statusTexts, item);
    if (!p) continue;
    rows.push({
      elaasId: p.elaasId,
      ref: p.ref,
      dekaNo: p.dekaNo,
      amount: p.amount,
      payDate: p.payDate,
      status: p.status,
      voucherNo: p.voucherNo,
      voucherCreatedAt: p.voucherCreatedAt,
      failureReason: p.failureReason,
    });
  }
  const total = Number(data.value[api.envelope.total]);
  return {
    ok: true,
    value: { rows, total: Number.isFinite(total) ? total : rows.length, skipped: raw.length - rows.length },
  };
}

/** The status request's URL for one page: the profile's list, from a pay date. */
export function listRequestUrl(
  api: Pick<ApiProfile, 'list'>,
  origin: string,
  dateFrom: string,
  fiscalYear: number,
  page: number,
): string {
  const url = new URL(api.list.path, origin);
  const p = api.list.params;
  url.searchParams.set(p.dateFrom, dateFrom);
  url.searchParams.set(p.fiscalYear, String(fiscalYear));
  url.searchParams.set(p.page, String(page));
  url.searchParams.set(p.size, String(api.list.pageSize));
  return url.href;
}
