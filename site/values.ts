/**
 * Reading values as e-LAAS writes them: amounts like 1,234.50 and dates like 10/06/2569, in
 * Thai or Arabic digits, B.E. or C.E. Every function returns null for what it cannot read.
 */
import { BE_OFFSET } from '../core/dates';
import { toArabicDigits } from '../core/digits';
import { collapseSpace } from '../core/text';

/** The most a payment can be: what 13 digits of baht can say (the text form's limit too). */
const MAX_BAHT = 1e13;

/** "1,234.50", "฿1,234.5", "๑,๒๓๔.๕๐", 1234.5 → satang (123450). */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') {
    // Beyond this a number has no exact satang (and no payment is that large).
    return Number.isFinite(value) && value >= 0 && value < MAX_BAHT ? Math.round(value * 100) : null;
  }
  if (typeof value !== 'string') return null;
  const s = toArabicDigits(value).replace(/[฿,\s]|บาท/g, '');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(s)) return null;
  const [whole = '0', frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

function isoDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A year as written: above 2400 it is B.E. */
function gregorian(year: number): number {
  return year > 2400 ? year - BE_OFFSET : year;
}

/** "2026-06-10", "2026-06-10T…", "10/06/2569", "๑๐/๐๖/๒๕๖๙", "10/06/2026" → "2026-06-10". */
export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = toArabicDigits(value).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return isoDay(gregorian(Number(m[1])), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return isoDay(gregorian(Number(m[3])), Number(m[2]), Number(m[1]));
  return null;
}

const BANGKOK = '+07:00';

/** "2026-06-10T14:05:00+07:00" or "10/06/2569 14:05" (Bangkok) → ms; null otherwise. */
export function parseDateTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const s = toArabicDigits(value).trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) {
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}${BANGKOK}`;
    const t = Date.parse(withZone);
    return Number.isNaN(t) ? null : t;
  }
  const m = /^(\d{1,2}\/\d{1,2}\/\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return null;
  const day = parseDay(m[1]);
  if (!day) return null;
  const t = Date.parse(`${day}T${m[2]?.padStart(2, '0')}:${m[3]}:${m[4] ?? '00'}${BANGKOK}`);
  return Number.isNaN(t) ? null : t;
}

/** The fiscal year (B.E.) a day falls in: October starts the next one. */
export function fiscalYearOfDay(isoDayValue: string): number {
  const [y = '0', m = '0'] = isoDayValue.split('-');
  return Number(y) + BE_OFFSET + (Number(m) >= 10 ? 1 : 0);
}

/** A short identifier as e-LAAS gives it (ฎีกา number, voucher number, reference): trimmed, bounded. */
export function parseCode(value: unknown, max = 64): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const s = collapseSpace(toArabicDigits(value));
  return s && s.length <= max && !/[<>"'`]/.test(s) ? s : null;
}

/** Free text from e-LAAS (payee, reason): collapsed, bounded; shown as text only. */
export function parseText(value: unknown, max = 300): string | null {
  if (typeof value !== 'string') return null;
  const s = collapseSpace(value);
  return s ? s.slice(0, max) : null;
}
