/**
 * What every host that runs the background's logic inside a page (the training page, the
 * userscript) needs besides its storage: the overlay's command handler (the page's answer to
 * "run a check", "records changed"), named timers that call the logic back, and listeners told
 * when stored state changes (the overlay then reads its state again).
 */
import type { Host } from './host';

type Handler = (message: unknown) => Promise<unknown> | undefined;

export interface InPageHooks {
  setCommandHandler(handler: Handler | null): void;
  onTimer(name: string, callback: () => void): void;
  onStorage(listener: () => void): () => void;
  /** Stored state changed: tell the listeners. */
  stored(): void;
  /** Ask the page's overlay; rejects when nothing answers. */
  command(message: unknown): Promise<unknown>;
  /** Call the named timer's callback after `realMs` (replacing one set before); null clears it. */
  arm(name: string, realMs: number | null): void;
  armed(name: string): boolean;
  disarmAll(): void;
}

/** What such a host offers the page around it (the overlay's transport, the entry's start-up). */
export type InPageHost = Host & Pick<InPageHooks, 'setCommandHandler' | 'onTimer' | 'onStorage'>;

export function inPageHooks(): InPageHooks {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const callbacks = new Map<string, () => void>();
  const storageListeners = new Set<() => void>();
  let handler: Handler | null = null;
  return {
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
    stored() {
      for (const l of storageListeners) l();
    },
    async command(message) {
      const answer = handler?.(message);
      if (answer === undefined) throw new Error('nobody answered');
      return answer;
    },
    arm(name, realMs) {
      clearTimeout(timers.get(name));
      timers.delete(name);
      if (realMs === null) return;
      timers.set(
        name,
        setTimeout(() => {
          timers.delete(name);
          callbacks.get(name)?.();
        }, realMs),
      );
    },
    armed: (name) => timers.has(name),
    disarmAll() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
