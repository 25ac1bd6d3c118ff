/**
 * The one database: payment records, in the extension's origin, opened by the background only.
 * Versioned migrations: each entry upgrades from the version before it, never edits an old one.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { PaymentRecord } from '../../core/records';
import { host } from '../host';

export const DB_NAME = 'voucher-watch';

interface VoucherWatchDB extends DBSchema {
  records: {
    key: string;
    value: PaymentRecord;
    indexes: { byStatus: string; byScope: [string, string, string]; byRecordedAt: number };
  };
}

type Migration = (db: IDBPDatabase<VoucherWatchDB>) => void;

export const MIGRATIONS: Migration[] = [
  // v1: records with indexes for the pending query, a clerk's own records, and retention.
  (db) => {
    const records = db.createObjectStore('records', { keyPath: 'id' });
    records.createIndex('byStatus', 'status');
    records.createIndex('byScope', ['origin', 'unit', 'user']);
    records.createIndex('byRecordedAt', 'recordedAt');
  },
];

let opening: Promise<IDBPDatabase<VoucherWatchDB>> | null = null;
/** `opening`, once it has succeeded. */
let opened: Promise<IDBPDatabase<VoucherWatchDB>> | null = null;
let name = DB_NAME;

/** Another database of the same shape (the training page keeps its practice records apart). */
export function useDatabaseName(next: string): void {
  if (opening) throw new Error('the records database is already open');
  name = next;
}

/** How long an open may wait for an older copy to let go before callers hear "blocked". */
export const OPEN_WAIT_MS = 5000;

export function db(): Promise<IDBPDatabase<VoucherWatchDB>> {
  if (!opening) {
    const open = openDB<VoucherWatchDB>(name, MIGRATIONS.length, {
      upgrade(database, oldVersion) {
        for (let v = oldVersion; v < MIGRATIONS.length; v++) MIGRATIONS[v]?.(database);
      },
      blocking() {
        // A newer version wants to upgrade: let it.
        void open.then((d) => d.close());
        if (opening === open) opening = null;
      },
    });
    opening = open;
    open.then(
      () => {
        opened = open;
      },
      () => {
        // A failed open is tried again next time, not remembered.
        if (opening === open) opening = null;
      },
    );
  }
  const open = opening;
  // Open already: every query after the first goes straight to it (no timer on the hot path).
  if (open === opened) return open;
  // An older copy holding the database open (another tab's userscript, a stale page) blocks an
  // upgrade until it closes: callers are told so, rather than wait for ever; the open goes on.
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new Error('the records database is blocked by an older copy holding it open');
      error.name = 'BlockedError';
      reject(error);
    }, OPEN_WAIT_MS);
    open.then(
      (d) => {
        clearTimeout(timer);
        resolve(d);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** For tests: forget the open connection. */
export async function closeDb(): Promise<void> {
  const open = opening;
  opening = null;
  (await open)?.close();
}

export async function getRecord(id: string): Promise<PaymentRecord | undefined> {
  return (await db()).get('records', id);
}

/**
 * Testing builds only (compiled away in the store build): storage.local `devStorageFault`
 * ('quota') makes writes fail as a full disk would, so the end-to-end tests can show what the
 * clerk sees in both browsers (test/e2e/security.e2e.ts).
 */
async function injectedFault(): Promise<void> {
  if (import.meta.env.MODE !== 'testing') return;
  if ((await host().kv.get('devStorageFault')) === 'quota') {
    throw new DOMException('The quota has been exceeded (testing).', 'QuotaExceededError');
  }
}

export async function putRecords(records: PaymentRecord[]): Promise<void> {
  if (records.length === 0) return;
  await injectedFault();
  const tx = (await db()).transaction('records', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
}

export async function pendingRecords(): Promise<PaymentRecord[]> {
  const d = await db();
  const [awaiting, processing] = await Promise.all([
    d.getAllFromIndex('records', 'byStatus', 'awaiting'),
    d.getAllFromIndex('records', 'byStatus', 'processing'),
  ]);
  return [...awaiting, ...processing];
}

export async function failedRecords(): Promise<PaymentRecord[]> {
  return (await db()).getAllFromIndex('records', 'byStatus', 'failed');
}

export async function recordsOf(origin: string, unit: string, user: string): Promise<PaymentRecord[]> {
  return (await db()).getAllFromIndex('records', 'byScope', [origin, unit, user]);
}

/** Records kept between two times (recordedAt, inclusive): a capture's neighbours, by index. */
export async function recordedBetween(from: number, to: number): Promise<PaymentRecord[]> {
  return (await db()).getAllFromIndex('records', 'byRecordedAt', IDBKeyRange.bound(from, to));
}

export async function allRecords(): Promise<PaymentRecord[]> {
  return (await db()).getAll('records');
}

export async function deleteRecords(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const tx = (await db()).transaction('records', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

export async function clearRecords(): Promise<void> {
  await (await db()).clear('records');
}

export async function countRecords(): Promise<number> {
  return (await db()).count('records');
}
