/**
 * Querying the page through the site profile's selector lists, fast on long pages and safe with
 * an admin's selectors. Chromium matches a selector list (`a, b, c`) against every element
 * generically, while a single selector walks the page on a fast path: on a payments list of
 * 13,000 elements the six-part title list took 1.3–3 ms as one query and 0.3–0.5 ms as six (see
 * docs/interface.md, "Cost"). So a list is split at its top-level commas and queried part by
 * part; the results come back in page order, each element once. A part that is not a valid
 * selector matches nothing; the others still count. Never throws. (A first match that is usually
 * there and early is the exception: one query stops at it, `queryFirst`.)
 */

/**
 * A selector list's parts: split at commas outside () and [] (where the lists of :is() and the
 * values of attributes are; a bracket or comma escaped or quoted outside those would be misread).
 */
export function selectorParts(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && !depth) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Node.DOCUMENT_POSITION_FOLLOWING (no `Node` global where there is no DOM). */
const FOLLOWING = 4;
const inPageOrder = (a: Element, b: Element) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1);

/** One part's answer, or undefined when the part is not a selector (it matches nothing). */
function tryPart<T>(part: string, query: (part: string) => T): T | undefined {
  try {
    return query(part);
  } catch {
    return undefined;
  }
}

/** Each part's answer; a part that is not a selector, or matches nothing (null), answers nothing. */
function perPart<T>(list: string, query: (part: string) => T | null): T[] {
  return selectorParts(list)
    .map((part) => tryPart(part, query))
    .filter((answer): answer is T => answer != null);
}

/** Every element matching the list, in page order, each once. */
export function queryAll(root: ParentNode, list: string): Element[] {
  const found = perPart(list, (part) => Array.from(root.querySelectorAll(part))).filter((els) => els.length);
  return found.length > 1 ? [...new Set(found.flat())].sort(inPageOrder) : (found[0] ?? []);
}

/**
 * Each part's first match, in page order, each once: for what stands once per part and is read
 * together (the page's titles: its breadcrumb, its heading). A part that is there stops its walk
 * at its first match; every match of every part (queryAll) walks the whole page once per part.
 */
export function queryFirstOfEach(root: ParentNode, list: string): Element[] {
  return [...new Set(perPart(list, (part) => root.querySelector(part)))].sort(inPageOrder);
}

/**
 * Whether anything matches the list: part by part, stopping at the first part that does, for what
 * is usually absent (the login form, the success dialog), where each part's walk of the whole page
 * is on the fast path.
 */
export function exists(root: ParentNode, list: string): boolean {
  return selectorParts(list).some((part) => tryPart(part, (p) => root.querySelector(p)));
}

/**
 * The first element in page order matching the list, or null: as one query, which stops at the
 * first match, for what is usually there and early (the top bar, the content area); part by part
 * only when some part is not a valid selector.
 */
export function queryFirst(root: ParentNode, list: string): Element | null {
  try {
    return root.querySelector(list);
  } catch {
    return queryFirstOfEach(root, list)[0] ?? null;
  }
}
