/**
 * What the overlay needs from wherever it runs. The extension implements it with browser.*;
 * the userscript build will implement it with GM_* and in-page storage.
 */
import type { OverlayState, Reply, ReplyFor, Request } from '../core/protocol';

export interface Transport {
  /** There is a settings page to open (the extension's options); the userscript has none. */
  readonly settingsPage: boolean;
  /** Send a request to the owner of records and settings; never throws, failures are replies. */
  request<T extends Request>(req: T): Promise<Reply<ReplyFor[T['type']]>>;
  /** Called when anything the overlay shows may have changed; returns an unsubscribe function. */
  onInvalidate(listener: () => void): () => void;
  /**
   * Messages from the background to this page (run a check, records changed). The handler's
   * answer (a promise) is the reply; undefined means "not mine".
   */
  onCommand(handler: (message: unknown) => Promise<unknown> | undefined): () => void;
}

export type { OverlayState };
