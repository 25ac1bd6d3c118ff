/**
 * What the background's logic needs from where it runs. The extension's background implements it
 * with browser.* (platform/extension/host.ts); the training page runs the same logic in the page
 * against the simulator's model (entrypoints/training/host.ts); the userscript will too.
 * Set once at start (`setHost`); the logic asks `host()` at each use.
 */
import type { Lang } from '../core/dates';
import type { ResolvedSettings } from '../core/settings';

export interface TabRef {
  id: number;
  url: string | undefined;
}

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

export interface Host {
  /** "Now" for the logic: the real clock, the testing clock, or the training's simulated one. */
  now(): Promise<number>;
  /** Small state kept across restarts (storage.local in the extension). */
  kv: {
    get(key: string): Promise<unknown>;
    set(values: Record<string, unknown>): Promise<void>;
    remove(keys: string | string[]): Promise<void>;
  };
  /** The overlay's text in one language (the background hands it to the overlay). */
  catalog(lang: Lang): Promise<Readonly<Record<string, string>>>;
  loadSettings(): Promise<ResolvedSettings>;
  saveUserSettings(patch: Record<string, unknown>): Promise<void>;
  /** A named timer that calls the logic back (alarms): in `delayMs`, or cleared with null. */
  setTimer(name: string, delayMs: number | null, periodMinutes?: number): Promise<void>;
  hasTimer(name: string): Promise<boolean>;
  /** Open pages of an e-LAAS origin, where a status check can run with the clerk's session. */
  tabsOf(origin: string): Promise<TabRef[]>;
  /** Every open e-LAAS page. */
  allTabs(): Promise<TabRef[]>;
  /** Ask the overlay in a page; rejects when nobody there answers. */
  sendToTab(id: number, message: unknown): Promise<unknown>;
  openTab(url: string): Promise<void>;
  openOptions(): Promise<void>;
  badge(look: BadgeLook): Promise<void>;
  notifications: {
    allowed(): Promise<boolean>;
    show(id: string, title: string, message: string): Promise<void>;
    clear(id: string): Promise<void>;
  };
  /** Who may talk to the logic: our own ID, and the address our own pages start with. */
  ownId(): string;
  ownPagesUrl(): string;
}

let current: Host | null = null;

export function setHost(next: Host): void {
  current = next;
}

export function host(): Host {
  if (!current) throw new Error('no host set: call setHost() at start');
  return current;
}
