/**
 * Which e-LAAS page is showing, and who is logged in, read through the site profile.
 * Never throws: a page we cannot read is `other`, a user we cannot read is unknown.
 */
import { toArabicDigits } from '../core/digits';
import { PAGE_ORDER, type PageKind, type SiteProfile } from './profile';

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

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** Collapse white space and read Thai digits as Arabic ones, so texts compare reliably. */
export function normaliseText(text: string): string {
  return toArabicDigits(text).replace(/\s+/g, ' ').trim();
}

/** The first match only: stops at it instead of walking a large page to the end. */
function safeQuery(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/**
 * The login form and the page's title elements, in one walk of the page (a list of thousands of
 * rows makes each walk count); a walk for each when one of the profile's selectors is invalid.
 */
function loginAndTitles(profile: SiteProfile, doc: Document): { login: boolean; titles: Element[] } {
  const { loginForm, pageTitle } = profile.selectors;
  let found: Element[];
  try {
    found = Array.from(doc.querySelectorAll(`${loginForm},${pageTitle}`));
  } catch {
    return { login: safeQuery(doc, loginForm) !== null, titles: safeQueryAll(doc, pageTitle) };
  }
  const login = found.some((el) => safeMatches(el, loginForm));
  return { login, titles: login ? [] : found.filter((el) => safeMatches(el, pageTitle)) };
}

export function detectPage(profile: SiteProfile, location: Location | URL, doc: Document): PageKind {
  const route = `${location.pathname}${location.search}${location.hash}`;
  for (const kind of PAGE_ORDER) {
    if (profile.pages[kind].urlPatterns.some((p) => regex(p)?.test(route))) return kind;
  }
  const { login, titles } = loginAndTitles(profile, doc);
  if (login) return 'login';
  const title = titles
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
  const el = safeQuery(doc, profile.selectors.currentUser);
  const text = el ? normaliseText(el.getAttribute('data-current-user') || el.textContent || '') : '';
  return text ? text.slice(0, 200) : null;
}

/** The unit (อปท.) shown in the top bar, or null. */
export function readCurrentUnit(profile: SiteProfile, doc: Document): string | null {
  const el = safeQuery(doc, profile.selectors.currentUnit);
  const text = el ? normaliseText(el.getAttribute('data-current-unit') || el.textContent || '') : '';
  return text ? text.slice(0, 200) : null;
}

const DEKA_NO = /\d{1,6}\/\d{4}/;

/** The ฎีกา a payment form is for, read through the profile; null when the form does not say. */
export function readFormDekaNo(profile: SiteProfile, form: Element): string | null {
  for (const selector of profile.recordForm.dekaNo) {
    for (const el of safeQueryAll(form, selector)) {
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
