/**
 * Messages between the extension's contexts. Every message that crosses a context boundary is
 * parsed here first; anything that does not match exactly is refused. Pure.
 */
import type { PauseReason } from './planner';
import {
  CAPTURE_SOURCES,
  type CapturedPayment,
  type CaptureSource,
  type PaymentRecord,
  type Scope,
  type StatusRow,
  type VoucherStatus,
} from './records';
import type { ResolvedSettings } from './settings';
import { amount, code, fiscalYear, isoDayText, isRecord, isStatus, onlyKeys, text, time } from './validate';

/** Who the clerk is in e-LAAS (origin + user), or `*` while the page does not say. */
export type UserKey = string;

export type Request =
  | { type: 'overlay/state'; userKey: UserKey }
  | { type: 'notice/dismiss'; userKey: UserKey; version: string }
  | { type: 'notice/reset' }
  | { type: 'settings/get' }
  | { type: 'settings/set'; patch: Record<string, unknown> }
  | { type: 'payment/recorded'; scope: Scope; payment: CapturedPayment; capturedFrom: CaptureSource }
  | { type: 'records/mine'; scope: Scope }
  | { type: 'status/rows'; scope: Scope; rows: StatusRow[] }
  | { type: 'check/now' }
  | { type: 'records/seen' }
  | { type: 'options/open' }
  | { type: 'records/summary' }
  | { type: 'records/export' }
  | { type: 'records/import'; records: unknown[] }
  | { type: 'records/purge' }
  | { type: 'records/clear' };

/** What the overlay shows about the poller. */
export interface PollerView {
  lastCheckAt: number | null;
  nextCheckAt: number | null;
  paused: PauseReason | null;
}

export interface MyRecords {
  records: PaymentRecord[];
  poller: PollerView;
  now: number;
  overdueMs: number;
  /** Notifications are on in settings but the browser permission is not granted yet. */
  offerNotifications: boolean;
  /**
   * The records database refused writes (storage full, an older copy holding it, failing): the
   * payments it refused are in `records` all the same, kept aside until it takes them.
   */
  storageProblem: 'quota' | 'blocked' | 'failed' | null;
}

/** The background asks a tab to run the status check where the session is. */
export interface CheckRequest {
  type: 'check/run';
  dateFrom: string;
  fiscalYears: number[];
  /**
   * The list's first page to read (1 unless an earlier check stopped at the profile's page limit
   * with payments still unseen: then it goes on from there, so a long list is read in turns).
   */
  firstPage: number;
}

/** Pages a check may start from: far beyond any list e-LAAS would page through. */
export const MAX_FIRST_PAGE = 10_000;

export type CheckResult =
  /** nextPage: where the list goes on past the pages read (null: read to its end). */
  | { ok: true; rows: StatusRow[]; nextPage: number | null }
  | { ok: false; reason: PauseReason | 'unreadable'; message?: string };

export interface OverlayState {
  settings: ResolvedSettings;
  dismissedVersion: string | null;
  /** The background's clock (controllable in local builds), so every context agrees on "today". */
  now: number;
  /**
   * The overlay's text in the clerk's language. The background holds the catalogs, so the
   * script that runs on every e-LAAS page does not carry both languages.
   */
  messages: Record<string, string>;
  /**
   * The site profile in force (site/profile.ts's SiteProfile, with the organisation's overrides
   * merged in by the background), or null when it is the built-in one. Typed loosely here: core
   * knows nothing of e-LAAS.
   */
  profile: unknown;
}

export type Reply<T = undefined> = { ok: true; data: T } | { ok: false; error: string };

export interface ReplyFor {
  'overlay/state': OverlayState;
  'notice/dismiss': undefined;
  'notice/reset': undefined;
  'settings/get': ResolvedSettings;
  'settings/set': ResolvedSettings;
  /** `record`: as kept, for the tab that sent it to show at once (null: kept aside earlier). */
  'payment/recorded': { id: string; duplicate: boolean; record: PaymentRecord | null };
  'records/mine': MyRecords;
  'status/rows': { changed: number };
  'check/now': PollerView;
  'records/seen': undefined;
  'options/open': undefined;
  'records/summary': Summary;
  'records/export': PaymentRecord[];
  'records/import': { added: number; updated: number; unchanged: number } | { refused: number };
  'records/purge': { deleted: number };
  'records/clear': undefined;
}

export type StatusCounts = Record<VoucherStatus | 'overdue', number>;

/** What the popup shows: every clerk's records in this browser, counted, and the latest. */
export interface Summary {
  counts: StatusCounts;
  total: number;
  latest: PaymentRecord[];
  poller: PollerView;
  now: number;
  overdueMs: number;
  /** Where "open e-LAAS" goes: the payments list of the e-LAAS used last. */
  elaasUrl: string;
  /** The voucher page's address pattern in force (`{voucherNo}`, relative to the origin). */
  voucherUrl: string;
}

/** Requests only extension pages (options, popup) may send; content scripts may not. */
export const PRIVILEGED: ReadonlySet<Request['type']> = new Set([
  'notice/reset',
  'settings/get',
  'records/summary',
  'records/export',
  'records/import',
  'records/purge',
  'records/clear',
]);

/** Records one import may carry (the options page checked the file; the background checks again). */
export const MAX_IMPORT = 100_000;

const MAX_USER_KEY = 300;

function userKey(v: unknown): v is UserKey {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_USER_KEY;
}

export function parseScope(v: unknown): Scope | null {
  if (!isRecord(v) || !onlyKeys(v, ['unit', 'user'])) return null;
  return text(v.unit, 200) && text(v.user, 200) ? { unit: v.unit, user: v.user } : null;
}

export function parseCaptured(v: unknown): CapturedPayment | null {
  if (!isRecord(v)) return null;
  const keys = [
    'elaasId',
    'ref',
    'dekaNo',
    'payee',
    'amount',
    'payDate',
    'fiscalYear',
    'status',
    'voucherNo',
    'voucherCreatedAt',
  ];
  if (!onlyKeys(v, keys)) return null;
  return capturedFieldsValid(v) ? (v as unknown as CapturedPayment) : null;
}

/** The fields of a captured payment (also the core of a stored record) hold valid values. */
export function capturedFieldsValid(v: Record<string, unknown>): boolean {
  return (
    code(v.elaasId) &&
    code(v.ref) &&
    code(v.dekaNo) &&
    v.dekaNo !== null &&
    text(v.payee, 300, true) &&
    amount(v.amount) &&
    isoDayText(v.payDate) &&
    fiscalYear(v.fiscalYear) &&
    isStatus(v.status) &&
    code(v.voucherNo) &&
    time(v.voucherCreatedAt)
  );
}

export function parseStatusRow(v: unknown): StatusRow | null {
  if (!isRecord(v)) return null;
  const keys = [
    'elaasId',
    'ref',
    'dekaNo',
    'amount',
    'payDate',
    'status',
    'voucherNo',
    'voucherCreatedAt',
    'failureReason',
  ];
  if (!onlyKeys(v, keys)) return null;
  const ok =
    code(v.elaasId) &&
    code(v.ref) &&
    code(v.dekaNo) &&
    v.dekaNo !== null &&
    (v.amount === null || amount(v.amount)) &&
    (v.payDate === null || isoDayText(v.payDate)) &&
    isStatus(v.status) &&
    code(v.voucherNo) &&
    time(v.voucherCreatedAt) &&
    (v.failureReason === null || text(v.failureReason, 300));
  return ok ? (v as unknown as StatusRow) : null;
}

const MAX_ROWS = 1000;

function rows(v: unknown): StatusRow[] | null {
  if (!Array.isArray(v) || v.length > MAX_ROWS) return null;
  const out: StatusRow[] = [];
  for (const item of v) {
    const row = parseStatusRow(item);
    if (!row) return null;
    out.push(row);
  }
  return out;
}

export function parseCheckResult(v: unknown): CheckResult | null {
  if (!isRecord(v)) return null;
  if (v.ok === true) {
    const r = rows(v.rows);
    const next = v.nextPage;
    const nextOk =
      next === null || (Number.isInteger(next) && (next as number) > 1 && (next as number) <= MAX_FIRST_PAGE);
    return r && nextOk ? { ok: true, rows: r, nextPage: next as number | null } : null;
  }
  const reasons = ['offline', 'logged-out', 'maintenance', 'no-tab', 'site-error', 'unreadable'];
  if (v.ok === false && typeof v.reason === 'string' && reasons.includes(v.reason)) {
    return {
      ok: false,
      reason: v.reason as PauseReason | 'unreadable',
      message: typeof v.message === 'string' ? v.message.slice(0, 300) : undefined,
    };
  }
  return null;
}

/** Parse an incoming message; null when it is not exactly one of ours. */
export function parseRequest(v: unknown): Request | null {
  if (!isRecord(v) || typeof v.type !== 'string') return null;
  switch (v.type) {
    case 'overlay/state':
      return onlyKeys(v, ['type', 'userKey']) && userKey(v.userKey)
        ? { type: v.type, userKey: v.userKey }
        : null;
    case 'notice/dismiss':
      return onlyKeys(v, ['type', 'userKey', 'version']) &&
        userKey(v.userKey) &&
        typeof v.version === 'string' &&
        /^[0-9a-f]{8}$/.test(v.version)
        ? { type: v.type, userKey: v.userKey, version: v.version }
        : null;
    case 'notice/reset':
    case 'settings/get':
      return onlyKeys(v, ['type']) ? { type: v.type } : null;
    case 'settings/set':
      return onlyKeys(v, ['type', 'patch']) && isRecord(v.patch) ? { type: v.type, patch: v.patch } : null;
    case 'payment/recorded': {
      if (!onlyKeys(v, ['type', 'scope', 'payment', 'capturedFrom'])) return null;
      const scope = parseScope(v.scope);
      const payment = parseCaptured(v.payment);
      const from = CAPTURE_SOURCES.find((s) => s === v.capturedFrom) ?? null;
      return scope && payment && from ? { type: v.type, scope, payment, capturedFrom: from } : null;
    }
    case 'records/mine': {
      const scope = onlyKeys(v, ['type', 'scope']) ? parseScope(v.scope) : null;
      return scope ? { type: v.type, scope } : null;
    }
    case 'status/rows': {
      if (!onlyKeys(v, ['type', 'scope', 'rows'])) return null;
      const scope = parseScope(v.scope);
      const r = rows(v.rows);
      return scope && r ? { type: v.type, scope, rows: r } : null;
    }
    case 'check/now':
    case 'records/seen':
    case 'options/open':
    case 'records/summary':
    case 'records/export':
    case 'records/purge':
    case 'records/clear':
      return onlyKeys(v, ['type']) ? { type: v.type } : null;
    case 'records/import':
      return onlyKeys(v, ['type', 'records']) && Array.isArray(v.records) && v.records.length <= MAX_IMPORT
        ? { type: v.type, records: v.records }
        : null;
    default:
      return null;
  }
}

/** Check the shape of a reply before trusting it (the other side may be an old version). */
export function parseReply<T>(v: unknown): Reply<T> {
  // Chromium's messaging is JSON: `data: undefined` arrives with no `data` key at all.
  if (isRecord(v) && v.ok === true) return { ok: true, data: v.data as T };
  if (isRecord(v) && v.ok === false && typeof v.error === 'string') return { ok: false, error: v.error };
  return { ok: false, error: 'no valid reply' };
}
