/** The overlay's context in the extension (platform/extension/context.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionContext } from '../../platform/extension/context';

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
