/**
 * The background's answers to messages. It owns settings and the clerk's notice state, and
 * answers only validated messages from our own content scripts and pages.
 */
import type { Browser } from 'wxt/browser';
import { noticeVersion } from '../../core/notice';
import { PRIVILEGED, parseRequest, type Reply, type Request } from '../../core/protocol';
import { validateUserPatch } from '../../core/settings';
import { host } from '../../platform/host';
import { STORAGE_KEYS } from '../../platform/storage-keys';
import { DEFAULT_PROFILE } from '../../site/profile';
import { profileOf, settingsWithProfile } from './profile';
import { applyRows, capture, failuresSeen, myRecords, runCheck, schedule } from './tracking';

type Sender = Browser.runtime.MessageSender;

function isOwnPage(sender: Sender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(host().ownPagesUrl());
}

/** A message is ours when it comes from this extension; privileged ones only from its pages. */
function allowed(req: Request, sender: Sender): boolean {
  if (sender.id !== host().ownId()) return false;
  if (PRIVILEGED.has(req.type)) return isOwnPage(sender);
  return true;
}

/** The answer to a page-scoped message from a page the organisation has not enabled. */
const NOT_ENABLED: Reply = { ok: false, error: 'not from an e-LAAS page the organisation enabled' };

async function readDismissals(): Promise<Record<string, string>> {
  const v = await host().kv.get(STORAGE_KEYS.noticeDismissed);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, version] of Object.entries(v)) if (typeof version === 'string') out[k] = version;
  return out;
}

/**
 * While an e-LAAS page has not yet shown who is logged in (the SPA draws its top bar late), use
 * the last user seen on that origin, so a dismissed notice does not flash on every page load.
 * A different user is read as soon as the top bar appears.
 */
async function effectiveUserKey(userKey: string): Promise<string> {
  const stored = await host().kv.get(STORAGE_KEYS.lastUser);
  const last: Record<string, string> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
  const sep = userKey.lastIndexOf('|');
  const origin = userKey.slice(0, sep);
  const user = userKey.slice(sep + 1);
  if (user === '*') return typeof last[origin] === 'string' ? (last[origin] as string) : userKey;
  if (last[origin] !== userKey) {
    last[origin] = userKey;
    await host().kv.set({ [STORAGE_KEYS.lastUser]: last });
  }
  return userKey;
}

/** The e-LAAS origin a content script speaks for: the browser's word, never the page's. */
function senderOrigin(sender: Sender): string | null {
  if (isOwnPage(sender) || typeof sender.url !== 'string') return null;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The sender's e-LAAS origin if the organisation's policy lets us work there (`elaasOrigins`). */
async function enabledOrigin(sender: Sender): Promise<string | null> {
  const origin = senderOrigin(sender);
  if (!origin) return null;
  const allowed = (await host().loadSettings()).values.elaasOrigins;
  return allowed.length === 0 || allowed.includes(origin) ? origin : null;
}

async function handle(req: Request, sender: Sender): Promise<Reply<unknown>> {
  switch (req.type) {
    case 'overlay/state': {
      const [settings, dismissals, at, key] = await Promise.all([
        settingsWithProfile(),
        readDismissals(),
        host().now(),
        effectiveUserKey(req.userKey),
      ]);
      const messages = await host().catalog(settings.values.language);
      // null: the built-in profile, which every overlay has already (nothing to send, compare or
      // hand to the page-world bridge on each of the clerk's pages).
      const inForce = profileOf(settings);
      const profile = inForce === DEFAULT_PROFILE ? null : inForce;
      return {
        ok: true,
        data: { settings, dismissedVersion: dismissals[key] ?? null, now: at, messages, profile },
      };
    }
    case 'notice/dismiss': {
      const settings = await host().loadSettings();
      if (!settings.values.noticeDismissible) return { ok: false, error: 'notice is not dismissible' };
      if (req.version !== noticeVersion(settings.values)) return { ok: false, error: 'notice has changed' };
      const dismissals = await readDismissals();
      dismissals[await effectiveUserKey(req.userKey)] = req.version;
      await host().kv.set({ [STORAGE_KEYS.noticeDismissed]: dismissals });
      return { ok: true, data: undefined };
    }
    case 'notice/reset':
      await host().kv.remove(STORAGE_KEYS.noticeDismissed);
      return { ok: true, data: undefined };
    case 'settings/get':
      return { ok: true, data: await settingsWithProfile() };
    case 'settings/set': {
      const current = await host().loadSettings();
      const patch = validateUserPatch(req.patch, current.locked);
      if (!patch.ok) return { ok: false, error: patch.reason };
      await host().saveUserSettings(patch.value);
      return { ok: true, data: await settingsWithProfile() };
    }
    case 'payment/recorded': {
      const origin = await enabledOrigin(sender);
      if (!origin) return NOT_ENABLED;
      return { ok: true, data: await capture(origin, req.scope, req.payment, req.capturedFrom) };
    }
    case 'records/mine': {
      const origin = await enabledOrigin(sender);
      if (!origin) return NOT_ENABLED;
      return { ok: true, data: await myRecords(origin, req.scope) };
    }
    case 'status/rows': {
      const origin = await enabledOrigin(sender);
      if (!origin) return NOT_ENABLED;
      const changed = await applyRows(origin, req.scope.unit, req.rows, 'list');
      if (changed.length > 0) await schedule();
      return { ok: true, data: { changed: changed.length } };
    }
    case 'check/now':
      return { ok: true, data: (await runCheck()).view };
    case 'records/seen':
      // Only the badge calls for attention to failures not seen yet; a userscript has none.
      if (!import.meta.env.EVW_USERSCRIPT) await failuresSeen();
      return { ok: true, data: undefined };
    case 'options/open':
      // The notifications permission can only be asked for from an extension page (a userscript
      // has neither).
      if (!import.meta.env.EVW_USERSCRIPT) await host().openOptions();
      return { ok: true, data: undefined };
    case 'records/summary':
    case 'records/export':
    case 'records/import':
    case 'records/purge':
    case 'records/clear':
      return dataRequests ? dataRequests(req) : { ok: false, error: 'refused' };
    default:
      return { ok: false, error: 'refused' };
  }
}

type DataRequest = Extract<
  Request,
  { type: 'records/summary' | 'records/export' | 'records/import' | 'records/purge' | 'records/clear' }
>;
let dataRequests: ((req: DataRequest) => Promise<Reply<unknown>>) | null = null;

/**
 * The clerk's data as a whole (summary, export, import, purge, clear) is for the extension's own
 * pages (popup, options): its background registers the handler (data-requests.ts). The userscript
 * and the training page have no such pages, so they do not carry that code.
 */
export function answerDataRequests(handler: (req: DataRequest) => Promise<Reply<unknown>>): void {
  dataRequests = handler;
}

/** The runtime.onMessage listener: parse, check the sender, answer; never throws. */
export function onMessage(message: unknown, sender: Sender): Promise<Reply<unknown>> {
  const req = parseRequest(message);
  if (!req || !allowed(req, sender)) return Promise.resolve({ ok: false, error: 'refused' });
  return handle(req, sender).catch((error: unknown) => ({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  }));
}
