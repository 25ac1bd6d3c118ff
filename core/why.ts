/**
 * Why a setting's value was refused, in Thai and English: a small catalog of its own, so the
 * background (which reports in English) does not carry the pages' whole catalog. The options
 * page has these keys too (core/i18n-pages.ts spreads them in).
 */
import { interpolate } from './i18n';

export const whyTh = {
  whyBoolean: 'ต้องเป็น true หรือ false',
  whyOneOf: 'ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {values}',
  whyDate: 'ต้องเป็นวันที่แบบ YYYY-MM-DD (ปี ค.ศ.)',
  whyHttps: 'ต้องเป็นที่อยู่ที่ขึ้นต้นด้วย https://',
  whyText: 'ต้องเป็นข้อความ',
  whyTooLong: 'ยาวเกิน {max} ตัวอักษร',
  whyControl: 'มีอักขระควบคุมซึ่งใช้ไม่ได้',
  whyJsonText: 'ต้องเป็นข้อความ JSON ยาวไม่เกิน {max} ตัวอักษร',
  whyJsonObject: 'ต้องเป็นออบเจกต์ JSON ({ … })',
  whyList: 'ต้องเป็นรายการค่าที่ถูกต้อง ไม่เกิน {max} รายการ',
  whyWholeNumber: 'ต้องเป็นจำนวนเต็มตั้งแต่ {min} ถึง {max}',
  whyUnknownKey: 'ไม่มีค่านี้ในส่วนขยาย',
  whyProfilePartly: 'ใช้ได้บางส่วน ส่วนที่ไม่ได้ใช้: {parts}',
};

export const whyEn: Record<WhyCode, string> = {
  whyBoolean: 'expected true or false',
  whyOneOf: 'expected one of {values}',
  whyDate: 'expected a date as YYYY-MM-DD',
  whyHttps: 'expected an https:// address',
  whyText: 'expected text',
  whyTooLong: 'longer than {max} characters',
  whyControl: 'contains control characters',
  whyJsonText: 'expected JSON text of at most {max} characters',
  whyJsonObject: 'expected a JSON object',
  whyList: 'expected a list of at most {max} valid values',
  whyWholeNumber: 'expected a whole number from {min} to {max}',
  whyUnknownKey: 'unknown key',
  whyProfilePartly: 'partly used; not used: {parts}',
};

export type WhyCode = keyof typeof whyTh;

/**
 * Why a setting's value was refused, in English: the reason kept with a refused value (logs,
 * reports). The pages show the code in the clerk's language (their catalog spreads whyTh in), so
 * the background and the userscript carry no Thai copy of these texts.
 */
export function whyText(why: { code: WhyCode; params?: Record<string, string | number> }): string {
  // The userscript has no policy and no options page: a refused value's reason only ever reaches
  // an error reply between its own parts, where the code says as much (and its build stays in
  // its size budget without the English texts).
  if (import.meta.env.EVW_USERSCRIPT) return why.code;
  return interpolate(whyEn[why.code], why.params);
}
