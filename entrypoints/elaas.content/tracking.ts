/**
 * Tracking on the page: capture payments the clerk records (through the bridge on a site that
 * talks JSON), run the background's status check where the session is, feed the payments list on
 * screen back as passive updates, and keep the clerk's records for the panel.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CheckRequest, MyRecords } from '../../core/protocol';
import type { CapturedPayment, Scope, StatusRow } from '../../core/records';
import type { Transport } from '../../platform/types';
import { readCurrentUnit, readCurrentUser } from '../../site/detect';
import { readListTable } from '../../site/parse-list';
import type { SiteProfile } from '../../site/profile';
import { connectBridge } from './bridge-client';

export interface TrackingStore {
  get(): MyRecords | null;
  subscribe(listener: () => void): () => void;
  refresh(): void;
  checkNow(): Promise<void>;
  scope(): Scope;
  /** Read the payments list on screen, if this page has one, and send what it says. */
  readList(): void;
}

const REFRESH_MS = 30_000;

function isCheckRequest(m: unknown): m is CheckRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (
    r.type === 'check/run' &&
    typeof r.dateFrom === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.dateFrom) &&
    Array.isArray(r.fiscalYears) &&
    r.fiscalYears.length <= 3 &&
    r.fiscalYears.every((y) => Number.isInteger(y))
  );
}

export function startTracking(
  ctx: ContentScriptContext,
  profile: SiteProfile,
  transport: Transport,
): TrackingStore {
  let snapshot: MyRecords | null = null;
  const listeners = new Set<() => void>();
  const scope = (): Scope => ({
    unit: readCurrentUnit(profile, document) ?? '?',
    user: readCurrentUser(profile, document) ?? '?',
  });

  const refresh = () => {
    void transport.request({ type: 'records/mine', scope: scope() }).then((reply) => {
      if (!reply.ok || ctx.isInvalid) return;
      snapshot = reply.data;
      for (const l of listeners) l();
    });
  };

  const record = (payment: CapturedPayment, capturedFrom: 'api' | 'form') => {
    void transport.request({ type: 'payment/recorded', scope: scope(), payment, capturedFrom }).then(refresh);
  };

  const bridge = connectBridge(profile, ctx.signal, (p) => record(p, 'api'));

  const stop = transport.onCommand((message) => {
    if (isCheckRequest(message)) {
      if (!bridge.present())
        return Promise.resolve({ ok: false, reason: 'site-error', message: 'no page bridge' });
      return bridge.runCheck(message);
    }
    if (
      typeof message === 'object' &&
      message !== null &&
      (message as { type?: unknown }).type === 'records/changed'
    ) {
      refresh();
      return Promise.resolve(true);
    }
    return undefined;
  });
  ctx.onInvalidated(stop);

  let lastRows = '';
  const readList = () => {
    const table = readListTable(profile.listPage, profile.statusTexts, document);
    if (!table) return;
    const rows = table.rows.map((r) => r.row).filter((r): r is StatusRow => r !== null);
    const key = JSON.stringify(rows);
    if (rows.length === 0 || key === lastRows) return;
    lastRows = key;
    void transport.request({ type: 'status/rows', scope: scope(), rows }).then((reply) => {
      if (reply.ok && reply.data.changed > 0) refresh();
    });
  };

  ctx.setInterval(refresh, REFRESH_MS);
  refresh();

  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    async checkNow() {
      await transport.request({ type: 'check/now' });
      refresh();
    },
    scope,
    readList,
  };
}
