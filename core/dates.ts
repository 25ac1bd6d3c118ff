/**
 * Dates for Thai clerks: Buddhist Era years, Thai month names, the Asia/Bangkok calendar day.
 * Pure: the current time is always an argument. Thailand has no daylight saving (UTC+7 all year).
 */
import { digits } from './digits';

export type Lang = 'th' | 'en';

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const BE_OFFSET = 543;

const MONTHS_TH_SHORT = [
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
const MONTHS_TH_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A calendar day (Gregorian year, month 1–12, day 1–31). */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The number written by the ASCII digits of text[from, to), or -1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Parse `YYYY-MM-DD` (Gregorian) strictly; null when it is not a real day. (By hand, not by a
 * regular expression: the change notice reads its date on every e-LAAS page, where V8 would
 * compile the pattern first; docs/interface.md, "Cost".)
 */
export function parseIsoDay(text: string): CalendarDay | null {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return null;
  const [year, month, day] = [digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10)];
  if (year < 0 || month < 0 || day < 0) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** The calendar day in Bangkok at the instant `nowMs`. */
export function bangkokDay(nowMs: number): CalendarDay {
  const d = new Date(nowMs + BANGKOK_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function dayNumber(d: CalendarDay): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

/** Whole days from the Bangkok day of `nowMs` to `target`: 1 means tomorrow, 0 today, negative past. */
export function daysUntil(target: CalendarDay, nowMs: number): number {
  return dayNumber(target) - dayNumber(bangkokDay(nowMs));
}

export interface DateFormat {
  lang: Lang;
  thaiDigits: boolean;
  /** `short`: 10 มิ.ย. 2569; `long`: 10 มิถุนายน 2569. English is always `10 June 2026`. */
  style?: 'short' | 'long';
}

/** Format a day for display: B.E. with Thai month names in Thai; C.E. in English. */
export function formatDay(d: CalendarDay, f: DateFormat): string {
  if (f.lang === 'en') return digits(`${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`, f.thaiDigits);
  const months = f.style === 'long' ? MONTHS_TH_LONG : MONTHS_TH_SHORT;
  return digits(`${d.day} ${months[d.month - 1]} ${d.year + BE_OFFSET}`, f.thaiDigits);
}

/** The time of day in Bangkok, 14:05. */
export function formatTime(ms: number, thaiDigits: boolean): string {
  const d = new Date(ms + BANGKOK_OFFSET_MS);
  return digits(
    `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`,
    thaiDigits,
  );
}

/** Baht with satang: ฿1,234.50 */
export function formatBaht(satang: number, thaiDigits: boolean): string {
  // Grouped by hand: Intl (toLocaleString) is slow enough to show in a panel of many rows, and a
  // regular expression is compiled on every e-LAAS page at its first use.
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  return digits(
    `${sign}฿${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`,
    thaiDigits,
  );
}

/** A whole number of zero or more with its thousands grouped: 1,234 (as `toLocaleString('en-US')`). */
export function grouped(n: number): string {
  const plain = String(n);
  let whole = '';
  for (let i = 0; i < plain.length; i++)
    whole += (i > 0 && (plain.length - i) % 3 === 0 ? ',' : '') + plain[i];
  return whole;
}

const UNITS: Record<Lang, { d: string; h: string; m: string; s: string }> = {
  th: { d: 'วัน', h: 'ชม.', m: 'นาที', s: 'วินาที' },
  en: { d: 'd', h: 'h', m: 'min', s: 's' },
};

/**
 * How long ago, for a ticking clock: `4 นาที 05 วินาที` under an hour, `2 ชม. 15 นาที` under a
 * day, `3 วัน 4 ชม.` after. Negative spans (clock skew) read as zero.
 */
export function formatElapsed(ms: number, lang: Lang, thaiDigits: boolean): string {
  const u = UNITS[lang];
  const total = Math.max(0, Math.floor(ms / 1000));
  const [d, h, m, s] = [
    Math.floor(total / 86_400),
    Math.floor((total % 86_400) / 3600),
    Math.floor((total % 3600) / 60),
    total % 60,
  ];
  const text =
    d > 0
      ? `${d} ${u.d} ${h} ${u.h}`
      : h > 0
        ? `${h} ${u.h} ${m} ${u.m}`
        : `${m} ${u.m} ${String(s).padStart(2, '0')} ${u.s}`;
  return digits(text, thaiDigits);
}

/** A moment as a clerk writes it: `25 พ.ย. 2569 14:05` (B.E.) or `25 November 2026 14:05`. */
export function formatDateTime(ms: number, lang: Lang, thaiDigits: boolean): string {
  return `${formatDay(bangkokDay(ms), { lang, thaiDigits })} ${formatTime(ms, thaiDigits)}`;
}

/** The Bangkok day of a moment as `YYYY-MM-DD`. */
export function isoDay(ms: number): string {
  const d = bangkokDay(ms);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
