/** How the simulated e-LAAS writes money and dates: 1,234.50 and B.E. dates in Bangkok time. */
const BKK = 7 * 3600_000;
const MONTHS = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
];

export function baht(satang: number): string {
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parse "1,234.50" (Thai or Arabic digits) into satang; null when it is not an amount. */
export function parseBaht(text: string): number | null {
  const s = text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** YYYY-MM-DD → 10/06/2569 */
export function dayBE(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${Number(y) + 543}`;
}

/** 10/06/2569 (or ๑๐/๐๖/๒๕๖๙) → YYYY-MM-DD; null when it is not a date. */
export function parseDayBE(text: string): string | null {
  const s = text.trim().replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return null;
  const y = Number(m[3]) - 543;
  const iso = `${y}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? null : iso;
}

/** ms → 10/06/2569 14:05 (Bangkok) */
export function dateTimeBE(ms: number): string {
  const d = new Date(ms + BKK);
  const day = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear() + 543}`;
  return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** ms → 2026-06-10T14:05:00+07:00 */
export function isoBangkok(ms: number): string {
  return `${new Date(ms + BKK).toISOString().slice(0, 19)}+07:00`;
}

/** ms → the Bangkok day, YYYY-MM-DD */
export function bangkokIsoDay(ms: number): string {
  return new Date(ms + BKK).toISOString().slice(0, 10);
}

/** The fiscal year (B.E.) of a Bangkok day: October starts the next one. */
export function fiscalYearOf(ms: number): number {
  const d = new Date(ms + BKK);
  return d.getUTCFullYear() + 543 + (d.getUTCMonth() >= 9 ? 1 : 0);
}

export function monthNameTh(month: number): string {
  return MONTHS[month - 1] ?? '';
}
