/**
 * The content script's side of the page-world bridge: payments the app recorded, and the status
 * check run with the app's own authorisation. Everything from the page is validated here.
 */
import type { CheckRequest, CheckResult } from '../../core/protocol';
import type { CapturedPayment, StatusRow } from '../../core/records';
import type { ProfileMessage, RunCheck } from '../../site/bridge';
import type { Channel } from '../../site/bridge-channel';
import { parseListAnswer, parseRecordAnswer } from '../../site/parse-api';
import { heldLine } from './line';
import type { ProfileRef } from './tracking';

const CHECK_TIMEOUT_MS = 60_000;
/** The bridge has seen no API request with authorisation on this page. */
export const NO_API = 'no-api-seen';

interface BridgeMessage {
  type: 'save-sent' | 'recorded' | 'check-result' | 'auth';
  id?: string;
  status?: number;
  body?: string;
  contentType?: string;
  error?: string;
}

function fromBridge(m: Record<string, unknown>): BridgeMessage | null {
  return typeof m.type === 'string' ? (m as unknown as BridgeMessage) : null;
}

function json(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export interface BridgeClient {
  /** Whether the bridge is on this page (design A): it met us at document_start. */
  present(): Promise<boolean>;
  /** Tell the bridge the profile in force, if it changed (an organisation's override). */
  syncProfile(): void;
  runCheck(req: CheckRequest): Promise<CheckResult>;
}

/**
 * What became of a save the app sent, in order: `sent`, then one of the others.
 *  - `recorded`: e-LAAS' answer says it recorded this payment;
 *  - `unreadable`: e-LAAS accepted it (2xx) but its answer cannot be read (truncated, garbled, a
 *    gateway's page): recorded, most likely;
 *  - `refused`: e-LAAS said no, or could not take it (an error, maintenance, signed out): nothing
 *    recorded;
 *  - `no-answer`: the network failed before an answer came: e-LAAS may or may not have it.
 */
export type SaveEvent =
  | { kind: 'sent' }
  | { kind: 'recorded'; payment: CapturedPayment }
  | { kind: 'unreadable' | 'refused' | 'no-answer' };

export function connectBridge(
  site: ProfileRef,
  signal: AbortSignal,
  onSave: (event: SaveEvent) => void,
  /** e-LAAS refused a check's authorisation, and the app now uses a new one (renewed, signed in). */
  onAuthAgain: () => void = () => undefined,
): BridgeClient {
  let channel: Channel | null = null;
  /** The last check met 401/403: the next authorisation the app uses ends that. */
  let refused = false;
  const waiting = new Map<string, (m: BridgeMessage) => void>();
  // The bridge starts with the built-in profile, which is ours too until the background says
  // otherwise: nothing to send unless an organisation's override is in force.
  let sent: unknown = site.profile;
  const syncProfile = () => {
    // (A userscript has no override to send: no policy; the bridge keeps its built-in profile.)
    if (import.meta.env.EVW_USERSCRIPT || !channel || sent === site.profile) return;
    sent = site.profile;
    const { record, list, token } = site.profile.api;
    const message: ProfileMessage = { type: 'profile', api: { record, list, token } };
    channel.send({ ...message });
  };

  heldLine((line) => {
    if (signal.aborted) return;
    channel = line;
    const stop = line.listen((raw) => {
      const m = fromBridge(raw);
      if (!m) return;
      if (m.type === 'save-sent') onSave({ kind: 'sent' });
      else if (m.type === 'recorded' && m.status === 0) onSave({ kind: 'no-answer' });
      else if (m.type === 'recorded' && typeof m.status === 'number' && m.status >= 200 && m.status < 300) {
        const parsed = parseRecordAnswer(site.profile.api, site.profile.statusTexts, json(m.body));
        if (parsed.ok) onSave({ kind: 'recorded', payment: parsed.value });
        // A refusal (e-LAAS said why) recorded nothing; an answer nobody can read may have.
        else onSave({ kind: parsed.reason === 'unreadable' ? 'unreadable' : 'refused' });
      } else if (m.type === 'recorded') onSave({ kind: 'refused' });
      else if (m.type === 'check-result' && typeof m.id === 'string') {
        waiting.get(m.id)?.(m);
      } else if (m.type === 'auth' && refused) {
        refused = false;
        onAuthAgain();
      }
    });
    signal.addEventListener('abort', stop, { once: true });
    syncProfile();
  });

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
      const message: RunCheck = { type: 'run-check', id, dateFrom, fiscalYear, page: n };
      channel?.send({ ...message });
    });

  return {
    present: () => Promise.resolve(channel !== null),
    syncProfile: () => syncProfile(),
    async runCheck(req) {
      if (!navigator.onLine) return { ok: false, reason: 'offline' };
      syncProfile();
      const rows: StatusRow[] = [];
      const { maxPages, pageSize } = site.profile.api.list;
      const last = req.firstPage + maxPages - 1;
      let nextPage: number | null = null;
      for (const fy of req.fiscalYears) {
        for (let n = req.firstPage; n <= last; n++) {
          const m = await page(req.dateFrom, fy, n);
          if (!m) return { ok: false, reason: 'site-error', message: 'e-LAAS did not answer in time' };
          // No API request seen on this page: the site may not talk JSON at all (say so exactly).
          if (m.error === 'no-auth') return { ok: false, reason: 'logged-out', message: NO_API };
          if (m.status === 401 || m.status === 403) {
            refused = true;
            return { ok: false, reason: 'logged-out' };
          }
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
          if (parsed.value.total <= n * pageSize) break;
          if (n === last) nextPage = last + 1;
        }
      }
      return { ok: true, rows, nextPage };
    },
  };
}
