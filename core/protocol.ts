/**
 * Messages between the extension's contexts. Every message that crosses a context boundary is
 * parsed here first; anything that does not match exactly is refused. Pure.
 */
import type { ResolvedSettings } from './settings';

/** Who the clerk is in e-LAAS (origin + user), or `*` while the page does not say. */
export type UserKey = string;

export type Request =
  | { type: 'overlay/state'; userKey: UserKey }
  | { type: 'notice/dismiss'; userKey: UserKey; version: string }
  | { type: 'notice/reset' }
  | { type: 'settings/get' }
  | { type: 'settings/set'; patch: Record<string, unknown> };

export interface OverlayState {
  settings: ResolvedSettings;
  dismissedVersion: string | null;
  /** The background's clock (controllable in local builds), so every context agrees on "today". */
  now: number;
}

export type Reply<T = undefined> = { ok: true; data: T } | { ok: false; error: string };

export interface ReplyFor {
  'overlay/state': OverlayState;
  'notice/dismiss': undefined;
  'notice/reset': undefined;
  'settings/get': ResolvedSettings;
  'settings/set': ResolvedSettings;
}

/** Requests only extension pages (options, popup) may send; content scripts may not. */
export const PRIVILEGED: ReadonlySet<Request['type']> = new Set(['notice/reset', 'settings/get']);

const MAX_USER_KEY = 300;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function userKey(v: unknown): v is UserKey {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_USER_KEY;
}

function onlyKeys(v: Record<string, unknown>, keys: string[]): boolean {
  return Object.keys(v).every((k) => keys.includes(k));
}

/** Parse an incoming message; null when it is not exactly one of ours. */
export function parseRequest(v: unknown): Request | null {
  if (!isRecord(v) || typeof v.type !== 'string') return null;
  switch (v.type) {
    case 'overlay/state':
      return onlyKeys(v, ['type', 'userKey']) && userKey(v.userKey)
        ? { type: v.type, userKey: v.userKey }
        : null;
    case 'notice/dismiss':
      return onlyKeys(v, ['type', 'userKey', 'version']) &&
        userKey(v.userKey) &&
        typeof v.version === 'string' &&
        /^[0-9a-f]{8}$/.test(v.version)
        ? { type: v.type, userKey: v.userKey, version: v.version }
        : null;
    case 'notice/reset':
    case 'settings/get':
      return onlyKeys(v, ['type']) ? { type: v.type } : null;
    case 'settings/set':
      return onlyKeys(v, ['type', 'patch']) && isRecord(v.patch) ? { type: v.type, patch: v.patch } : null;
    default:
      return null;
  }
}

/** Check the shape of a reply before trusting it (the other side may be an old version). */
export function parseReply<T>(v: unknown): Reply<T> {
  if (isRecord(v) && v.ok === true && 'data' in v) return { ok: true, data: v.data as T };
  if (isRecord(v) && v.ok === false && typeof v.error === 'string') return { ok: false, error: v.error };
  return { ok: false, error: 'no valid reply' };
}
