/**
 * The training page's host: the background's own logic (entrypoints/background) runs in the page
 * against the simulated e-LAAS. Practice records live in their own database; settings, timers,
 * the badge and notifications stay in the page; the real extension's state is never touched.
 */
import { catalogs } from '../../core/i18n';
import { resolveSettings } from '../../core/settings';
import { type InPageHost, inPageHooks } from '../../platform/in-page-hooks';
import { STORAGE_KEYS } from '../../platform/storage-keys';
import type { World } from './world';

/** Where the practice e-LAAS "lives", as far as records and links are concerned. */
export const TRAINING_ORIGIN = 'https://e-laas.training.invalid';
export const TRAINING_TAB = 1;

export interface TrainingView {
  badge: { text: string; color: string; title: string };
  toast: { id: string; title: string; message: string } | null;
}

export interface TrainingHost extends InPageHost {
  view(): TrainingView;
  onView(listener: () => void): () => void;
  clear(): void;
}

export function createTrainingHost(world: World): TrainingHost {
  const kv = new Map<string, unknown>();
  const hooks = inPageHooks();
  const { stored } = hooks;
  const viewListeners = new Set<() => void>();
  let view: TrainingView = { badge: { text: '', color: '#123c69', title: '' }, toast: null };
  const setView = (patch: Partial<TrainingView>) => {
    view = { ...view, ...patch };
    for (const l of viewListeners) l();
  };
  // Checks are quicker than in real use (15 s of simulated time at least), so a session moves.
  kv.set(STORAGE_KEYS.userSettings, { pollMinSeconds: 15, pollMaxSeconds: 60 });

  return {
    now: async () => world.now(),
    kv: {
      get: async (key) => structuredClone(kv.get(key)),
      async set(values) {
        for (const [k, v] of Object.entries(values)) kv.set(k, structuredClone(v));
        stored();
      },
      async remove(keys) {
        for (const k of Array.isArray(keys) ? keys : [keys]) kv.delete(k);
        stored();
      },
    },
    catalog: async (lang) => catalogs[lang],
    loadSettings: async () => resolveSettings(kv.get(STORAGE_KEYS.userSettings), {}),
    async saveUserSettings(patch) {
      const current = kv.get(STORAGE_KEYS.userSettings);
      kv.set(STORAGE_KEYS.userSettings, { ...(current as object), ...patch });
      stored();
    },
    async setTimer(name, delayMs) {
      // Simulated time runs at the presenter's speed.
      hooks.arm(name, delayMs === null ? null : Math.max(200, delayMs / world.clock.speed()));
    },
    hasTimer: async (name) => hooks.armed(name),
    tabsOf: async (origin) =>
      origin === TRAINING_ORIGIN ? [{ id: TRAINING_TAB, url: `${TRAINING_ORIGIN}/` }] : [],
    allTabs: async () => [{ id: TRAINING_TAB, url: `${TRAINING_ORIGIN}/` }],
    async sendToTab(id, message) {
      if (id !== TRAINING_TAB) throw new Error('no such page');
      // A status check: e-LAAS' answer comes from the simulated e-LAAS, as its list would give it.
      const m = message as { type?: unknown; dateFrom?: unknown };
      if (m?.type === 'check/run' && typeof m.dateFrom === 'string') {
        return { ok: true, rows: world.statusRows(m.dateFrom), nextPage: null };
      }
      return hooks.command(message);
    },
    openTab: async (url) => {
      if (url.startsWith(TRAINING_ORIGIN)) location.hash = new URL(url).hash;
    },
    openOptions: async () => undefined,
    badge: async (look) => setView({ badge: look }),
    notifications: {
      allowed: async () => true,
      show: async (id, title, message) => setView({ toast: { id, title, message } }),
      clear: async (id) => {
        if (view.toast?.id === id) setView({ toast: null });
      },
    },
    ownId: () => 'training',
    // No privileged pages here: nothing starts with this.
    ownPagesUrl: () => 'training-has-no-privileged-pages:',
    view: () => view,
    onView(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    setCommandHandler: hooks.setCommandHandler,
    onTimer: hooks.onTimer,
    onStorage: hooks.onStorage,
    clear() {
      hooks.disarmAll();
      const settings = kv.get(STORAGE_KEYS.userSettings);
      kv.clear();
      kv.set(STORAGE_KEYS.userSettings, settings);
      setView({ badge: { text: '', color: '#123c69', title: '' }, toast: null });
      stored();
    },
  };
}
