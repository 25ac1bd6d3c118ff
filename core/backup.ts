/**
 * The clerk's records out and back in: CSV for Excel (UTF-8 with a BOM so Thai shows), a JSON
 * backup, validation of a backup before anything is written, a merge without duplicates, and
 * retention. Pure: no storage, no clock.
 */
import { formatDateTime } from './dates';
import type { PageTranslate } from './i18n-pages';
import { capturedFieldsValid } from './protocol';
import type { PaymentRecord, StatusEvent } from './records';
import { CAPTURE_SOURCES, FINAL, lastChange } from './records';
import { isRecord, isStatus, onlyKeys, text, time } from './validate';

export const BACKUP_FORMAT = 'e-laas-voucher-watch-backup';
export const BACKUP_VERSION = 1;
/** A backup larger than this is refused before it is parsed (about 100,000 records). */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
export const MAX_BACKUP_RECORDS = 100_000;
const DAY_MS = 24 * 3600_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  records: PaymentRecord[];
}

export function toBackup(records: PaymentRecord[], exportedAt: number): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, records };
  return JSON.stringify(backup, null, 1);
}

const RECORD_KEYS = [
  'id',
  'origin',
  'unit',
  'user',
  'dekaNo',
  'payee',
  'amount',
  'payDate',
  'fiscalYear',
  'recordedAt',
  'elaasId',
  'ref',
  'status',
  'voucherNo',
  'voucherCreatedAt',
  'failureReason',
  'history',
  'lastCheckedAt',
  'capturedFrom',
] as const;

function parseEvent(v: unknown): StatusEvent | null {
  if (!isRecord(v) || !onlyKeys(v, ['status', 'at', 'source', 'reason'])) return null;
  const ok =
    isStatus(v.status) &&
    time(v.at) &&
    v.at !== null &&
    (v.source === 'capture' || v.source === 'check' || v.source === 'list') &&
    (v.reason === undefined || text(v.reason, 300));
  return ok ? (v as unknown as StatusEvent) : null;
}

function origin(v: unknown): v is string {
  if (!text(v, 200)) return false;
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === v;
  } catch {
    return false;
  }
}

/** One record exactly as we store it, or null. */
export function parseRecord(v: unknown): PaymentRecord | null {
  if (!isRecord(v) || !onlyKeys(v, RECORD_KEYS)) return null;
  if (!Array.isArray(v.history) || v.history.length === 0 || v.history.length > 50) return null;
  const history = v.history.map(parseEvent);
  const ok =
    text(v.id, 700) &&
    origin(v.origin) &&
    text(v.unit, 200) &&
    text(v.user, 200) &&
    capturedFieldsValid(v) &&
    time(v.recordedAt) &&
    v.recordedAt !== null &&
    (v.failureReason === null || text(v.failureReason, 300)) &&
    time(v.lastCheckedAt) &&
    CAPTURE_SOURCES.some((s) => s === v.capturedFrom) &&
    history.every((e) => e !== null);
  return ok ? ({ ...v, history } as unknown as PaymentRecord) : null;
}

/** Why a backup was refused: a message key and, for a bad record, which one (1-based). */
export type BackupProblem =
  | { reason: 'backupTooLarge' | 'backupNotJson' | 'backupNotOurs' | 'backupNewer' | 'backupTooMany' }
  | { reason: 'backupBadRecord'; index: number };

export type ParsedBackup = { ok: true; records: PaymentRecord[] } | ({ ok: false } & BackupProblem);

/** Check a whole backup before anything is written: one bad record refuses the file. */
export function parseBackup(raw: string): ParsedBackup {
  if (raw.length > MAX_BACKUP_BYTES) return { ok: false, reason: 'backupTooLarge' };
  let v: unknown;
  try {
    v = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'backupNotJson' };
  }
  if (!isRecord(v) || v.format !== BACKUP_FORMAT || !Array.isArray(v.records)) {
    return { ok: false, reason: 'backupNotOurs' };
  }
  if (typeof v.version !== 'number' || v.version > BACKUP_VERSION)
    return { ok: false, reason: 'backupNewer' };
  if (v.records.length > MAX_BACKUP_RECORDS) return { ok: false, reason: 'backupTooMany' };
  const records: PaymentRecord[] = [];
  for (const [i, item] of v.records.entries()) {
    const r = parseRecord(item);
    if (!r) return { ok: false, reason: 'backupBadRecord', index: i + 1 };
    records.push(r);
  }
  return { ok: true, records };
}

function sameKey(r: PaymentRecord): string | null {
  const key = r.ref ?? r.elaasId;
  return key === null ? null : `${r.origin}|${r.unit}|${r.user}|${key}`;
}

export interface Merge {
  /** Records to write (new ones and ones the backup knows more recent news of). */
  put: PaymentRecord[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merge a backup into what is stored, without duplicates: the same payment is recognised by our
 * id or by e-LAAS' reference for the same clerk; of two versions the later-changed one wins
 * (on a tie, the stored one stays).
 */
export function mergeRecords(stored: PaymentRecord[], incoming: PaymentRecord[]): Merge {
  const byId = new Map(stored.map((r) => [r.id, r]));
  const byKey = new Map<string, PaymentRecord>();
  const remember = (r: PaymentRecord) => {
    byId.set(r.id, r);
    const k = sameKey(r);
    if (k) byKey.set(k, r);
  };
  for (const r of stored) remember(r);
  const put = new Map<string, PaymentRecord>();
  const addedIds = new Set<string>();
  const updatedIds = new Set<string>();
  let unchanged = 0;
  for (const r of incoming) {
    const k = sameKey(r);
    const current = byId.get(r.id) ?? (k ? byKey.get(k) : undefined);
    if (!current) {
      addedIds.add(r.id);
    } else if (lastChange(r) > lastChange(current)) {
      if (!addedIds.has(current.id)) updatedIds.add(current.id);
    } else {
      unchanged++;
      continue;
    }
    // Keep the stored id, so the same payment never appears under two ids.
    const next = current ? { ...r, id: current.id } : r;
    put.set(next.id, next);
    remember(next);
  }
  return { put: [...put.values()], added: addedIds.size, updated: updatedIds.size, unchanged };
}

/** Finished records older than the retention period (pending ones are never purged). */
export function expiredRecords(records: PaymentRecord[], now: number, retentionDays: number): string[] {
  const before = now - retentionDays * DAY_MS;
  return records.filter((r) => FINAL.includes(r.status) && lastChange(r) < before).map((r) => r.id);
}

/** A cell that Excel must not read as a formula (OWASP CSV injection). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'csvDeka',
  'csvPayee',
  'csvAmount',
  'csvPayDate',
  'csvFiscalYear',
  'csvRecordedAt',
  'csvStatus',
  'csvVoucherNo',
  'csvVoucherCreatedAt',
  'csvFailureReason',
  'csvUnit',
  'csvUser',
  'csvRef',
  'csvOrigin',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The values of one record's CSV row (exported as they are; dates in B.E. for a Thai reader). */
export function csvValues(
  r: PaymentRecord,
  statusText: (r: PaymentRecord) => string,
  lang: 'th' | 'en',
): Record<CsvColumn, string> {
  const when = (ms: number | null) => (ms === null ? '' : formatDateTime(ms, lang, false));
  return {
    csvDeka: r.dekaNo,
    csvPayee: r.payee,
    csvAmount: `${Math.floor(r.amount / 100)}.${String(r.amount % 100).padStart(2, '0')}`,
    csvPayDate: r.payDate,
    csvFiscalYear: String(r.fiscalYear),
    csvRecordedAt: when(r.recordedAt),
    csvStatus: statusText(r),
    csvVoucherNo: r.voucherNo ?? '',
    csvVoucherCreatedAt: when(r.voucherCreatedAt),
    csvFailureReason: r.failureReason ?? '',
    csvUnit: r.unit,
    csvUser: r.user,
    csvRef: r.ref ?? r.elaasId ?? '',
    csvOrigin: r.origin,
  };
}

/** CSV for Excel: UTF-8 with a BOM, CRLF line ends, a header row in the clerk's language. */
export function toCsv(
  records: PaymentRecord[],
  t: PageTranslate,
  statusText: (r: PaymentRecord) => string,
  lang: 'th' | 'en',
): string {
  const lines = [CSV_COLUMNS.map((c) => cell(t(c))).join(',')];
  for (const r of records) {
    const values = csvValues(r, statusText, lang);
    lines.push(CSV_COLUMNS.map((c) => cell(values[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
