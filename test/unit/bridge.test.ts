/**
 * The page-world bridge: asked twice at once for the same list, e-LAAS is asked once; installed
 * once; it talks only on the line met before the page's scripts ran, never by window messages.
 */
import { describe, expect, it, vi } from 'vitest';
import { bridgeApi, installBridge } from '../../site/bridge';
import { awaitContent, type Channel, CONNECT_EVENT, connectToBridge } from '../../site/bridge-channel';
import { DEFAULT_PROFILE } from '../../site/profile';

let line: Channel | null = null;

function results(type: string): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = [];
  const stop = line?.listen((m) => {
    if (m.type === type) seen.push(m);
  });
  return new Promise((resolve) =>
    setTimeout(() => {
      stop?.();
      resolve(seen);
    }, 50),
  );
}

/** e-LAAS as the bridge reaches it: the bridge wraps the first fetch it finds, once per window. */
const fetchMock = vi.fn(
  async (_input: RequestInfo | URL, _init?: RequestInit) =>
    new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }),
);

describe('the page-world bridge', () => {
  it('shares one e-LAAS request between identical checks asked together, and installs once', async () => {
    const win = window as Window & typeof globalThis;
    win.fetch = fetchMock as unknown as typeof fetch;
    const windowMessages: unknown[] = [];
    win.addEventListener('message', (e) => windowMessages.push(e.data));
    installBridge(win, DEFAULT_PROFILE.api);
    installBridge(win, DEFAULT_PROFILE.api); // a second injection changes nothing
    // The content script meets it at document_start (here: before anything else runs).
    connectToBridge(document, (channel) => {
      line = channel;
    });
    expect(line).not.toBeNull();
    // The app's own request gives the bridge the clerk's authorization.
    await win.fetch(new URL(DEFAULT_PROFILE.api.list.path, location.origin).href, {
      headers: { authorization: 'Bearer t' },
    });
    fetchMock.mockClear();
    const seen = results('check-result');
    const ask = (id: string) =>
      line?.send({ type: 'run-check', id, dateFrom: '2026-06-10', fiscalYear: 2569, page: 1 });
    ask('a');
    ask('b');
    const answers = await seen;
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(answers.map((m) => [m.id, m.status, m.body])).toEqual([
      ['a', 200, '{"ok":true}'],
      ['b', 200, '{"ok":true}'],
    ]);
    // Answered: the next check is a new request (it must see later news).
    const later = results('check-result');
    ask('c');
    expect((await later).map((m) => m.id)).toEqual(['c']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(windowMessages).toEqual([]); // the page heard nothing of it
  });

  it("ignores the page's own messages and a second connect: nothing fetched, nothing heard", async () => {
    const win = window as Window & typeof globalThis;
    fetchMock.mockClear();
    // A page script posting what the content script used to post on the window…
    win.postMessage(
      {
        source: 'evw-content',
        type: 'run-check',
        id: 'p',
        dateFrom: '2026-06-10',
        fiscalYear: 2569,
        page: 1,
      },
      location.origin,
    );
    win.postMessage({ source: 'evw-content', type: 'hello' }, location.origin);
    // …or trying to take the line now.
    const fake = document.createElement('div');
    const heard: unknown[] = [];
    fake.addEventListener('evw-bridge-line', (e) => heard.push((e as CustomEvent).detail));
    document.documentElement.append(fake);
    fake.dispatchEvent(new CustomEvent(CONNECT_EVENT, { bubbles: true }));
    fake.remove();
    const seen = results('check-result');
    await new Promise((r) => setTimeout(r, 30));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
    expect(await seen).toEqual([]);
  });
});

describe("the organisation's API profile in the bridge", () => {
  const api = {
    record: DEFAULT_PROFILE.api.record,
    list: DEFAULT_PROFILE.api.list,
    token: DEFAULT_PROFILE.api.token,
  };

  it('accepts a well-formed one and refuses anything else', () => {
    expect(bridgeApi(api)).toEqual(api);
    const bad = [
      null,
      'x',
      { ...api, record: { method: 'DELETE', path: 'x' } },
      { ...api, record: { method: 'POST', path: '(' } },
      { ...api, list: { ...api.list, path: 'https://elsewhere.example/api' } },
      { ...api, list: { ...api.list, path: '//elsewhere.example/api' } },
      { ...api, list: { ...api.list, pageSize: 0 } },
      { ...api, list: { ...api.list, maxPages: 99 } },
      { ...api, list: { ...api.list, params: { ...api.list.params, page: 'a&b=c' } } },
      { ...api, token: { path: '(' } },
      { ...api, token: { path: '' } },
      { record: api.record, list: api.list },
    ];
    for (const value of bad) expect(bridgeApi(value), JSON.stringify(value)).toBeNull();
  });

  it('uses the override sent by the content script: the record request it watches, the list it asks', async () => {
    // The bridge the test above installed on this window, with the built-in profile.
    const win = window as Window & typeof globalThis;
    installBridge(win, api);
    fetchMock.mockClear();
    const override = {
      record: { method: 'POST', path: '^/api/v2/pay$' },
      list: { ...api.list, path: '/api/v2/payments', params: { ...api.list.params, page: 'p' } },
      token: api.token,
    };
    const recorded: unknown[] = [];
    line?.listen((m) => {
      if (m.type === 'recorded') recorded.push(m.body);
    });
    line?.send({ type: 'profile', api: override });
    await win.fetch('/api/v2/pay', { method: 'POST', headers: { authorization: 'Bearer t' } });
    await win.fetch('/api/v1/expenditure/payments', { method: 'POST' }); // the old path: not watched
    line?.send({ type: 'run-check', id: 'x', dateFrom: '2026-06-10', fiscalYear: 2569, page: 1 });
    await new Promise((r) => setTimeout(r, 30));
    expect(recorded).toEqual(['{"ok":true}']);
    const asked = new URL(String(fetchMock.mock.calls.at(-1)?.[0]));
    expect(asked.pathname).toBe('/api/v2/payments');
    expect(asked.searchParams.get('p')).toBe('1');
  });

  it('checks with the token the app renewed at its sign-in server (fetch or XHR), only a bearer token, and says a new one came', async () => {
    const win = window as Window & typeof globalThis;
    installBridge(win, api); // (already installed above: the profile in force is the override)
    line?.send({ type: 'profile', api });
    const tokenAnswer = (body: string) => {
      fetchMock.mockImplementationOnce(async () => new Response(body, { status: 200 }));
      return win.fetch('/realms/elaas/protocol/openid-connect/token', {
        method: 'POST',
        body: 'grant_type=refresh_token',
      });
    };
    const lastAuth = async () => {
      fetchMock.mockClear();
      line?.send({
        type: 'run-check',
        id: `a${Math.random().toString(36).slice(2)}`,
        dateFrom: '2026-06-10',
        fiscalYear: 2569,
        page: 1,
      });
      await new Promise((r) => setTimeout(r, 20));
      return new Headers(fetchMock.mock.calls.at(-1)?.[1]?.headers).get('authorization');
    };
    // The content script hears that the authorisation changed (never what it is).
    const told: unknown[] = [];
    line?.listen((m) => {
      if (m.type === 'auth') told.push(m.type);
    });
    await win.fetch(api.list.path, { headers: { authorization: 'Bearer first' } });
    expect(await lastAuth()).toBe('Bearer first');

    await tokenAnswer('{"access_token":"renewed.by-fetch_1","token_type":"Bearer","expires_in":300}');
    await new Promise((r) => setTimeout(r, 0));
    expect(await lastAuth()).toBe('Bearer renewed.by-fetch_1');

    // Not a bearer token, not a token, not JSON: the last good one stays.
    await tokenAnswer('{"access_token":"mac-token","token_type":"mac"}');
    await tokenAnswer('{"access_token":"has space"}');
    await tokenAnswer('<html>signed out</html>');
    await new Promise((r) => setTimeout(r, 0));
    expect(await lastAuth()).toBe('Bearer renewed.by-fetch_1');

    // The app's XHR to the token endpoint (keycloak-js uses XHR).
    const OriginalXhr = win.XMLHttpRequest;
    const req = new OriginalXhr();
    req.open('POST', '/realms/elaas/protocol/openid-connect/token');
    Object.defineProperty(req, 'status', { value: 200 });
    Object.defineProperty(req, 'response', { value: '{"access_token":"by-xhr"}' });
    const sent = vi.spyOn(Object.getPrototypeOf(Object.getPrototypeOf(req)) as XMLHttpRequest, 'send');
    req.send('grant_type=refresh_token');
    req.dispatchEvent(new Event('load'));
    sent.mockRestore();
    expect(await lastAuth()).toBe('Bearer by-xhr');

    // The app's own API call with a newer authorisation wins again.
    await win.fetch(api.list.path, { headers: { authorization: 'Bearer from-app' } });
    expect(await lastAuth()).toBe('Bearer from-app');
    await win.fetch(api.list.path, { headers: { authorization: 'Bearer from-app' } });
    // first, renewed by fetch, by XHR, from the app: four changes; the same one again is none.
    expect(told).toHaveLength(4);
  });
});

describe("the line's meeting", () => {
  it('meets by a text node under <html>, and before <html> exists by an element standing as the document', () => {
    // Under <html>: what a page script listening on the document would see of the meeting.
    const page = document.implementation.createHTMLDocument('e-LAAS');
    const seen: string[] = [];
    page.addEventListener(
      CONNECT_EVENT,
      (e) => {
        const node = e.target as Node;
        seen.push(
          `${node.nodeType}:${node.nodeType === 3 ? (node as Text).data : (node as Element).localName}`,
        );
      },
      true,
    );
    const pageWindow = { document: page, Event, CustomEvent } as unknown as Window;
    const met: string[] = [];
    awaitContent(pageWindow, () => met.push('bridge'));
    connectToBridge(page, () => met.push('content'));
    expect(seen).toEqual(['3:evw-line']);
    expect(met).toEqual(['bridge', 'content']);
    expect(page.documentElement.childNodes.length).toBe(2); // <head> and <body>: the node is gone

    // Before <html> (a userscript manager may run us that early): a document holds no text node.
    const early = document.implementation.createHTMLDocument('');
    early.documentElement.remove();
    expect(early.documentElement).toBeNull();
    const earlyWindow = { document: early, Event, CustomEvent } as unknown as Window;
    const lines: Channel[] = [];
    connectToBridge(early, (c) => lines.push(c)); // the content script first: it waits
    awaitContent(earlyWindow, (c) => lines.push(c)); // the bridge says it is here: they meet
    expect(lines).toHaveLength(2);
    expect(early.documentElement).toBeNull();
    const heard: unknown[] = [];
    lines[0]?.listen((m) => heard.push(m.type));
    lines[1]?.send({ type: 'auth' });
    expect(heard).toEqual(['auth']);
  });

  it('takes no text node but its own, and no element of another name', () => {
    const page = document.implementation.createHTMLDocument('e-LAAS');
    const pageWindow = { document: page, Event, CustomEvent } as unknown as Window;
    const met: string[] = [];
    awaitContent(pageWindow, () => met.push('bridge'));
    for (const node of [
      page.createTextNode('evw-lin'),
      page.createElement('evw-lines'),
      page.createComment('evw-line'),
    ]) {
      page.body.append(node);
      expect(node.dispatchEvent(new CustomEvent(CONNECT_EVENT, { bubbles: true, cancelable: true }))).toBe(
        true,
      );
      node.remove();
    }
    expect(met).toEqual([]);
    connectToBridge(page, () => met.push('content'));
    expect(met).toEqual(['bridge', 'content']);
  });
});
