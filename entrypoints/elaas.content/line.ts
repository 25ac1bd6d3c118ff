/**
 * The line to the page-world bridge, met at document_start (site/bridge-channel.ts), kept in
 * this extension's isolated world (or the userscript's) until the overlay starts and takes it.
 */
import { type Channel, connectToBridge } from '../../site/bridge-channel';

/** Where the line met at document_start waits for the overlay (one isolated world per page). */
const HELD = Symbol.for('evw-bridge-line');

interface Held {
  channel: Channel | null;
  waiters: ((channel: Channel) => void)[];
}

/**
 * At document_start, before any script of the page runs: meet the bridge (site/bridge-channel.ts)
 * and keep the line for the overlay, which starts later.
 */
export function holdBridgeLine(): void {
  const g = globalThis as unknown as Record<symbol, Held | undefined>;
  if (g[HELD]) return;
  const held: Held = { channel: null, waiters: [] };
  g[HELD] = held;
  connectToBridge(document, (channel) => {
    held.channel = channel;
    for (const w of held.waiters.splice(0)) w(channel);
  });
}

/** The line, when there is one: never opened late, when the page's scripts could listen in. */
export function heldLine(onLine: (channel: Channel) => void): void {
  const held = (globalThis as unknown as Record<symbol, Held | undefined>)[HELD];
  if (!held) return;
  if (held.channel) onLine(held.channel);
  else held.waiters.push(onLine);
}
