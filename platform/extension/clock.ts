/**
 * The background's clock. Testing builds (tests, demo) let a test set "now" through
 * storage.local `devClock` (an ISO time); the store build compiles this branch away.
 */
import { browser } from 'wxt/browser';

export async function now(): Promise<number> {
  if (import.meta.env.MODE === 'testing') {
    const stored = (await browser.storage.local.get('devClock')).devClock;
    const at = typeof stored === 'string' ? Date.parse(stored) : Number.NaN;
    if (Number.isFinite(at)) return at;
  }
  return Date.now();
}
