/** The overlay's context in the extension (platform/extension/context.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionContext } from '../../platform/extension/context';
import { pageContext } from '../../platform/page-context';

const runtime = fakeBrowser.runtime as { id?: string };
const id = runtime.id;

describe("the overlay's context in the extension", () => {
  afterEach(() => {
    runtime.id = id;
    vi.useRealTimers();
  });

  it('runs timers and listeners while the extension is there, and ends when it goes', () => {
    vi.useFakeTimers();
    const ctx = extensionContext();
    const ticks: string[] = [];
    ctx.setTimeout(() => ticks.push('timeout'), 10);
    ctx.setInterval(() => ticks.push('interval'), 10);
    ctx.addEventListener(window, 'evw-test', () => ticks.push('event'));
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    vi.advanceTimersByTime(10);
    window.dispatchEvent(new Event('evw-test'));
    expect(ticks).toEqual(['timeout', 'interval', 'event']);
    expect(ctx.isInvalid).toBe(false);

    // Reloaded, updated or removed: the runtime id is gone. The next tick ends the context.
    runtime.id = undefined;
    vi.advanceTimersByTime(30);
    expect(ticks).toEqual(['timeout', 'interval', 'event']);
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledOnce();
    window.dispatchEvent(new Event('evw-test'));
    expect(ticks).toHaveLength(3);
  });

  it('ends when a newer copy of the overlay starts in the page, and only then', () => {
    const older = extensionContext();
    expect(older.isInvalid).toBe(false);
    // Another extension's overlay (another id) is not ours.
    window.dispatchEvent(new CustomEvent('evw:overlay-started:someone-else', { detail: 'x' }));
    expect(older.isInvalid).toBe(false);
    const newer = extensionContext();
    expect(older.signal.aborted).toBe(true);
    expect(newer.isInvalid).toBe(false);
  });
});

describe("a page's overlay context", () => {
  afterEach(() => vi.useRealTimers());

  it('clears its running timers when it ends, and holds no listener for the timers that ran', () => {
    vi.useFakeTimers();
    let alive = true;
    const ctx = pageContext(() => alive);
    const added = vi.spyOn(ctx.signal, 'addEventListener');
    const ticks: string[] = [];
    // A day's timers on an SPA page (each DOM check, each read set one): none stays behind.
    for (let i = 0; i < 1000; i++) ctx.setTimeout(() => ticks.push('check'), 5);
    vi.advanceTimersByTime(5);
    expect(ticks).toHaveLength(1000);
    expect(added).not.toHaveBeenCalled();

    ctx.setTimeout(() => ticks.push('late'), 50);
    ctx.setInterval(() => ticks.push('interval'), 20);
    vi.advanceTimersByTime(20);
    expect(ticks.slice(1000)).toEqual(['interval']);
    alive = false;
    expect(ctx.isInvalid).toBe(true);
    expect(vi.getTimerCount()).toBe(0); // cleared, not left to find out on their next run
    vi.advanceTimersByTime(100);
    expect(ticks.slice(1000)).toEqual(['interval']);
    // An ended context starts no timer.
    ctx.setTimeout(() => ticks.push('after'), 1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
