/**
 * Where the manager cannot show a desktop notification: a small notice in the page's corner, in
 * its own shadow root, text only, closable, gone by itself after a while.
 */
const HOST = 'evw-toast';
const SHOW_MS = 15_000;

const CSS = `
:host { all: initial; position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483647; }
.toast { max-width: 24rem; display: flex; gap: 12px; align-items: flex-start; padding: 12px 14px;
  background: #fff; color: #1b2a3a; border: 1px solid #9aa7b4; border-inline-start: 4px solid #123c69;
  border-radius: 6px; box-shadow: 0 2px 10px rgb(0 0 0 / 25%);
  font: 15px/1.5 "Sarabun", "Noto Sans Thai", "Leelawadee UI", "Tahoma", "Loma", sans-serif; }
p { margin: 0; white-space: pre-line; }
.title { font-weight: bold; }
button { font: inherit; border: 1px solid #123c69; color: #123c69; background: #fff; border-radius: 6px; padding: 2px 10px; cursor: pointer; }
button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
`;

export function showToast(title: string, message: string, closeLabel: string): void {
  document.querySelector(HOST)?.remove();
  const host = document.createElement(HOST);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = document.createElement('div');
  box.className = 'toast';
  box.setAttribute('role', 'status');
  const text = document.createElement('div');
  const t = document.createElement('p');
  t.className = 'title';
  t.textContent = title;
  const m = document.createElement('p');
  m.textContent = message;
  text.append(t, m);
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = closeLabel;
  close.addEventListener('click', () => host.remove());
  box.append(text, close);
  root.append(style, box);
  document.body.append(host);
  setTimeout(() => host.remove(), SHOW_MS);
}

export function hideToast(): void {
  document.querySelector(HOST)?.remove();
}
