/**
 * Which e-LAAS page is showing, and who is logged in, read through the site profile.
 * Never throws: a page we cannot read is `other`, a user we cannot read is unknown.
 */
import { toArabicDigits } from '../core/digits';
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

/** Collapse white space and read Thai digits as Arabic ones, so texts compare reliably. */
export function normaliseText(text: string): string {
  return toArabicDigits(text).replace(/\s+/g, ' ').trim();
}

export function detectPage(profile: SiteProfile, location: Location | URL, doc: Document): PageKind {
  const route = `${location.pathname}${location.search}${location.hash}`;
  for (const kind of PAGE_ORDER) {
    if (profile.pages[kind].urlPatterns.some((p) => regex(p)?.test(route))) return kind;
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
