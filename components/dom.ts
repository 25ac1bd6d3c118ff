/**
 * The overlay's views are drawn by DOM calls, not a framework: on every e-LAAS page the first
 * render runs once, cold, in a fresh isolated world, where Preact's generic diff cost ~4 ms of
 * the ~6 ms that mounting the notice and the panel took (docs/interface.md, "Cost"). Text is
 * always set as text (`append` of a string makes a text node): never markup.
 */

export type Child = Node | string | null | undefined | false;
type Value = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * An element: `class`, attributes (true: present and empty; false, null, undefined: absent),
 * `on<Event>` listeners, and children (strings become text).
 */
export function h(tag: string, props: Record<string, Value> | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const name in props) {
    const value = props[name];
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value != null) el.setAttribute(name, String(value));
  }
  // One call for all the children: each call into the DOM from an isolated world has a cost of
  // its own, paid a few hundred times as the notice and the panel are first drawn.
  const present = children.filter((c): c is Node | string => !!c);
  if (present.length > 0) el.append(...present);
  return el;
}

/**
 * Make `parent`'s children exactly `nodes`, moving none that stays: an element kept from one
 * update to the next (the search box, a row) keeps its focus, its caret and what is typed in it.
 * Kept nodes must come in the order they already stand in.
 */
export function setChildren(parent: ParentNode & Node, nodes: Child[]): void {
  const next = nodes
    .filter((n): n is Node | string => !!n)
    .map((n) => (typeof n === 'string' ? new Text(n) : n));
  if (!parent.firstChild) {
    parent.append(...next); // drawn for the first time: one call
    return;
  }
  const keep = new Set(next);
  for (const c of Array.from(parent.childNodes)) if (!keep.has(c)) c.remove();
  let at: ChildNode | null = parent.firstChild;
  for (const n of next) {
    if (n === at) at = at.nextSibling;
    else parent.insertBefore(n, at);
  }
}

/**
 * Replace what `container` shows by `next`, the focus kept: the element that had it (found by its
 * classes in the new content) has it again. For views drawn afresh on each change (the notice).
 */
export function replaceKeepingFocus(container: Element, next: Child): void {
  const root = container.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const key = active && container.contains(active) ? active.getAttribute('class') : null;
  setChildren(container, [next]);
  if (!key) return;
  const again = Array.from(container.querySelectorAll('*')).find((el) => el.getAttribute('class') === key);
  (again as HTMLElement | undefined)?.focus();
}
