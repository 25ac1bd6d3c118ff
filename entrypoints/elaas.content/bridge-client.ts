/**
 * The content script's side of the page-world bridge: payments the app recorded, and the status
 * check run with the app's own authorisation. Everything from the page is validated here.
 */
import type { CheckRequest, CheckResult } from '../../core/protocol';
import type { CapturedPayment, StatusRow } from '../../core/records';
import { BRIDGE, CONTENT, type ProfileMessage, type RunCheck } from '../../site/bridge';
import { parseListAnswer, parseRecordAnswer } from '../../site/parse-api';
import type { ProfileRef } from './tracking';

const CHECK_TIMEOUT_MS = 60_000;
/** The bridge answers a hello at once (same window); silence this long means it is not there. */
const HELLO_TIMEOUT_MS = 500;
/** The bridge has seen no API request with authorisation on this page. */
export const NO_API = 'no-api-seen';

interface BridgeMessage {
  source: typeof BRIDGE;
  type: 'ready' | 'recorded' | 'check-result';
  id?: string;
  status?: number;
  body?: string;
  contentType?: string;
  error?: string;
}

function fromBridge(event: MessageEvent): BridgeMessage | null {
  if (event.source !== window || event.origin !== location.origin) return null;
  const m = event.data as Partial<BridgeMessage> | null;
  if (!m || typeof m !== 'object' || m.source !== BRIDGE || typeof m.type !== 'string') return null;
  return m as BridgeMessage;
}

function json(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export interface BridgeClient {
  /** Whether the bridge is on this page (design A): asks it once, then remembers. */
  present(): Promise<boolean>;
  /** Tell the bridge the profile in force, if it changed (an organisation's override). */
  syncProfile(): void;
  runCheck(req: CheckRequest): Promise<CheckResult>;
}

export function connectBridge(
  site: ProfileRef,
  signal: AbortSignal,
  onRecorded: (payment: CapturedPayment) => void,
): BridgeClient {
  let present = false;
  const readyWaiters = new Set<() => void>();
  const waiting = new Map<string, (m: BridgeMessage) => void>();
  // The bridge starts with the built-in profile, which is ours too until the background says
  // otherwise: nothing to send unless an organisation's override is in force.
  const builtIn = site.profile;
  let sent: unknown = builtIn;
  const syncProfile = (force = false) => {
    if (!force && sent === site.profile) return;
    sent = site.profile;
    const { record, list } = site.profile.api;
    const message: ProfileMessage = { source: CONTENT, type: 'profile', api: { record, list } };
    window.postMessage(message, location.origin);
  };

  window.addEventListener(
    'message',
    (event) => {
      const m = fromBridge(event);
      if (!m) return;
      present = true;
      // A bridge saying hello again may be a new one (with the built-in profile).
      if (m.type === 'ready' && site.profile !== builtIn) syncProfile(true);
      if (m.type === 'ready') for (const done of [...readyWaiters]) done();
      if (m.type === 'recorded' && m.status === 200) {
        const parsed = parseRecordAnswer(site.profile.api, site.profile.statusTexts, json(m.body));
        if (parsed.ok) onRecorded(parsed.value);
      } else if (m.type === 'check-result' && typeof m.id === 'string') {
        waiting.get(m.id)?.(m);
      }
    },
    { signal },
  );

  // Whether the bridge is there is asked when a check needs it, not at every page load: a
  // message posted while the page loads costs its main thread (npm run bench), and e-LAAS' own
  // listeners would hear it.
  const ask = (): Promise<boolean> => {
    if (present || signal.aborted) return Promise.resolve(present);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        readyWaiters.delete(done);
        resolve(present);
      };
      const timer = setTimeout(done, HELLO_TIMEOUT_MS);
      readyWaiters.add(done);
      window.postMessage({ source: CONTENT, type: 'hello' }, location.origin);
    });
  };

  const page = (dateFrom: string, fiscalYear: number, n: number) =>
    new Promise<BridgeMessage | null>((resolve) => {
      const id = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(null);
      }, CHECK_TIMEOUT_MS);
      waiting.set(id, (m) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(m);
      });
      const message: RunCheck = { source: CONTENT, type: 'run-check', id, dateFrom, fiscalYear, page: n };
      window.postMessage(message, location.origin);
    });

  return {
    present: ask,
    syncProfile: () => syncProfile(),
    async runCheck(req) {
      if (!navigator.onLine) return { ok: false, reason: 'offline' };
      syncProfile();
      const rows: StatusRow[] = [];
      let complete = true;
      for (const fy of req.fiscalYears) {
        for (let n = 1; n <= site.profile.api.list.maxPages; n++) {
          const m = await page(req.dateFrom, fy, n);
          if (!m) return { ok: false, reason: 'site-error', message: 'e-LAAS did not answer in time' };
          // No API request seen on this page: the site may not talk JSON at all (say so exactly).
          if (m.error === 'no-auth') return { ok: false, reason: 'logged-out', message: NO_API };
          if (m.status === 401 || m.status === 403) return { ok: false, reason: 'logged-out' };
          if (m.status === 503) return { ok: false, reason: 'maintenance' };
          if (m.status === 0) return { ok: false, reason: navigator.onLine ? 'site-error' : 'offline' };
          const parsed = parseListAnswer(site.profile.api, site.profile.statusTexts, json(m.body));
          if (!parsed.ok) {
            return {
              ok: false,
              reason: parsed.reason === 'refused' ? 'site-error' : 'unreadable',
              message: parsed.message,
            };
          }
          rows.push(...parsed.value.rows);
          if (parsed.value.total <= n * site.profile.api.list.pageSize) break;
          if (n === site.profile.api.list.maxPages) complete = false;
        }
      }
      return { ok: true, rows, complete };
    },
  };
}
