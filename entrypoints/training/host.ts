/**
 * The training page's host: the background's own logic (entrypoints/background) runs in the page
 * against the simulated e-LAAS. Practice records live in their own database; settings, timers,
 * the badge and notifications stay in the page; the real extension's state is never touched.
 */
import { resolveSettings } from '../../core/settings';
import type { Host } from '../../platform/host';
import { STORAGE_KEYS } from '../../platform/storage-keys';
import type { World } from './world';

/** Where the practice e-LAAS "lives", as far as records and links are concerned. */
export const TRAINING_ORIGIN = 'https://e-laas.training.invalid';
export const TRAINING_TAB = 1;

export interface TrainingView {
  badge: { text: string; color: string; title: string };
  toast: { id: string; title: string; message: string } | null;
}

export interface TrainingHost extends Host {
  view(): TrainingView;
  onView(listener: () => void): () => void;
  /** The overlay in this page answers the background's messages (run a check, records changed). */
  setCommandHandler(handler: ((message: unknown) => Promise<unknown> | undefined) | null): void;
  /** The logic's own timer callbacks (the check alarm). */
  onTimer(name: string, callback: () => void): void;
  /** Storage changed: the overlay re-reads its state. */
  onStorage(listener: () => void): () => void;
  clear(): void;
}

export function createTrainingHost(world: World): TrainingHost {
  const kv = new Map<string, unknown>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const callbacks = new Map<string, () => void>();
  const viewListeners = new Set<() => void>();
  const storageListeners = new Set<() => void>();
  let handler: ((message: unknown) => Promise<unknown> | undefined) | null = null;
  let view: TrainingView = { badge: { text: '', color: '#123c69', title: '' }, toast: null };
  const setView = (patch: Partial<TrainingView>) => {
    view = { ...view, ...patch };
    for (const l of viewListeners) l();
  };
  const stored = () => {
    for (const l of storageListeners) l();
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
    loadSettings: async () => resolveSettings(kv.get(STORAGE_KEYS.userSettings), {}),
    async saveUserSettings(patch) {
      const current = kv.get(STORAGE_KEYS.userSettings);
      kv.set(STORAGE_KEYS.userSettings, { ...(current as object), ...patch });
      stored();
    },
    async setTimer(name, delayMs) {
      clearTimeout(timers.get(name));
      timers.delete(name);
      if (delayMs === null) return;
      // Simulated time runs at the presenter's speed.
      const real = Math.max(200, delayMs / world.clock.speed());
      timers.set(
        name,
        setTimeout(() => {
          timers.delete(name);
          callbacks.get(name)?.();
        }, real),
      );
    },
    hasTimer: async (name) => timers.has(name),
    tabsOf: async (origin) =>
      origin === TRAINING_ORIGIN ? [{ id: TRAINING_TAB, url: `${TRAINING_ORIGIN}/` }] : [],
    allTabs: async () => [{ id: TRAINING_TAB, url: `${TRAINING_ORIGIN}/` }],
    async sendToTab(id, message) {
      if (id !== TRAINING_TAB) throw new Error('no such page');
      // A status check: e-LAAS' answer comes from the simulated e-LAAS, as its list would give it.
      const m = message as { type?: unknown; dateFrom?: unknown };
      if (m?.type === 'check/run' && typeof m.dateFrom === 'string') {
        return { ok: true, rows: world.statusRows(m.dateFrom), complete: true };
      }
      const answer = handler?.(message);
      if (answer === undefined) throw new Error('nobody answered');
      return answer;
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
    clear() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      const settings = kv.get(STORAGE_KEYS.userSettings);
      kv.clear();
      kv.set(STORAGE_KEYS.userSettings, settings);
      setView({ badge: { text: '', color: '#123c69', title: '' }, toast: null });
      stored();
    },
  };
}
