/** Thai digits ๐–๙ and Arabic digits 0–9: convert both ways. Pure. */
const THAI_ZERO = 0x0e50;
const ARABIC_ZERO = 0x30;

/** Arabic digits as Thai ones: for a clerk who chose Thai digits, every number the panel draws. */
export function toThaiDigits(text: string): string {
  return swapDigits(text, ARABIC_ZERO, THAI_ZERO);
}

export function toArabicDigits(text: string): string {
  return swapDigits(text, THAI_ZERO, ARABIC_ZERO);
}

/**
 * The ten digits from `fromZero` written as the ten from `toZero`. By hand, not by a regular
 * expression: this runs as the overlay first reads and draws a page, on every e-LAAS page, where
 * V8 would compile the pattern first (docs/interface.md, "Cost").
 */
function swapDigits(text: string, fromZero: number, toZero: number): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - fromZero;
    if (d >= 0 && d <= 9) {
      out += text.slice(from, i) + String.fromCharCode(toZero + d);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Render digits the way the clerk chose. */
export function digits(text: string, thai: boolean): string {
  return thai ? toThaiDigits(text) : text;
}
