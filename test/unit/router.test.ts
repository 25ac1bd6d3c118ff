/**
 * The overlay's router on a page's first mount: the notice and the panel are drawn together, once
 * the clerk's payments are known (one render, one layout of the page), and without them after a
 * grace period, not never. The background is the real one (on WXT's fake browser).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startOverlay } from '../../entrypoints/elaas.content/overlay';
import { pageContext } from '../../platform/page-context';
import type { Transport } from '../../platform/types';
import { backgroundTransport } from './background-transport';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shown = (name: string) => document.querySelector(name) !== null;

/** The background, with the answer to `records/mine` held until `release`. */
function heldRecords(): { transport: Transport; release(): void; asked(): boolean } {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let asked = false;
  const transport = backgroundTransport(async (req) => {
    if (req.type === 'records/mine') {
      asked = true;
      await gate;
    }
  });
  return { transport, release, asked: () => asked };
}

let stop = () => {};
afterEach(() => {
  stop();
  document.body.replaceChildren();
});

function start(transport: Transport): void {
  document.body.innerHTML = '<main><h1>บันทึกการจ่ายเงิน</h1><p>e-LAAS</p></main>';
  let alive = true;
  const ctx = pageContext(() => alive);
  startOverlay(ctx, transport);
  stop = () => {
    alive = false;
    expect(ctx.isInvalid).toBe(true); // the overlay's timers and listeners end with it
  };
}

describe("the router, on a page's first mount", () => {
  it("waits for the clerk's payments, then mounts the notice and the panel together", async () => {
    const bg = heldRecords();
    start(bg.transport);
    await sleep(300); // the state has long been answered
    expect(bg.asked()).toBe(true);
    expect(shown('evw-notice')).toBe(false);
    expect(shown('evw-panel')).toBe(false);
    bg.release();
    await sleep(100);
    const main = document.querySelector('main');
    expect(Array.from(main?.children ?? [], (c) => c.tagName)).toEqual([
      'EVW-NOTICE',
      'EVW-PANEL',
      'H1',
      'P',
    ]);
    // The panel is drawn with the payments known: its own content, not an empty frame.
    expect(document.querySelector('evw-panel')?.shadowRoot?.querySelector('.evw-panel')).not.toBeNull();
  });

  it('mounts without them once the grace period is over (a background that does not answer)', async () => {
    const bg = heldRecords();
    start(bg.transport);
    await sleep(300);
    expect(shown('evw-notice')).toBe(false);
    await sleep(2000); // START_GRACE_MS after the overlay started
    expect(shown('evw-notice')).toBe(true);
    expect(shown('evw-panel')).toBe(true);
    bg.release();
  });
});

describe('the router, as the clerk moves between pages', () => {
  it("leaves no listener of its own behind on the overlay's signal for the features it took down", async () => {
    document.body.innerHTML = '<main><h1>บันทึกการจ่ายเงิน</h1><p>e-LAAS</p></main>';
    let alive = true;
    const ctx = pageContext(() => alive);
    stop = () => {
      alive = false;
    };
    // The listeners on the overlay's signal now (added and not taken off).
    const live = new Set<unknown>();
    const add = ctx.signal.addEventListener.bind(ctx.signal);
    const remove = ctx.signal.removeEventListener.bind(ctx.signal);
    vi.spyOn(ctx.signal, 'addEventListener').mockImplementation((type, listener, options) => {
      live.add(listener);
      add(type, listener, options);
    });
    vi.spyOn(ctx.signal, 'removeEventListener').mockImplementation((type, listener, options) => {
      live.delete(listener);
      remove(type, listener, options);
    });
    startOverlay(ctx, backgroundTransport());
    await sleep(400);
    expect(shown('evw-panel')).toBe(true);
    const first = live.size;
    // The SPA draws another page in place, and back, five times: every feature mounts again.
    const heading = document.querySelector('h1') as HTMLElement;
    for (let i = 0; i < 5; i++) {
      heading.textContent = 'รายการจ่ายเงิน';
      await sleep(350);
      heading.textContent = 'บันทึกการจ่ายเงิน';
      await sleep(350);
    }
    expect(shown('evw-panel')).toBe(true);
    expect(live.size).toBe(first);
  });
});
