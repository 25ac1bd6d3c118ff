/** The userscript's platform without a browser: leader election by lease, and the host. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Gm } from '../../platform/userscript/gm';
import { createUserscriptHost, SELF_TAB } from '../../platform/userscript/host';
import { electLeader } from '../../platform/userscript/leader';

function memoryGm(): Gm & { values: Map<string, unknown>; shown: { title: string; text: string }[] } {
  const values = new Map<string, unknown>();
  const shown: { title: string; text: string }[] = [];
  return {
    values,
    shown,
    getValue: (k) => values.get(k),
    setValue: (k, v) => void values.set(k, v),
    deleteValue: (k) => void values.delete(k),
    notification: (d) => void shown.push({ title: d.title, text: d.text }),
  };
}

describe('leader election without Web Locks (a lease in localStorage)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
  });
  afterEach(() => vi.useRealTimers());

  it('gives one tab the lead, and another takes over once the leader stops renewing', () => {
    const first = vi.fn();
    const second = vi.fn();
    const a = electLeader(first);
    const b = electLeader(second);
    expect(a.mechanism).toBe('lease');
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    expect(first).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(10_000); // renewed all along
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    // The leading tab goes away: within one renewal the other leads.
    a.resign();
    vi.advanceTimersByTime(2_000);
    expect([a.isLeader(), b.isLeader()]).toEqual([false, true]);
    expect(second).toHaveBeenCalledOnce();
  });

  it('lets a lapsed lease go to another tab (a leader that died without stepping down)', () => {
    const a = electLeader(vi.fn());
    a.resign(); // its timer stops, as a crashed tab's would…
    localStorage.setItem(
      'evw-voucher-watch-leader',
      JSON.stringify({ id: 'crashed', until: Date.now() + 6_000 }),
    );
    const onLead = vi.fn();
    const b = electLeader(onLead);
    expect(b.isLeader()).toBe(false); // …but its lease still runs
    vi.advanceTimersByTime(8_000);
    expect(b.isLeader()).toBe(true);
    expect(onLead).toHaveBeenCalledOnce();
  });
});

describe('the userscript host', () => {
  afterEach(() => vi.useRealTimers());

  it("keeps settings and state in the manager's storage, with no policy", async () => {
    const g = memoryGm();
    const host = createUserscriptHost(g, () => true);
    await host.saveUserSettings({ language: 'en' });
    expect(g.values.get('evw:settings')).toEqual({ language: 'en' });
    expect((await host.loadSettings()).values.language).toBe('en');
    expect((await host.loadSettings()).policy).toEqual([]);
    await host.kv.set({ poller: { lastCheckAt: 1 } });
    expect(await host.kv.get('poller')).toEqual({ lastCheckAt: 1 });
    await host.kv.remove('poller');
    expect(await host.kv.get('poller')).toBeUndefined();
  });

  it('runs the check timer only in the leading tab', async () => {
    vi.useFakeTimers();
    let leading = false;
    const host = createUserscriptHost(memoryGm(), () => leading);
    const fired = vi.fn();
    host.onTimer('voucher-check', fired);
    await host.setTimer('voucher-check', 1_000);
    vi.advanceTimersByTime(2_000);
    expect(fired).not.toHaveBeenCalled();
    leading = true;
    await host.setTimer('voucher-check', 1_000);
    vi.advanceTimersByTime(1_000);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('runs checks in its own tab, and notifies through the manager or, without it, in the page', async () => {
    const g = memoryGm();
    const host = createUserscriptHost(g, () => true);
    expect(await host.tabsOf(location.origin)).toEqual([{ id: SELF_TAB, url: location.href }]);
    expect(await host.tabsOf('https://elsewhere.example')).toEqual([]);
    await expect(host.sendToTab(SELF_TAB, { type: 'check/run' })).rejects.toThrow();
    host.setCommandHandler(async (m) => ({ echoed: m }));
    expect(await host.sendToTab(SELF_TAB, { type: 'x' })).toEqual({ echoed: { type: 'x' } });

    await host.notifications.show('evw-1', 'ใบผ่านรายการจ่าย: สร้างแล้ว 1 รายการ', 'ฎีกา 1/2569 → PV1');
    expect(g.shown).toEqual([{ title: 'ใบผ่านรายการจ่าย: สร้างแล้ว 1 รายการ', text: 'ฎีกา 1/2569 → PV1' }]);

    const bare = createUserscriptHost({ ...memoryGm(), notification: null }, () => true);
    await bare.notifications.show('evw-2', 'ใบผ่านรายการจ่าย', 'ฎีกา 2/2569 → PV2');
    const toast = document.querySelector('evw-toast')?.shadowRoot;
    expect(toast?.querySelector('[role="status"]')?.textContent).toContain('ฎีกา 2/2569 → PV2');
    expect(toast?.querySelector('button')?.textContent).toBe('ปิด');
    await bare.notifications.clear('evw-2');
    expect(document.querySelector('evw-toast')).toBeNull();
  });
});
