/**
 * Where the manager cannot show a desktop notification: a small notice in the page's corner, in
 * its own shadow root, text only, closable, gone by itself after a while.
 */
import CSS from './toast.css?inline';

const HOST = 'evw-toast';
const SHOW_MS = 15_000;

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
