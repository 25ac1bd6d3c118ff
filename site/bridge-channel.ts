/**
 * The private line between the page-world bridge and the content script. Window messages are
 * heard (and can be forged) by every script of the page, so they carry nothing of ours. Instead,
 * at document_start, before any script of the page has run, the two sides meet once:
 *
 *  - the content script dispatches `evw-bridge-connect` from a node of its own, briefly in the
 *    document (a text node `evw-line`; an element of that name before <html> exists); the bridge,
 *    listening on the document, takes that node, cancels the event (which tells the content
 *    script, as `dispatchEvent` returns, that the line was taken) and stops listening;
 *  - from then on both sides talk by events dispatched on that node, which is out of the
 *    document: no script of the page holds it, hears it, or can dispatch on it.
 *
 * Either side may arrive first (`evw-bridge-here` says the bridge is in place). A page that
 * dispatches the connect event later finds no one listening. Details are JSON text: plain
 * strings cross between the page's world and the content script's in every browser.
 */

export const HERE_EVENT = 'evw-bridge-here';
export const CONNECT_EVENT = 'evw-bridge-connect';
const LINE_EVENT = 'evw-bridge-line';
/** The line's node: a text node with this text, or (before <html> exists) an element of this name. */
const LINE_NODE = 'evw-line';
const TEXT_NODE = 3; // Node.TEXT_NODE

type Side = 'bridge' | 'content';

export interface Channel {
  send(message: Record<string, unknown>): void;
  /** Messages from the other side, including any that came before this listener. */
  listen(listener: (message: Record<string, unknown>) => void): () => void;
}

function line(node: EventTarget, me: Side, win: Window): Channel {
  const listeners = new Set<(message: Record<string, unknown>) => void>();
  const early: Record<string, unknown>[] = [];
  node.addEventListener(LINE_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    let m: unknown;
    try {
      m = JSON.parse(detail);
    } catch {
      return;
    }
    if (typeof m !== 'object' || m === null || (m as { from?: unknown }).from === me) return;
    const message = m as Record<string, unknown>;
    if (listeners.size === 0) early.push(message);
    for (const l of listeners) l(message);
  });
  const CustomEventOf = (win as unknown as { CustomEvent: typeof CustomEvent }).CustomEvent;
  return {
    send(message) {
      node.dispatchEvent(new CustomEventOf(LINE_EVENT, { detail: JSON.stringify({ ...message, from: me }) }));
    },
    listen(listener) {
      listeners.add(listener);
      for (const m of early.splice(0)) listener(m);
      return () => listeners.delete(listener);
    },
  };
}

/** The bridge's side (page world, document_start): the first connect is the content script's. */
export function awaitContent(win: Window, onLine: (channel: Channel) => void): void {
  const doc = win.document;
  const onConnect = (event: Event) => {
    const node = event.target as (EventTarget & Partial<Pick<Text, 'nodeType' | 'data'>>) | null;
    // Our kind of node only (the page's window and document are neither).
    const ours =
      node?.nodeType === TEXT_NODE
        ? node.data === LINE_NODE
        : (node as Element | null)?.localName === LINE_NODE;
    if (!node || !ours) return;
    doc.removeEventListener(CONNECT_EVENT, onConnect, true);
    event.stopImmediatePropagation();
    event.preventDefault(); // taken: the content script reads it as dispatchEvent returns
    onLine(line(node, 'bridge', win));
  };
  doc.addEventListener(CONNECT_EVENT, onConnect, true);
  // If the content script came first, it is waiting for this.
  doc.dispatchEvent(new (win as unknown as { Event: typeof Event }).Event(HERE_EVENT));
}

/** The content script's side (document_start): connect now, or as soon as the bridge is here. */
export function connectToBridge(doc: Document, onLine: (channel: Channel) => void): () => void {
  let done = false;
  const connect = () => {
    if (done) return;
    // In the document for a moment, so the event reaches the bridge's listener: a text node under
    // <html>, or, when a userscript manager runs us before <html> exists, an element as the
    // document's element itself (a document holds no text). A text node because the bridge meets
    // it in the page's world, where a wrapper for a text node costs far less than one for an
    // element (whose interfaces are large), and at document_start no script of the page has made
    // either yet: about 0.2 ms less on every e-LAAS page (docs/interface.md, "Cost"). The bridge
    // takes the line within the dispatch (events are dispatched synchronously) by cancelling it.
    const root = doc.documentElement;
    const node = root ? doc.createTextNode(LINE_NODE) : doc.createElement(LINE_NODE);
    (root ?? doc).append(node);
    const taken = !node.dispatchEvent(new CustomEvent(CONNECT_EVENT, { bubbles: true, cancelable: true }));
    node.remove();
    if (taken) {
      done = true;
      doc.removeEventListener(HERE_EVENT, connect);
      onLine(line(node, 'content', window));
    }
  };
  doc.addEventListener(HERE_EVENT, connect);
  connect();
  return () => doc.removeEventListener(HERE_EVENT, connect);
}
