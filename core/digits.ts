/** Thai digits ๐–๙ and Arabic digits 0–9: convert both ways. Pure. */
const THAI_ZERO = 0x0e50;

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

export function toArabicDigits(text: string): string {
  // By hand, not by a regular expression: this runs as the overlay first reads a page, on every
  // e-LAAS page, where V8 would compile the pattern first (docs/interface.md, "Cost").
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= THAI_ZERO && c <= THAI_ZERO + 9) {
      out += text.slice(from, i) + String.fromCharCode(c - THAI_ZERO + 48);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Render digits the way the clerk chose. */
export function digits(text: string, thai: boolean): string {
  return thai ? toThaiDigits(text) : text;
}
