/**
 * The userscript's host: the background's logic runs in each e-LAAS tab. Settings and small state
 * in the manager's storage (shared by the site's tabs), records in IndexedDB on the site's origin,
 * checks only in the leader tab (leader.ts), and a BroadcastChannel so every tab's panel follows.
 * No managed policy: organisations deploy the extension for that (README).
 */
import { resolveSettings } from '../../core/settings';
import type { Host } from '../host';
import { STORAGE_KEYS } from '../storage-keys';
import type { Gm } from './gm';
import { hideToast, showToast } from './toast';

const PREFIX = 'evw:';
const CHANNEL = 'evw-voucher-watch';
export const SELF_TAB = 0;
/** The key the logic moves when records change (entrypoints/background/tracking.ts). */
const RECORDS_CHANGED = 'recordsChangedAt';

export interface UserscriptHost extends Host {
  setCommandHandler(handler: ((message: unknown) => Promise<unknown> | undefined) | null): void;
  onTimer(name: string, callback: () => void): void;
  /** Anything stored changed, here or in another tab of the site. */
  onStorage(listener: () => void): () => void;
  /** Records changed in another tab (the leader plans its next check again). */
  onRecordsChangedElsewhere(listener: () => void): void;
}

export function createUserscriptHost(gm: Gm, isLeader: () => boolean): UserscriptHost {
  const timers = new Map<string, number>();
  const callbacks = new Map<string, () => void>();
  const storageListeners = new Set<() => void>();
  let elsewhere: () => void = () => undefined;
  let handler: ((message: unknown) => Promise<unknown> | undefined) | null = null;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const stored = () => {
    for (const l of storageListeners) l();
  };
  const changed = (keys: string[]) => {
    stored();
    channel?.postMessage({ type: 'kv', keys });
  };
  channel?.addEventListener('message', (event: MessageEvent) => {
    const m = event.data as { type?: unknown; keys?: unknown } | null;
    if (m?.type !== 'kv' || !Array.isArray(m.keys)) return;
    stored();
    if (m.keys.includes(RECORDS_CHANGED)) {
      void handler?.({ type: 'records/changed' });
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
    loadSettings: async () => resolveSettings(read(STORAGE_KEYS.userSettings), {}),
    async saveUserSettings(patch) {
      const current = read(STORAGE_KEYS.userSettings);
      const base = typeof current === 'object' && current !== null ? current : {};
      gm.setValue(PREFIX + STORAGE_KEYS.userSettings, { ...base, ...patch });
      changed([STORAGE_KEYS.userSettings]);
    },
    async setTimer(name, delayMs) {
      clearTimeout(timers.get(name));
      timers.delete(name);
      // Only the leader checks e-LAAS; the others leave it to it.
      if (delayMs === null || !isLeader()) return;
      timers.set(
        name,
        window.setTimeout(
          () => {
            timers.delete(name);
            callbacks.get(name)?.();
          },
          Math.max(0, delayMs),
        ),
      );
    },
    hasTimer: async (name) => timers.has(name),
    tabsOf: async (origin) => (origin === location.origin ? [{ id: SELF_TAB, url: location.href }] : []),
    allTabs: async () => [{ id: SELF_TAB, url: location.href }],
    async sendToTab(id, message) {
      const answer = id === SELF_TAB ? handler?.(message) : undefined;
      if (answer === undefined) throw new Error('nobody answered');
      return answer;
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
    setCommandHandler(next) {
      handler = next;
    },
    onTimer(name, callback) {
      callbacks.set(name, callback);
    },
    onStorage(listener) {
      storageListeners.add(listener);
      return () => storageListeners.delete(listener);
    },
    onRecordsChangedElsewhere(listener) {
      elsewhere = listener;
    },
  };
}
