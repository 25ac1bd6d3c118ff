/**
 * What the overlay shows comes from the background: settings, the clerk's dismissals and the
 * clock. This store fetches it, refetches when storage changes, and tells subscribers.
 */
import { type Translate, translatorFrom } from '../../core/i18n';
import type { OverlayState } from '../../core/protocol';
import { isRecord } from '../../core/validate';
import type { Transport } from '../../platform/types';
import { createListeners } from './listeners';

export type StateSnapshot =
  | { kind: 'loading' }
  | { kind: 'ready'; state: OverlayState; t: Translate }
  | { kind: 'error'; error: string };

export interface StateStore {
  get(): StateSnapshot;
  subscribe(listener: () => void): () => void;
  /** Fetch again (storage changed, or the e-LAAS user changed). */
  refresh(): void;
  userKey(): string;
}

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 30_000;

export function createStateStore(
  transport: Transport,
  userKey: () => string,
  signal: AbortSignal,
): StateStore {
  let snapshot: StateSnapshot = { kind: 'loading' };
  let generation = 0;
  const listeners = createListeners();

  let retryDelay = RETRY_FIRST_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const refresh = () => {
    const mine = ++generation;
    clearTimeout(retryTimer);
    void transport.request({ type: 'overlay/state', userKey: userKey() }).then((reply) => {
      if (mine !== generation || signal.aborted) return; // a newer answer is on its way
      const messages = reply.ok ? reply.data.messages : null;
      if (reply.ok && isRecord(messages) && Object.values(messages).every((v) => typeof v === 'string')) {
        retryDelay = RETRY_FIRST_MS;
        snapshot = {
          kind: 'ready',
          state: reply.data,
          t: translatorFrom(messages as Record<string, string>),
        };
        listeners.tell();
        return;
      }
      // The background may be starting (a stopped service worker): try again, backing off.
      const error = reply.ok ? 'no text in the answer' : reply.error;
      console.warn(`[Voucher Watch] state request failed, retrying in ${retryDelay} ms: ${error}`);
      retryTimer = setTimeout(refresh, retryDelay);
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
      // Keep showing the last good state; say so only when there is nothing to show.
      if (snapshot.kind !== 'ready') {
        snapshot = { kind: 'error', error };
        listeners.tell();
      }
    });
  };

  const unsubscribe = transport.onInvalidate(refresh);
  signal.addEventListener('abort', () => {
    clearTimeout(retryTimer);
    unsubscribe();
    listeners.clear();
  });
  refresh();

  return {
    get: () => snapshot,
    subscribe: listeners.add,
    refresh,
    userKey,
  };
}
