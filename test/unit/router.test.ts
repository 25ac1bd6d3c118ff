/**
 * The overlay's router on a page's first mount: the notice and the panel are drawn together, once
 * the clerk's payments are known (one render, one layout of the page), and without them after a
 * grace period, not never. The background is the real one (on WXT's fake browser).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply, Request } from '../../core/protocol';
import { onMessage } from '../../entrypoints/background/messages';
import { startOverlay } from '../../entrypoints/elaas.content/overlay';
import { pageContext } from '../../platform/page-context';
import type { Transport } from '../../platform/types';
import { backgroundTransport, optionsSender } from './background-transport';

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

/** The real background, and the news of a change it sends the page (a dismissal, a reset). */
function liveBackground(): { transport: Transport; fromOptions(req: Request): Promise<Reply<unknown>> } {
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const l of listeners) l();
  };
  const base = backgroundTransport(undefined, async (req, reply) => {
    const answer = await reply();
    if (req.type === 'notice/dismiss') tell();
    return answer;
  });
  return {
    transport: {
      ...base,
      onInvalidate(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    // The options page (only it may show the notice again: background.test.ts).
    fromOptions: async (req) => {
      const answer = await onMessage(req, optionsSender());
      tell();
      return answer;
    },
  };
}

const mainChildren = () => Array.from(document.querySelector('main')?.children ?? [], (c) => c.tagName);

describe('what the overlay leaves in the page when a feature has nothing to show', () => {
  it('no notice element once the clerk dismissed it, across pages; it comes back when reset', async () => {
    const bg = liveBackground();
    start(bg.transport);
    await sleep(400);
    expect(mainChildren()).toEqual(['EVW-NOTICE', 'EVW-PANEL', 'H1', 'P']);
    const dismiss = document.querySelector('evw-notice')?.shadowRoot?.querySelector('.evw-dismiss');
    expect(dismiss).toBeInstanceOf(HTMLElement);
    (dismiss as HTMLElement).click();
    await sleep(100);
    expect(mainChildren()).toEqual(['EVW-PANEL', 'H1', 'P']);
    // The SPA draws another page in place: every feature mounts again, the notice still says nothing.
    (document.querySelector('h1') as HTMLElement).textContent = 'รายการจ่ายเงิน';
    await sleep(400);
    expect(mainChildren()).toEqual(['EVW-PANEL', 'H1', 'P']);
    // The options page shows the notice again: it comes back, above the panel.
    expect((await bg.fromOptions({ type: 'notice/reset' })).ok).toBe(true);
    await sleep(100);
    expect(mainChildren()).toEqual(['EVW-NOTICE', 'EVW-PANEL', 'H1', 'P']);
    expect(document.querySelector('evw-notice')?.shadowRoot?.querySelector('.evw-notice')).not.toBeNull();
  });

  it('a notice and a panel the page dropped (its content drawn again) are put back', async () => {
    start(liveBackground().transport);
    await sleep(400);
    (document.querySelector('main') as HTMLElement).innerHTML = '<h1>บันทึกการจ่ายเงิน</h1><p>e-LAAS</p>';
    expect(mainChildren()).toEqual(['H1', 'P']);
    await sleep(400); // the router looks at page changes every 250 ms
    expect(mainChildren()).toEqual(['EVW-NOTICE', 'EVW-PANEL', 'H1', 'P']);
  });

  it('no duplicate guard element on the payment form until a payment would be recorded twice', async () => {
    start(liveBackground().transport);
    await sleep(400);
    expect(shown('evw-panel')).toBe(true);
    expect(shown('evw-guard')).toBe(false);
  });
});
