/**
 * The userscript's host: the background's logic runs in each e-LAAS tab. Settings and small state
 * in the manager's storage (shared by the site's tabs), records in IndexedDB on the site's origin,
 * checks only in the leader tab (leader.ts), and a BroadcastChannel so every tab's panel follows.
 * No managed policy: organisations deploy the extension for that (README).
 */
import { catalogs } from '../../core/i18n';
import { resolveSettings } from '../../core/settings';
import { type InPageHost, inPageHooks } from '../in-page-hooks';
import { STORAGE_KEYS } from '../storage-keys';
import type { Gm } from './gm';
import { hideToast, showToast } from './toast';

const PREFIX = 'evw:';
const CHANNEL = 'evw-voucher-watch';
export const SELF_TAB = 0;
/** The key the logic moves when records change (entrypoints/background/tracking.ts). */
const RECORDS_CHANGED = 'recordsChangedAt';

/** Its storage listeners hear changes made in the site's other tabs too. */
export interface UserscriptHost extends InPageHost {
  /** Records changed in another tab (the leader plans its next check again). */
  onRecordsChangedElsewhere(listener: () => void): void;
}

export function createUserscriptHost(gm: Gm, isLeader: () => boolean): UserscriptHost {
  const hooks = inPageHooks();
  const { stored } = hooks;
  let elsewhere: () => void = () => undefined;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const changed = (keys: string[]) => {
    stored();
    channel?.postMessage({ type: 'kv', keys });
  };
  channel?.addEventListener('message', (event: MessageEvent) => {
    const m = event.data as { type?: unknown; keys?: unknown } | null;
    if (m?.type !== 'kv' || !Array.isArray(m.keys)) return;
    stored();
    if (m.keys.includes(RECORDS_CHANGED)) {
      void hooks.command({ type: 'records/changed' }).catch(() => undefined);
      elsewhere();
    }
  });
  const read = (key: string) => gm.getValue(PREFIX + key);

  return {
    now: async () => Date.now(),
    kv: {
      get: async (key) => read(key),
      async set(values) {
        for (const [k, v] of Object.entries(values)) gm.setValue(PREFIX + k, v);
        changed(Object.keys(values));
      },
      async remove(keys) {
        const list = Array.isArray(keys) ? keys : [keys];
        for (const k of list) gm.deleteValue(PREFIX + k);
        changed(list);
      },
    },
    // The userscript carries the catalogs: it is one file.
    catalog: async (lang) => catalogs[lang],
    loadSettings: async () => resolveSettings(read(STORAGE_KEYS.userSettings), {}),
    async saveUserSettings(patch) {
      const current = read(STORAGE_KEYS.userSettings);
      const base = typeof current === 'object' && current !== null ? current : {};
      gm.setValue(PREFIX + STORAGE_KEYS.userSettings, { ...base, ...patch });
      changed([STORAGE_KEYS.userSettings]);
    },
    async setTimer(name, delayMs) {
      // Only the leader checks e-LAAS; the others leave it to it.
      hooks.arm(name, delayMs === null || !isLeader() ? null : Math.max(0, delayMs));
    },
    hasTimer: async (name) => hooks.armed(name),
    tabsOf: async (origin) => (origin === location.origin ? [{ id: SELF_TAB, url: location.href }] : []),
    allTabs: async () => [{ id: SELF_TAB, url: location.href }],
    async sendToTab(id, message) {
      if (id !== SELF_TAB) throw new Error('no such page');
      return hooks.command(message);
    },
    openTab: async (url) => {
      if (new URL(url).origin === location.origin) location.assign(url);
    },
    openOptions: async () => undefined,
    // No toolbar button: the panel carries the counts.
    badge: async () => undefined,
    notifications: {
      allowed: async () => true,
      async show(_id, title, message) {
        if (gm.notification)
          gm.notification({ title, text: message, onclick: () => window.focus(), timeout: 15_000 });
        else {
          const lang = resolveSettings(read(STORAGE_KEYS.userSettings), {}).values.language;
          showToast(title, message, lang === 'en' ? 'Close' : 'ปิด');
        }
      },
      clear: async () => hideToast(),
    },
    ownId: () => 'userscript',
    ownPagesUrl: () => 'userscript-has-no-privileged-pages:',
    setCommandHandler: hooks.setCommandHandler,
    onTimer: hooks.onTimer,
    onStorage: hooks.onStorage,
    onRecordsChangedElsewhere(listener) {
      elsewhere = listener;
    },
  };
}
