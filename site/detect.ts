/**
 * Which e-LAAS page is showing, and who is logged in, read through the site profile.
 * Never throws: a page we cannot read is `other`, a user we cannot read is unknown.
 */
import { toArabicDigits } from '../core/digits';
import { collapseSpace, isAsciiAlnum } from '../core/text';
import { PAGE_ORDER, type PageKind, type SiteProfile } from './profile';
import { exists, queryAll, queryFirst, queryFirstOfEach } from './query';

const regexCache = new Map<string, RegExp | null>();

function regex(source: string): RegExp | null {
  let re = regexCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'i');
    } catch {
      re = null;
    }
    regexCache.set(source, re);
  }
  return re;
}

/**
 * The text every match of a pattern must contain: its leading literal characters (ASCII, so that
 * lower-casing compares as the `i` flag does), or '' when it cannot tell (an alternation, a
 * pattern that opens with a class or a group). A route without it cannot match, and the pattern
 * is never compiled: V8 compiles a pattern at its first test, ~50 µs each for the profile's
 * case-insensitive ones, on every e-LAAS page (docs/interface.md, "Cost").
 */
const ESCAPED_LITERALS = '$()*+./?[\\]^{|}-';
const PLAIN_LITERALS = `_#/:=&%~!@,;'" -`;

export function literalPrefix(source: string): string {
  if (source.includes('|')) return '';
  let prefix = '';
  let i = source.startsWith('^') ? 1 : 0;
  // (By hand, not by regular expressions: those would be compiled on every page too.)
  for (; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      const next = source[i + 1];
      if (!next || !ESCAPED_LITERALS.includes(next)) break; // \b, \w, \d …: not a literal
      prefix += next;
      i++;
    } else if (isAsciiAlnum(c.charCodeAt(0)) || PLAIN_LITERALS.includes(c)) prefix += c;
    else break;
  }
  // The last character is optional when a ?, * or {…} follows it.
  if (i < source.length && '?*{'.includes(source[i] as string)) prefix = prefix.slice(0, -1);
  return prefix.toLowerCase();
}

const prefixCache = new Map<string, string>();

/** Whether `route` may match the pattern (false: it cannot; true: the pattern must say). */
function mayMatch(source: string, lowerRoute: string): boolean {
  let prefix = prefixCache.get(source);
  if (prefix === undefined) {
    prefix = literalPrefix(source);
    prefixCache.set(source, prefix);
  }
  return lowerRoute.includes(prefix);
}

/** Collapse white space and read Thai digits as Arabic ones, so texts compare reliably. */
export function normaliseText(text: string): string {
  return collapseSpace(toArabicDigits(text));
}

export function detectPage(profile: SiteProfile, location: Location | URL, doc: Document): PageKind {
  const route = `${location.pathname}${location.search}${location.hash}`;
  const lower = route.toLowerCase();
  for (const kind of PAGE_ORDER) {
    if (profile.pages[kind].urlPatterns.some((p) => mayMatch(p, lower) && regex(p)?.test(route))) return kind;
  }
  if (exists(doc, profile.selectors.loginForm)) return 'login';
  // The first of each kind of title (the breadcrumb, the heading …), in page order: reading every
  // match walked the whole page once per kind, six times on a long list (docs/interface.md, "Cost").
  const title = queryFirstOfEach(doc, profile.selectors.pageTitle)
    .slice(0, 4)
    .map((el) => normaliseText(el.textContent ?? ''))
    .join(' | ');
  if (title) {
    for (const kind of PAGE_ORDER) {
      if (profile.pages[kind].titles.some((t) => title.includes(normaliseText(t)))) return kind;
    }
  }
  return 'other';
}

/** The e-LAAS user shown in the top bar, or null when the page does not show one. */
export function readCurrentUser(profile: SiteProfile, doc: Document): string | null {
  const el = queryFirst(doc, profile.selectors.currentUser);
  const text = el ? normaliseText(el.getAttribute('data-current-user') || el.textContent || '') : '';
  return text ? text.slice(0, 200) : null;
}

/** The unit (อปท.) shown in the top bar, or null. */
export function readCurrentUnit(profile: SiteProfile, doc: Document): string | null {
  const el = queryFirst(doc, profile.selectors.currentUnit);
  const text = el ? normaliseText(el.getAttribute('data-current-unit') || el.textContent || '') : '';
  return text ? text.slice(0, 200) : null;
}

const DEKA_NO = /\d{1,6}\/\d{4}/;

/** The ฎีกา a payment form is for, read through the profile; null when the form does not say. */
export function readFormDekaNo(profile: SiteProfile, form: Element): string | null {
  for (const selector of profile.recordForm.dekaNo) {
    for (const el of queryAll(form, selector)) {
      const raw = el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
      const m = DEKA_NO.exec(toArabicDigits(raw));
      if (m) return m[0];
    }
  }
  return null;
}

/** Whether an element is the profile's payment form. */
export function isRecordForm(profile: SiteProfile, el: Element): boolean {
  try {
    return el.matches(profile.recordForm.form);
  } catch {
    return false;
  }
}
