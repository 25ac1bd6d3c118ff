/**
 * The change notice as data: which phase we are in, what it says, and its version.
 * Pure: settings and the current time come in as arguments.
 */
import { daysUntil, formatDay, grouped, parseIsoDay } from './dates';
import { digits } from './digits';
import type { Translate } from './i18n';
import type { Settings } from './settings';

/** Bump when the built-in wording changes, so clerks who dismissed it see it again. */
export const NOTICE_TEXT_REVISION = 1;

export type NoticePhase = 'before' | 'in-effect';

export interface NoticeModel {
  phase: NoticePhase;
  /** Days until the change; 0 once it is in effect. */
  daysLeft: number;
  /** The badge: อีก N วัน, or มีผลตั้งแต่ 10 มิ.ย. 2569. */
  status: string;
  /** Shown with the countdown: เริ่มมีผล 10 มิ.ย. 2569. Empty once in effect. */
  startsOn: string;
  title: string;
  summary: string;
  /** Paragraphs replacing the built-in body when an admin set a notice text; else empty. */
  customText: string[];
  manualUrl: string;
  dismissible: boolean;
  version: string;
}

/** FNV-1a, 32 bit, as 8 hex digits: a short stable fingerprint of the notice's content. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The notice's version: changes whenever what it says changes (date, text, link, revision). */
export function noticeVersion(s: Settings): string {
  return fingerprint(
    [NOTICE_TEXT_REVISION, s.changeEffectiveDate, s.noticeManualUrl, s.noticeTextTh, s.noticeTextEn].join(
      '\u241e',
    ),
  );
}

/** `t` speaks the clerk's language (`s.language`). */
export function buildNotice(s: Settings, nowMs: number, t: Translate): NoticeModel {
  // Settings are validated before they get here; the fallback only guards against misuse.
  const day = parseIsoDay(s.changeEffectiveDate) ?? { year: 2026, month: 6, day: 10 };
  const date = formatDay(day, { lang: s.language, thaiDigits: s.thaiDigits });
  const left = daysUntil(day, nowMs);
  const phase: NoticePhase = left > 0 ? 'before' : 'in-effect';
  const custom = s.language === 'en' ? s.noticeTextEn || s.noticeTextTh : s.noticeTextTh || s.noticeTextEn;
  return {
    phase,
    daysLeft: Math.max(0, left),
    status:
      phase === 'before'
        ? t('noticeCountdown', { days: digits(grouped(left), s.thaiDigits) })
        : t('noticeInEffect', { date }),
    startsOn: phase === 'before' ? t('noticeStartsOn', { date }) : '',
    title: t('noticeTitle'),
    summary: t('noticeStripSummary', { date }),
    // (No text, the usual case: no pattern compiled on the page.)
    customText: custom
      ? custom
          .split(/\n\s*\n|\r\n\s*\r\n/)
          .map((p) => p.trim())
          .filter(Boolean)
      : [],
    manualUrl: s.noticeManualUrl,
    dismissible: s.noticeDismissible,
    version: noticeVersion(s),
  };
}

/** Whether the notice shows for this clerk, given the version they dismissed (if any). */
export function noticeVisible(s: Settings, dismissedVersion: string | null): boolean {
  if (!s.noticeShown) return false;
  if (!s.noticeDismissible) return true;
  return dismissedVersion !== noticeVersion(s);
}
