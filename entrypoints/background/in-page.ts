/**
 * The overlay's transport where the background's logic runs in the same page (the training page,
 * the userscript): the same requests and answers as runtime messages, with a copy in between so
 * the overlay never shares objects with the logic.
 */
import { parseReply } from '../../core/protocol';
import type { InPageHost } from '../../platform/in-page-hooks';
import type { Transport } from '../../platform/types';
import { onMessage } from './messages';

/** `senderUrl`: the address the logic sees as the page's (the e-LAAS origin it serves). */
export function inPageTransport(host: InPageHost, senderUrl: () => string): Transport {
  return {
    // The training page and the userscript have none: the panel offers no settings button.
    settingsPage: false,
    async request(req) {
      const reply = await onMessage(req, { id: host.ownId(), url: senderUrl() });
      return parseReply(structuredClone(reply)) as never;
    },
    onInvalidate: (listener) => host.onStorage(listener),
    onCommand(handler) {
      host.setCommandHandler(handler);
      return () => host.setCommandHandler(null);
    },
  };
}
