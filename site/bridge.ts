/**
 * The page-world bridge: runs in e-LAAS' own JavaScript world (document_start) so it sees the
 * site's API traffic and the authorisation the app already uses. It does two things only:
 *  1. when the app records a payment (the profile's record request), it says the save left, then
 *     passes the answer on (status 0: no answer came, the network failed);
 *  2. on request, it runs the profile's status request (the payments list) with the app's own
 *     authorisation and passes the answer on. Only that URL, built here from checked numbers
 *     and dates: a message from the page cannot make it fetch anything else.
 * The authorisation is the one the app last sent to its API, or the access token the app last
 * renewed at its sign-in server (the profile's token request), whichever came last.
 * Everything it passes on is untrusted page data to the content script, which validates it.
 */

import { awaitContent, type Channel } from './bridge-channel';
import { listRequestUrl } from './parse-api';
import type { ApiProfile } from './profile';

const MAX_BODY = 2_000_000;

export interface RunCheck {
  type: 'run-check';
  id: string;
  dateFrom: string;
  fiscalYear: number;
  page: number;
}

function headerFrom(headers: HeadersInit | undefined, name: string): string | null {
  if (!headers) return null;
  try {
    return new Headers(headers).get(name);
  } catch {
    return null;
  }
}

/** What the bridge uses of the profile: which request records, the status request, the token. */
export type BridgeApi = Pick<ApiProfile, 'record' | 'list' | 'token'>;

export interface ProfileMessage {
  type: 'profile';
  api: BridgeApi;
}

/** A check reads the list in turns of the profile's page limit; no list is longer than this. */
const MAX_PAGE = 10_020;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const paramName = (v: unknown) => typeof v === 'string' && /^[\w.[\]-]{1,40}$/.test(v);
const intIn = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const pathPattern = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length === 0 || v.length > 300) return false;
  try {
    new RegExp(v);
    return true;
  } catch {
    return false;
  }
};

/** The access token in a token answer (OAuth 2: `access_token`, a bearer token), or null. */
export function renewedToken(body: string): string | null {
  try {
    // (Not an object: destructuring throws, and the answer is no token.)
    const { access_token: token, token_type: type = 'bearer' } = JSON.parse(body);
    return typeof token === 'string' &&
      /^[\w.~+/=-]{1,8192}$/.test(token) &&
      `${type}`.toLowerCase() === 'bearer'
      ? `Bearer ${token}`
      : null;
  } catch {
    return null;
  }
}

/**
 * The profile the content script sends (the organisation's overrides in force), checked again
 * here: a page script could post one too. It gains nothing (same-origin paths only, which it
 * could fetch itself), but nothing malformed is used.
 */
export function bridgeApi(value: unknown): BridgeApi | null {
  if (!isObject(value) || !isObject(value.record) || !isObject(value.list) || !isObject(value.token))
    return null;
  const { method, path } = value.record;
  const list = value.list;
  if (typeof method !== 'string' || !/^(GET|POST|PUT|PATCH)$/.test(method)) return null;
  if (!pathPattern(path) || !pathPattern(value.token.path)) return null;
  if (typeof list.path !== 'string' || !/^\/(?!\/)[^\s?#]{0,299}$/.test(list.path)) return null;
  const params = list.params;
  if (!isObject(params) || !['dateFrom', 'fiscalYear', 'page', 'size'].every((k) => paramName(params[k])))
    return null;
  if (!intIn(list.pageSize, 1, 500) || !intIn(list.maxPages, 1, 20)) return null;
  return {
    record: { method, path },
    list: {
      path: list.path,
      params: {
        dateFrom: params.dateFrom as string,
        fiscalYear: params.fiscalYear as string,
        page: params.page as string,
        size: params.size as string,
      },
      pageSize: list.pageSize as number,
      maxPages: list.maxPages as number,
    },
    token: { path: value.token.path },
  };
}

/** Marks a window whose fetch we already wrap: never twice, whatever injects us again. */
const INSTALLED = Symbol.for('evw-voucher-watch-bridge');

export function installBridge(win: Window & typeof globalThis, builtIn: BridgeApi): void {
  const marked = win as unknown as Record<symbol, boolean>;
  if (marked[INSTALLED]) return;
  Object.defineProperty(win, INSTALLED, { value: true });
  const origin = win.location.origin;
  // The built-in profile until the content script sends the one in force. Its patterns are made
  // when the page first makes a request: at document_start they would cost every page, even one
  // that never asks its API anything.
  let api = builtIn;
  /** The record and token patterns and the API's root, made from `api` when first needed. */
  let rules: [RegExp, RegExp, string] | undefined;
  const use = (next: BridgeApi) => {
    api = next;
    rules = undefined;
  };
  let authorization: string | null = null;
  // Only the content script hears us, on the line met before the page's scripts ran.
  let line: Channel | null = null;
  const post = (message: Record<string, unknown>) => line?.send(message);
  /** A new authorisation: the content script hears that there is one (never what it is). */
  const authorize = (value: string) => {
    if (value === authorization) return;
    authorization = value;
    post({ type: 'auth' });
  };

  const inspect = (method: string, rawUrl: string, auth: string | null) => {
    let url: URL;
    try {
      url = new URL(rawUrl, win.location.href);
      rules ??= [
        new RegExp(api.record.path),
        new RegExp(api.token.path),
        `/${new URL(api.list.path, origin).pathname.split('/')[1] ?? ''}/`,
      ];
    } catch {
      return { isRecord: false, isToken: false };
    }
    const [record, token, apiRoot] = rules;
    // The sign-in server may be another host (an SSO domain): only its answer is read, never sent.
    const isToken =
      method.toUpperCase() === 'POST' &&
      (url.origin === origin || url.protocol === 'https:') &&
      token.test(url.pathname);
    if (url.origin !== origin) return { isRecord: false, isToken };
    if (auth && url.pathname.startsWith(apiRoot)) authorize(auth);
    return { isRecord: method.toUpperCase() === api.record.method && record.test(url.pathname), isToken };
  };
  const renewed = (body: string) => {
    const next = renewedToken(body);
    if (next) authorize(next);
  };

  const originalFetch = win.fetch.bind(win);
  win.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : null;
    const url = request ? request.url : String(input);
    const method = init?.method ?? request?.method ?? 'GET';
    const auth = headerFrom(init?.headers, 'authorization') ?? request?.headers.get('authorization') ?? null;
    const seen = inspect(method, url, auth);
    if (seen.isRecord) post({ type: 'save-sent' });
    let response: Response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      if (seen.isRecord) post({ type: 'recorded', status: 0 });
      throw error;
    }
    if (seen.isRecord) {
      response
        .clone()
        .text()
        .then((body) => post({ type: 'recorded', status: response.status, body: body.slice(0, MAX_BODY) }))
        .catch(() => undefined);
    }
    if (seen.isToken && response.ok)
      response
        .clone()
        .text()
        .then(renewed, () => undefined);
    return response;
  };

  const xhr = win.XMLHttpRequest.prototype;
  const calls = new WeakMap<XMLHttpRequest, { method: string; url: string; auth: string | null }>();
  const open = xhr.open;
  const setHeader = xhr.setRequestHeader;
  const send = xhr.send;
  xhr.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    calls.set(this, { method, url: String(url), auth: null });
    return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
  };
  xhr.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
    const call = calls.get(this);
    if (call && name.toLowerCase() === 'authorization') call.auth = value;
    return setHeader.call(this, name, value);
  };
  /** An XHR's answer as text ('' when the app asked for another type). */
  const textOf = (req: XMLHttpRequest) =>
    typeof req.response === 'string' ? req.response : req.responseType === '' ? req.responseText : '';
  xhr.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const call = calls.get(this);
    const seen = call ? inspect(call.method, call.url, call.auth) : null;
    if (seen?.isToken)
      this.addEventListener('load', () => {
        if (this.status === 200) renewed(textOf(this));
      });
    if (seen?.isRecord) {
      post({ type: 'save-sent' });
      const noAnswer = () => post({ type: 'recorded', status: 0 });
      this.addEventListener('error', noAnswer);
      this.addEventListener('timeout', noAnswer);
      this.addEventListener('abort', noAnswer);
      this.addEventListener('load', () => {
        post({ type: 'recorded', status: this.status, body: textOf(this).slice(0, MAX_BODY) });
      });
    }
    return send.call(this, body);
  };

  const inFlight = new Map<string, Promise<Record<string, unknown>>>();

  const onMessage = (raw: Record<string, unknown>) => {
    if (raw.type === 'profile') {
      // A userscript has no organisation's override (no policy): its built-in profile stays.
      const next = import.meta.env.EVW_USERSCRIPT ? null : bridgeApi((raw as Partial<ProfileMessage>).api);
      if (next) use(next);
      return;
    }
    const m = raw as Partial<RunCheck>;
    if (m.type !== 'run-check') return;
    // Checked even from our own line: only the profile's list, from checked numbers and dates.
    const ok =
      typeof m.id === 'string' &&
      /^[\w-]{1,40}$/.test(m.id) &&
      typeof m.dateFrom === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(m.dateFrom) &&
      Number.isInteger(m.fiscalYear) &&
      Number.isInteger(m.page) &&
      (m.page as number) >= 1 &&
      (m.page as number) <= MAX_PAGE;
    if (!ok) return;
    if (!authorization) {
      post({ type: 'check-result', id: m.id, status: 0, error: 'no-auth' });
      return;
    }
    const url = listRequestUrl(api, origin, m.dateFrom as string, m.fiscalYear as number, m.page as number);
    // The same list asked for while e-LAAS has not answered yet shares that answer: one request.
    // (Once answered, a new ask is a new request: a later check must see later news.)
    let answer = inFlight.get(url);
    if (!answer) {
      answer = originalFetch(url, {
        headers: { authorization, accept: 'application/json' },
        credentials: 'same-origin',
      })
        .then(async (res) => ({
          status: res.status,
          contentType: res.headers.get('content-type') ?? '',
          body: (await res.text()).slice(0, MAX_BODY),
        }))
        .catch(() => ({ status: 0, error: 'network' }))
        .finally(() => inFlight.delete(url));
      inFlight.set(url, answer);
    }
    const id = m.id;
    void answer.then((result) => post({ type: 'check-result', id, ...result }));
  };
  awaitContent(win, (channel) => {
    line = channel;
    channel.listen(onMessage);
  });
}
