/**
 * What the overlay shows comes from the background: settings, the clerk's dismissals and the
 * clock. This store fetches it, refetches when storage changes, and tells subscribers.
 */
import type { OverlayState } from '../../core/protocol';
import type { Transport } from '../../platform/types';

export type StateSnapshot =
  | { kind: 'loading' }
  | { kind: 'ready'; state: OverlayState }
  | { kind: 'error'; error: string };

export interface StateStore {
  get(): StateSnapshot;
  subscribe(listener: () => void): () => void;
  /** Fetch again (storage changed, or the e-LAAS user changed). */
  refresh(): void;
  userKey(): string;
}

export function createStateStore(
  transport: Transport,
  userKey: () => string,
  signal: AbortSignal,
): StateStore {
  let snapshot: StateSnapshot = { kind: 'loading' };
  let generation = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };

  const refresh = () => {
    const mine = ++generation;
    void transport.request({ type: 'overlay/state', userKey: userKey() }).then((reply) => {
      if (mine !== generation || signal.aborted) return; // a newer answer is on its way
      // Keep showing the last good state if a refresh fails; say so only when we have nothing.
      if (reply.ok) snapshot = { kind: 'ready', state: reply.data };
      else if (snapshot.kind !== 'ready') snapshot = { kind: 'error', error: reply.error };
      else return;
      emit();
    });
  };

  const unsubscribe = transport.onInvalidate(refresh);
  signal.addEventListener('abort', () => {
    unsubscribe();
    listeners.clear();
  });
  refresh();

  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    userKey,
  };
}
