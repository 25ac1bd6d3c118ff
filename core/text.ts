/** Text as e-LAAS shows it, made comparable; characters read by hand. Pure. */

/** A–Z, a–z or 0–9 (a character code): what the hand-written readers take for a word's letters. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * White space as JavaScript's `\s` and `trim()` know it (WhiteSpace and LineTerminator: tab, line
 * feed, vertical tab, form feed, carriage return, space, no-break space, the Unicode space
 * separators, line and paragraph separators, the byte order mark).
 */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Runs of white space as one space, none at either end: `text.replace(/\s+/g, ' ').trim()`, by
 * hand, for the overlay reads a page's texts as it first starts, on every e-LAAS page, where V8
 * would compile the pattern first (docs/interface.md, "Cost").
 */
export function collapseSpace(text: string): string {
  let out = '';
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i === n) break;
    const word = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    out = out ? `${out} ${text.slice(word, i)}` : text.slice(word, i);
  }
  return out;
}
