/** The page-world bridge: asked twice at once for the same list, e-LAAS is asked once; installed once. */
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE, CONTENT, installBridge } from '../../site/bridge';
import { DEFAULT_PROFILE } from '../../site/profile';

function results(win: Window): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = [];
  win.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as Record<string, unknown>;
    if (m?.source === BRIDGE && m.type === 'check-result') seen.push(m);
  });
  return new Promise((resolve) => setTimeout(() => resolve(seen), 50));
}

describe('the page-world bridge', () => {
  it('shares one e-LAAS request between identical checks asked together, and installs once', async () => {
    const fetchMock = vi.fn(
      async () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }),
    );
    const win = window as Window & typeof globalThis;
    win.fetch = fetchMock as unknown as typeof fetch;
    installBridge(win, DEFAULT_PROFILE.api);
    installBridge(win, DEFAULT_PROFILE.api); // a second injection changes nothing
    // The app's own request gives the bridge the clerk's authorization.
    await win.fetch(new URL(DEFAULT_PROFILE.api.list.path, location.origin).href, {
      headers: { authorization: 'Bearer t' },
    });
    fetchMock.mockClear();
    const seen = results(win);
    const ask = (id: string) =>
      win.postMessage(
        { source: CONTENT, type: 'run-check', id, dateFrom: '2026-06-10', fiscalYear: 2569, page: 1 },
        location.origin,
      );
    ask('a');
    ask('b');
    const answers = await seen;
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(answers.map((m) => [m.id, m.status, m.body])).toEqual([
      ['a', 200, '{"ok":true}'],
      ['b', 200, '{"ok":true}'],
    ]);
    // Answered: the next check is a new request (it must see later news).
    const later = results(win);
    ask('c');
    expect((await later).map((m) => m.id)).toEqual(['c']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
