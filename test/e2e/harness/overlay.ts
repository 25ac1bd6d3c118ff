/** Reading our overlay through its shadow root, and setting the extension's state, in tests. */
import type { Session, TestPage } from './session';

/** The part of storage.local the tests use (typed here: the functions run in the browser). */
interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

export interface NoticeSeen {
  variant: 'full' | 'strip';
  status: string;
  startsOn: string;
  text: string;
  lang: string;
  expanded: boolean;
}

/** What the clerk sees of the notice now, or null when there is none. */
export function readNotice(page: TestPage): Promise<NoticeSeen | null> {
  return page.evaluate(() => {
    const n = document.querySelector('evw-notice')?.shadowRoot?.querySelector('.evw-notice');
    if (!n) return null;
    const more = n.querySelector('.evw-more');
    return {
      variant: n.classList.contains('evw-notice--strip') ? 'strip' : 'full',
      status: n.querySelector('.evw-status')?.textContent ?? '',
      startsOn: n.querySelector('.evw-starts')?.textContent ?? '',
      text: n.textContent ?? '',
      lang: n.getAttribute('lang') ?? '',
      expanded: more ? more.getAttribute('aria-expanded') === 'true' : true,
    } as NoticeSeen;
  }, null);
}

/** Wait until the notice matches `want` (a partial), and return it. */
export async function waitForNotice(page: TestPage, want: Partial<NoticeSeen>): Promise<NoticeSeen> {
  await page.waitFor((w) => {
    const n = document.querySelector('evw-notice')?.shadowRoot?.querySelector('.evw-notice');
    if (!n) return false;
    const seen: Record<string, string> = {
      variant: n.classList.contains('evw-notice--strip') ? 'strip' : 'full',
      status: n.querySelector('.evw-status')?.textContent ?? '',
      lang: n.getAttribute('lang') ?? '',
    };
    return Object.entries(w).every(([k, v]) => k in seen === false || seen[k] === v);
  }, want);
  const seen = await readNotice(page);
  if (!seen) throw new Error('notice vanished');
  return seen;
}

/** Wait until no notice is rendered (the host may stay, empty). */
export function waitForNoNotice(page: TestPage): Promise<unknown> {
  return page.waitFor(
    () => !document.querySelector('evw-notice')?.shadowRoot?.querySelector('.evw-notice'),
    null,
  );
}

/** Forget everything the extension stored and set its clock (testing builds only). */
export async function resetExtension(session: Session, clockIso: string | null): Promise<void> {
  await session.inExtension(async (clock) => {
    const g = globalThis as unknown as Record<string, { storage: { local: StorageArea } } | undefined>;
    const api = (g.browser ?? g.chrome) as { storage: { local: StorageArea } };
    await api.storage.local.clear();
    if (clock) await api.storage.local.set({ devClock: clock });
    // The records database: the background closes its connection when asked (versionchange).
    await new Promise((resolve, reject) => {
      const del = indexedDB.deleteDatabase('voucher-watch');
      del.onsuccess = resolve;
      del.onerror = () => reject(del.error);
    });
  }, clockIso);
}

export function setStorage(session: Session, values: Record<string, unknown>): Promise<void> {
  return session.inExtension(async (v) => {
    const g = globalThis as unknown as Record<string, { storage: { local: StorageArea } } | undefined>;
    const api = (g.browser ?? g.chrome) as { storage: { local: StorageArea } };
    await api.storage.local.set(v);
  }, values);
}

export function getStorage(session: Session, key: string): Promise<unknown> {
  return session.inExtension(async (k) => {
    const g = globalThis as unknown as Record<string, { storage: { local: StorageArea } } | undefined>;
    const api = (g.browser ?? g.chrome) as { storage: { local: StorageArea } };
    return (await api.storage.local.get(k))[k];
  }, key);
}

/**
 * Open an e-LAAS route on the simulator and sign in through its login page as a clerk would
 * (design A: the Keycloak-style realm; design B: the site's own form), then wait for the page.
 */
export async function openSignedIn(page: TestPage, url: string, username = 'somsri'): Promise<void> {
  await page.goto(url);
  await page.waitFor(() => document.querySelector('#kc-form-login, main h1') !== null, null);
  const needsLogin = await page.evaluate(() => document.querySelector('#kc-form-login') !== null, null);
  if (needsLogin) {
    await page.evaluate((user) => {
      (document.querySelector('#username') as HTMLInputElement).value = user;
      (document.querySelector('#password') as HTMLInputElement).value = 'elaas2569';
    }, username);
    await page.click('#kc-login');
  }
  await page.waitFor(
    () => document.querySelector('main h1') !== null && document.querySelector('#kc-form-login') === null,
    null,
  );
}

export interface PanelRecord {
  deka: string;
  status: string;
  voucher: string;
  voucherHref: string;
  reason: string;
  overdue: boolean;
  /** A save whose answer never came, still being checked. */
  unconfirmed: boolean;
  /** A save whose answer never came, that e-LAAS never received. */
  notReceived: boolean;
}

/** The records the pending panel shows, in order, or null when there is no panel. */
export function readPanel(
  page: TestPage,
): Promise<{ records: PanelRecord[]; paused: string; count: string } | null> {
  return page.evaluate(() => {
    const root = document.querySelector('evw-panel')?.shadowRoot;
    const panel = root?.querySelector('.evw-panel');
    if (!root || !panel) return null;
    return {
      count: panel.querySelector('.evw-panel__count')?.textContent ?? '',
      paused: panel.querySelector('.evw-paused')?.textContent ?? '',
      records: Array.from(panel.querySelectorAll('.evw-record')).map((li) => ({
        deka: li.getAttribute('data-deka') ?? '',
        status: li.querySelector('.evw-chip[data-status]')?.getAttribute('data-status') ?? '',
        voucher: li.querySelector('.evw-voucher')?.textContent ?? '',
        voucherHref: li.querySelector('.evw-voucher')?.getAttribute('href') ?? '',
        reason: li.querySelector('.evw-reason')?.textContent ?? '',
        overdue: li.querySelector('.evw-chip--overdue') !== null,
        unconfirmed: li.querySelector('.evw-chip--unconfirmed') !== null,
        notReceived: li.querySelector('.evw-reason--not-received') !== null,
      })),
    };
  }, null);
}
