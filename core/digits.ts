/** Thai digits ๐–๙ and Arabic digits 0–9: convert both ways. Pure. */
const THAI_ZERO = 0x0e50;

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

export function toArabicDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

/** Render digits the way the clerk chose. */
export function digits(text: string, thai: boolean): string {
  return thai ? toThaiDigits(text) : text;
}
