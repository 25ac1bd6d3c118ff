/**
 * The built userscript in a real browser, as Tampermonkey or Violentmonkey would run it: small
 * GM_* stand-ins (storage shared by the site's tabs, as the managers' is; notifications kept for
 * the test to read) and the script itself, run in every page before the page's own scripts
 * (@run-at document-start).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserName, ROOT } from './env';
import { launch, type Session } from './session';

export const USERSCRIPT = join(ROOT, '.output/elaas-voucher-watch.user.js');

/** `withoutLocks`: a browser without Web Locks (as on a plain http:// host), for the fallback. */
function standIns(withoutLocks: boolean): string {
  return `(() => {
  const key = (k) => 'gm-stand-in:' + k;
  window.GM_getValue = (k, d) => { const v = localStorage.getItem(key(k)); return v === null ? d : JSON.parse(v); };
  window.GM_setValue = (k, v) => localStorage.setItem(key(k), JSON.stringify(v));
  window.GM_deleteValue = (k) => localStorage.removeItem(key(k));
  window.GM_notification = (d) => {
    const shown = JSON.parse(sessionStorage.getItem('gm-stand-in-notifications') || '[]');
    shown.push({ title: d.title, text: d.text });
    sessionStorage.setItem('gm-stand-in-notifications', JSON.stringify(shown));
  };
  window.unsafeWindow = window;
  ${withoutLocks ? "Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });" : ''}
})();`;
}

export function launchWithUserscript(
  name: BrowserName,
  options: { withoutLocks?: boolean } = {},
): Promise<Session> {
  const script = readFileSync(USERSCRIPT, 'utf8');
  return launch(name, 'none', { initScript: `${standIns(options.withoutLocks ?? false)}\n${script}` });
}
