/**
 * The clerk's data as a whole, for the popup and the options page: a summary, export, import of
 * a backup (validated here again: the page is not trusted more than the file), retention, and
 * deleting everything. Each change tells every open view to re-read.
 */
import { expiredRecords, mergeRecords, parseRecord } from '../../core/backup';
import type { StatusCounts, Summary } from '../../core/protocol';
import type { PaymentRecord } from '../../core/records';
import { isOverdue } from '../../core/records';
import { allRecords, clearRecords, deleteRecords, putRecords } from '../../platform/extension/db';
import { host } from '../../platform/host';
import { STORAGE_KEYS } from '../../platform/storage-keys';
import { profileOf } from './profile';
import { pollerView, recordsChanged, recordsTurn, schedule } from './tracking';

export const RETENTION_ALARM = 'retention';
const LATEST = 8;

/** The e-LAAS origin the clerk used last (from records, else from the last page seen). */
async function lastOrigin(records: PaymentRecord[]): Promise<string | null> {
  const newest = records.reduce<PaymentRecord | null>(
    (a, r) => (a === null || r.recordedAt > a.recordedAt ? r : a),
    null,
  );
  if (newest) return newest.origin;
  const seen = await host().kv.get(STORAGE_KEYS.lastUser);
  const origins = typeof seen === 'object' && seen !== null ? Object.keys(seen) : [];
  return origins[0] ?? null;
}

export async function summary(): Promise<Summary> {
  const [records, poller, settings, now] = await Promise.all([
    allRecords(),
    pollerView(),
    host().loadSettings(),
    host().now(),
  ]);
  const overdueMs = settings.values.overdueMinutes * 60_000;
  const counts: StatusCounts = {
    awaiting: 0,
    processing: 0,
    created: 0,
    failed: 0,
    cancelled: 0,
    overdue: 0,
  };
  for (const r of records) {
    counts[r.status]++;
    if (isOverdue(r, now, overdueMs)) counts.overdue++;
  }
  const latest = [...records].sort((a, b) => b.recordedAt - a.recordedAt).slice(0, LATEST);
  const origin = await lastOrigin(records);
  const profile = profileOf(settings);
  const elaasUrl = origin ? new URL(profile.listUrl, origin).href : profile.homeUrl;
  return {
    counts,
    total: records.length,
    latest,
    poller,
    now,
    overdueMs,
    elaasUrl,
    voucherUrl: profile.voucherUrl,
  };
}

export async function exportRecords(): Promise<PaymentRecord[]> {
  return (await allRecords()).sort((a, b) => a.recordedAt - b.recordedAt);
}

/** Merge a backup's records; refuses the whole import if any record is invalid. */
export async function importRecords(
  raw: unknown[],
): Promise<{ added: number; updated: number; unchanged: number } | { refused: number }> {
  const records: PaymentRecord[] = [];
  for (const [i, item] of raw.entries()) {
    const r = parseRecord(item);
    if (!r) return { refused: i + 1 };
    records.push(r);
  }
  const merge = await recordsTurn(async () => {
    const m = mergeRecords(await allRecords(), records);
    await putRecords(m.put);
    return m;
  });
  await schedule();
  await recordsChanged(null);
  return { added: merge.added, updated: merge.updated, unchanged: merge.unchanged };
}

/** Delete finished records past the retention period; returns how many. */
export async function purgeExpired(): Promise<number> {
  const [settings, now] = await Promise.all([host().loadSettings(), host().now()]);
  const ids = await recordsTurn(async () => {
    const expired = expiredRecords(await allRecords(), now, settings.values.retentionDays);
    await deleteRecords(expired);
    return expired;
  });
  if (ids.length > 0) await recordsChanged(null);
  return ids.length;
}

/** Delete every record and the checking state (settings and notice dismissals stay). */
export async function clearAll(): Promise<void> {
  await recordsTurn(clearRecords);
  await host().kv.remove(['poller', 'failuresSeenAt', 'notificationTargets', 'lastNotification']);
  await schedule();
  await recordsChanged(null);
}

/** Retention runs once a day (and at every start). */
export async function scheduleRetention(): Promise<void> {
  if (!(await host().hasTimer(RETENTION_ALARM))) await host().setTimer(RETENTION_ALARM, 60_000, 24 * 60);
}
