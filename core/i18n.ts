/**
 * The one message catalog for every UI (overlay, extension pages, userscript).
 * Thai first; English must have exactly the same keys and placeholders (a unit test checks).
 * Placeholders are `{name}`; values are inserted as text, never as markup.
 */
import type { Lang } from './dates';
import { isAsciiAlnum } from './text';

const th = {
  productName: 'ติดตามใบผ่านรายการจ่าย',
  noticeRegion: 'ประกาศการเปลี่ยนแปลงการบันทึกการจ่ายเงิน',
  noticeTitle: 'เปลี่ยนแปลงการบันทึกการจ่ายเงินใน New e-LAAS',
  noticeCountdown: 'อีก {days} วัน',
  noticeStartsOn: 'เริ่มมีผล {date}',
  noticeInEffect: 'มีผลตั้งแต่ {date}',
  noticeWhatChangesHeading: 'อะไรเปลี่ยนไป',
  noticeWhatChanges:
    'เมื่อบันทึกการจ่ายเงินแล้ว ระบบจะไม่สร้างใบผ่านรายการจ่ายทันที แต่จะนำรายการไปประมวลผลก่อน แล้วจึงสร้างใบผ่านรายการจ่ายให้ภายหลัง ปกติใช้เวลาไม่กี่นาที แต่ช่วงสิ้นเดือนและปลายปีงบประมาณอาจนานหลายชั่วโมง',
  noticeWhatToDoHeading: 'สิ่งที่ต้องทำ',
  noticeDoOnce: 'บันทึกการจ่ายเงินเพียงครั้งเดียว แม้ยังไม่เห็นเลขที่ใบผ่านรายการจ่าย อย่าบันทึกซ้ำ เพราะจะเกิดการจ่ายเงินซ้ำซ้อน',
  noticeDoWatch:
    'ติดตามสถานะในแผงติดตามใบผ่านรายการจ่าย หรือที่หน้ารายการจ่ายเงิน: รอประมวลผล → อยู่ระหว่างประมวลผล → สร้างใบผ่านรายการจ่ายแล้ว',
  noticeDoFailed:
    'หากสถานะเป็น “ประมวลผลไม่สำเร็จ” ให้อ่านสาเหตุ แก้ไขรายการ และแจ้งผู้อำนวยการกองคลังหรือผู้ดูแลระบบ e-LAAS ก่อนบันทึกใหม่',
  noticeManual: 'คู่มือ “บันทึกการจ่ายเงิน” และคลิปวิดีโอ',
  noticeSource: 'ตามหนังสือกรมส่งเสริมการปกครองท้องถิ่น ที่ มท ๐๘๐๘.๔/ว ๒๖๒๕',
  noticeStripSummary: 'ตั้งแต่ {date} ใบผ่านรายการจ่ายจะสร้างภายหลังการบันทึกการจ่ายเงิน',
  noticeShowMore: 'อ่านรายละเอียด',
  noticeShowLess: 'ซ่อนรายละเอียด',
  noticeDismiss: 'รับทราบแล้ว ไม่ต้องแสดงอีก',
  noticeDismissFailed: 'บันทึกการรับทราบไม่สำเร็จ กรุณาลองใหม่',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  extensionUnavailable: 'ส่วนขยายติดตามใบผ่านรายการจ่ายไม่ตอบสนอง กรุณาโหลดหน้านี้ใหม่',
  statusAwaiting: 'รอประมวลผล',
  statusProcessing: 'อยู่ระหว่างประมวลผล',
  statusCreated: 'สร้างใบผ่านรายการจ่ายแล้ว',
  statusFailed: 'ประมวลผลไม่สำเร็จ',
  statusCancelled: 'ยกเลิก',
  statusOverdue: 'เกินกำหนด',
  panelTitle: 'ติดตามใบผ่านรายการจ่าย',
  panelPendingCount: 'รอ {n} รายการ',
  panelEmpty: 'ยังไม่มีรายการจ่ายเงินที่บันทึกวันนี้',
  panelShow: 'แสดงรายการ',
  panelHide: 'ซ่อนรายการ',
  panelCheckNow: 'ตรวจสอบตอนนี้',
  panelLastCheck: 'ตรวจสอบล่าสุด {time}',
  panelNextCheck: 'ครั้งถัดไป {time}',
  panelNeverChecked: 'ยังไม่ได้ตรวจสอบ',
  panelRecordedAt: 'บันทึกเมื่อ {time}',
  panelVoucher: 'ใบผ่านรายการจ่าย {no}',
  panelAnnounce: 'ฎีกาเลขที่ {deka}: {status}',
  pausedOffline: 'ออฟไลน์อยู่ จะตรวจสอบต่อเมื่อกลับมาออนไลน์',
  pausedLoggedOut: 'ออกจากระบบ e-LAAS แล้ว กรุณาเข้าสู่ระบบเพื่อให้ตรวจสอบต่อ',
  pausedMaintenance: 'e-LAAS ปิดปรับปรุง จะตรวจสอบใหม่ภายหลังโดยอัตโนมัติ',
  pausedNoTab: 'เปิด e-LAAS ไว้เพื่อให้ตรวจสอบต่อ',
  pausedSiteError: 'อ่านข้อมูลจาก e-LAAS ไม่ได้ จะลองใหม่โดยอัตโนมัติ',
  duplicateTitle: 'ฎีกาเลขที่ {deka} บันทึกการจ่ายเงินไปแล้ว',
  duplicateEarlier: 'บันทึกเมื่อ {time} สถานะ: {status}',
  duplicateExplain: 'ระบบกำลังประมวลผลรายการเดิมและจะสร้างใบผ่านรายการจ่ายให้ภายหลัง หากบันทึกอีกครั้งจะเกิดการจ่ายเงินซ้ำ',
  duplicateCreatedExplain: 'รายการเดิมสร้างใบผ่านรายการจ่ายแล้ว หากบันทึกอีกครั้งจะเกิดการจ่ายเงินซ้ำ',
  duplicateUnconfirmedTitle: 'ฎีกาเลขที่ {deka} อาจบันทึกไปแล้ว',
  duplicateUnconfirmedExplain: 'ครั้งก่อน e-LAAS ไม่ตอบ โปรดรอผลตรวจสอบในแผงก่อนบันทึกอีกครั้ง',
  duplicateCancel: 'ไม่บันทึกซ้ำ',
  duplicateProceed: 'ตั้งใจบันทึกอีกครั้ง',
  notifyOffer: 'ต้องการให้แจ้งเตือนเมื่อใบผ่านรายการจ่ายสร้างเสร็จหรือไม่สำเร็จ แม้ไม่ได้เปิดหน้านี้อยู่',
  notifyOfferButton: 'เปิดการแจ้งเตือน',
  panelFilter: 'แสดง',
  filterPending: 'รอใบผ่านรายการจ่าย',
  filterOverdue: 'เกินกำหนด',
  filterFailed: 'ไม่สำเร็จ',
  filterCreated: 'สร้างแล้ววันนี้',
  filterAll: 'ทั้งหมด',
  panelSearch: 'ค้นหาฎีกาเลขที่หรือผู้รับเงิน',
  panelNoMatch: 'ไม่มีรายการตามที่เลือก',
  panelShowAll: 'แสดงทั้งหมด {n} รายการ',
  panelElapsed: 'รอมาแล้ว {elapsed}',
  panelTook: 'ใช้เวลา {elapsed}',
  statusUnconfirmed: 'ไม่ทราบผล',
  panelUnanswered: 'e-LAAS ไม่ตอบขณะบันทึก กำลังตรวจสอบ อย่าเพิ่งบันทึกซ้ำ',
  panelNotReceived: 'e-LAAS ไม่ได้รับรายการนี้ กรุณาบันทึกใหม่',
  panelPrint: 'พิมพ์',
  panelPrintLabel: 'พิมพ์ใบผ่านรายการจ่าย {no}',
  panelDockBottom: 'ย้ายแผงไปไว้ด้านล่าง',
  panelDockTop: 'ย้ายแผงไปไว้ด้านบน',
  panelChecking: 'กำลังตรวจสอบ…',
  panelCheckFailed: 'ตรวจสอบไม่สำเร็จ: {reason}',
  panelSettings: 'ตั้งค่า',
  panelUnreadable: 'อ่านตารางในหน้านี้ไม่ได้ (e-LAAS อาจเปลี่ยนหน้าตา) ส่วนขยายจะไม่แตะต้องหน้านี้ สถานะยังตรวจสอบได้จากแผงนี้',
  listStatusLabel: 'สถานะจากส่วนขยาย: {status}',
  storageQuota:
    'พื้นที่จัดเก็บของเบราว์เซอร์เต็ม รายการที่บันทึกล่าสุดเก็บไว้ชั่วคราวแล้ว ไม่สูญหาย โปรดลบรายการเก่าในหน้าตั้งค่า หรือเพิ่มพื้นที่ว่างในเครื่อง',
  storageBlocked:
    'ส่วนขยายรุ่นเก่ายังเปิดข้อมูลค้างไว้ในแท็บอื่น รายการที่บันทึกเก็บไว้ชั่วคราวแล้ว ไม่สูญหาย โปรดปิดแท็บ e-LAAS อื่น ๆ แล้วโหลดหน้านี้ใหม่',
  storageFailed: 'บันทึกข้อมูลลงเครื่องไม่สำเร็จ รายการที่บันทึกเก็บไว้ชั่วคราวแล้ว ไม่สูญหาย ส่วนขยายจะลองใหม่อัตโนมัติ',
} as const;

export type MessageKey = keyof typeof th;

const en: Record<MessageKey, string> = {
  productName: 'Voucher Watch',
  noticeRegion: 'Notice: change to recording payments',
  noticeTitle: 'Recording payments in New e-LAAS is changing',
  noticeCountdown: '{days} days to go',
  noticeStartsOn: 'Starts {date}',
  noticeInEffect: 'In effect since {date}',
  noticeWhatChangesHeading: 'What changes',
  noticeWhatChanges:
    'After you record a payment, e-LAAS no longer creates the payment voucher at once. It processes the payment first and creates the voucher later: usually within minutes, but at month-end and near the end of the fiscal year it can take hours.',
  noticeWhatToDoHeading: 'What to do',
  noticeDoOnce:
    'Record each payment once, even if you do not see a voucher number yet. Recording it again makes a duplicate payment.',
  noticeDoWatch:
    'Follow the status in the Voucher Watch panel or on the payments list: awaiting processing → processing → voucher created.',
  noticeDoFailed:
    'If the status is “processing failed”, read the reason, correct the payment and tell your finance director or e-LAAS administrator before recording it again.',
  noticeManual: 'Manual “บันทึกการจ่ายเงิน” and video clips',
  noticeSource: 'Per Department of Local Administration letter มท ๐๘๐๘.๔/ว ๒๖๒๕',
  noticeStripSummary: 'From {date}, payment vouchers are created after the payment is recorded',
  noticeShowMore: 'Read more',
  noticeShowLess: 'Show less',
  noticeDismiss: 'Got it, do not show again',
  noticeDismissFailed: 'Could not save that you have read this. Please try again.',
  switchLanguage: 'ภาษาไทย',
  switchLanguageLabel: 'เปลี่ยนเป็นภาษาไทย',
  extensionUnavailable: 'Voucher Watch is not responding. Please reload this page.',
  statusAwaiting: 'Awaiting processing',
  statusProcessing: 'Processing',
  statusCreated: 'Voucher created',
  statusFailed: 'Processing failed',
  statusCancelled: 'Cancelled',
  statusOverdue: 'Overdue',
  panelTitle: 'Voucher Watch',
  panelPendingCount: '{n} waiting',
  panelEmpty: 'No payments recorded today yet',
  panelShow: 'Show payments',
  panelHide: 'Hide payments',
  panelCheckNow: 'Check now',
  panelLastCheck: 'Last checked {time}',
  panelNextCheck: 'next {time}',
  panelNeverChecked: 'Not checked yet',
  panelRecordedAt: 'Recorded {time}',
  panelVoucher: 'Voucher {no}',
  panelAnnounce: 'Request {deka}: {status}',
  pausedOffline: 'Offline. Checking resumes when you are back online.',
  pausedLoggedOut: 'Logged out of e-LAAS. Log in so checking can go on.',
  pausedMaintenance: 'e-LAAS is down for maintenance. Checking resumes by itself later.',
  pausedNoTab: 'Keep e-LAAS open so checking can go on.',
  pausedSiteError: 'Could not read e-LAAS. Trying again by itself.',
  duplicateTitle: 'A payment for request {deka} was already recorded',
  duplicateCreatedExplain:
    'The earlier payment already has its voucher. Recording it again makes a duplicate payment.',
  duplicateEarlier: 'Recorded at {time}, status: {status}',
  duplicateExplain:
    'e-LAAS is still processing the earlier payment and will create its voucher later. Recording it again makes a duplicate payment.',
  duplicateUnconfirmedTitle: 'Request {deka} may already be recorded',
  duplicateUnconfirmedExplain: 'The earlier save got no answer: wait for the check in the panel first.',
  duplicateCancel: 'Do not record again',
  duplicateProceed: 'Record it again on purpose',
  notifyOffer:
    'Get a notification when vouchers are created or processing fails, even when this page is not open?',
  notifyOfferButton: 'Turn on notifications',
  panelFilter: 'Show',
  filterPending: 'Waiting for voucher',
  filterOverdue: 'Overdue',
  filterFailed: 'Failed',
  filterCreated: 'Created today',
  filterAll: 'All',
  panelSearch: 'Search request no. or payee',
  panelNoMatch: 'No payments match',
  panelShowAll: 'Show all {n}',
  panelElapsed: 'Waiting {elapsed}',
  panelTook: 'Took {elapsed}',
  statusUnconfirmed: 'Unknown',
  panelUnanswered: 'No answer from e-LAAS; checking. Do not record it again yet.',
  panelNotReceived: 'e-LAAS never received this. Record it again.',
  panelPrint: 'Print',
  panelPrintLabel: 'Print voucher {no}',
  panelDockBottom: 'Move the panel to the bottom',
  panelDockTop: 'Move the panel to the top',
  panelChecking: 'Checking…',
  panelCheckFailed: 'Check failed: {reason}',
  panelSettings: 'Settings',
  panelUnreadable:
    'Cannot read the table on this page (e-LAAS may have changed). Voucher Watch leaves this page alone; statuses are still checked from this panel.',
  listStatusLabel: 'Voucher Watch status: {status}',
  storageQuota:
    "The browser's storage is full. The latest payments are kept aside, not lost. Delete old records in Settings, or free space on this computer.",
  storageBlocked:
    'An older copy of Voucher Watch still holds its data open in another tab. Your payments are kept aside, not lost. Close other e-LAAS tabs, then reload this page.',
  storageFailed:
    'Saving on this computer failed. Your payments are kept aside, not lost; Voucher Watch will try again by itself.',
};

export const catalogs: Record<Lang, Record<MessageKey, string>> = { th, en };

/**
 * The extension ships the catalogs as data files (written at build time from this module), which
 * its background reads instead of carrying them as code: see platform/extension/host.ts.
 */
export const catalogFile = (lang: Lang): string => `i18n/${lang}.json`;

/** At most this many entries: a file read back that is larger is not one of our catalogs. */
const MAX_CATALOG_KEYS = 1000;

/** A catalog read back at run time: a plain object of texts, or null. */
export function asCatalog(value: unknown): Readonly<Record<string, string>> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (entries.length === 0 || entries.length > MAX_CATALOG_KEYS) return null;
  return entries.every(([, text]) => typeof text === 'string') ? (value as Record<string, string>) : null;
}

/** The language a label is written in, for `lang` attributes (the switch is in the other one). */
export const switchLanguageLang: Record<Lang, Lang> = { th: 'en', en: 'th' };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Insert `{name}` values as text. Unknown placeholders stay visible, so a gap is noticed. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  // By hand, not by a regular expression with a callback: the overlay's first draw fills some
  // fifty texts, cold, on every e-LAAS page (docs/interface.md, "Cost").
  let out = '';
  let from = 0;
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', open + 1)) {
    const close = text.indexOf('}', open + 1);
    if (close === -1) break;
    const name = text.slice(open + 1, close);
    if (!isPlaceholderName(name) || !(name in params)) continue;
    out += text.slice(from, open) + String(params[name]);
    from = close + 1;
    open = close;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A placeholder's name: one or more of A–Z, a–z, 0–9 and _ (as `\w+`). */
function isPlaceholderName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isAsciiAlnum(c) && c !== 95) return false;
  }
  return true;
}

/** Translate from a catalog received at run time (the overlay gets its text from the background). */
export function translatorFrom(catalog: Readonly<Record<string, string>>): Translate {
  return (key, params) => interpolate(catalog[key] ?? key, params);
}

export function translator(lang: Lang): Translate {
  return translatorFrom(catalogs[lang]);
}
