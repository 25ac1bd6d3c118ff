/**
 * The records database under faults: storage full, an upgrade blocked by an older copy holding
 * the database open, and the upgrade from every earlier schema version with its data. Each
 * fault is said in the panel's data (storageProblem), and no payment is lost or kept twice.
 */
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CapturedPayment, PaymentRecord } from '../../core/records';
import { capture, myRecords } from '../../entrypoints/background/tracking';
import * as database from '../../platform/extension/db';
import {
  closeDb,
  getRecord,
  MIGRATIONS,
  OPEN_WAIT_MS,
  pendingRecords,
  useDatabaseName,
} from '../../platform/extension/db';
import { record } from '../fixtures/records';

const ORIGIN = 'https://laas.dla.go.th';
const SCOPE = { unit: 'อบต.นาโพธิ์', user: 'สมศรี ใจดี' };

function payment(n: number, ref: string | null = `PAY2569-00000${n}`): CapturedPayment {
  return {
    elaasId: ref ? `e${n}` : null,
    ref,
    dekaNo: `${100 + n}/2569`,
    payee: 'ร้านศรีสุขการค้า',
    amount: 1000 * n,
    payDate: '2026-06-10',
    fiscalYear: 2569,
    status: 'awaiting',
    voucherNo: null,
    voucherCreatedAt: null,
  };
}

let n = 0;
beforeEach(async () => {
  await closeDb();
  useDatabaseName(`storage-faults-${++n}`);
});
afterEach(async () => {
  vi.useRealTimers();
  await closeDb();
});

describe('storage full', () => {
  it('keeps the payment aside, lists it, says so, and moves it in once there is room', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = vi.spyOn(database, 'putRecords').mockRejectedValue(quota);

    const first = await capture(ORIGIN, SCOPE, payment(1), 'api');
    // The dialog's capture of the same save: one record, not two.
    const twin = await capture(ORIGIN, SCOPE, { ...payment(1), elaasId: null }, 'form');
    // (Kept aside once already: nothing new for the page to show.)
    expect(twin).toEqual({ id: first.id, duplicate: true, record: null });
    expect(first.record?.dekaNo).toBe('101/2569');
    await capture(ORIGIN, SCOPE, payment(2), 'api');

    const full = await myRecords(ORIGIN, SCOPE);
    expect(full.storageProblem).toBe('quota');
    expect(full.records.map((r) => r.dekaNo).sort()).toEqual(['101/2569', '102/2569']);
    expect(await getRecord(first.id)).toBeUndefined();

    put.mockRestore(); // room again
    const after = await myRecords(ORIGIN, SCOPE);
    expect(after.storageProblem).toBeNull();
    expect(after.records.map((r) => r.dekaNo).sort()).toEqual(['101/2569', '102/2569']);
    expect((await pendingRecords()).map((r) => r.dekaNo).sort()).toEqual(['101/2569', '102/2569']);
    // Captured again now: found in the database, still one record.
    expect(await capture(ORIGIN, SCOPE, payment(1), 'api')).toMatchObject({
      id: first.id,
      duplicate: true,
      record: { id: first.id, dekaNo: '101/2569' },
    });
  });
});

/** Let a promise through every wait for the blocked database (fake timers). */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  const watched = promise.finally(() => {
    done = true;
  });
  for (let i = 0; i < 20 && !done; i++) await vi.advanceTimersByTimeAsync(OPEN_WAIT_MS);
  return watched;
}

describe('an upgrade blocked by an older copy', () => {
  it('says "blocked" instead of waiting for ever, keeps the payment, and upgrades once it is let go', async () => {
    const name = `storage-faults-blocked-${n}`;
    await closeDb();
    useDatabaseName(name);
    // An older copy (another tab's userscript, say) holds version 1 open and will not let go.
    const old = await openDB(name, 1, {
      upgrade(d) {
        MIGRATIONS[0]?.(d as never);
      },
    });
    old.put('records', record({ id: 'kept-before' }));
    MIGRATIONS.push((d) => {
      d.createObjectStore('blockedTestStore' as never);
    });
    try {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const result = await settle(capture(ORIGIN, SCOPE, payment(3), 'api'));
      const blocked = await settle(myRecords(ORIGIN, SCOPE));
      expect(blocked.storageProblem).toBe('blocked');
      expect(blocked.records.map((r) => r.id)).toContain(result.id);

      old.close(); // the older copy goes away: the upgrade runs, what waited moves in
      vi.useRealTimers();
      const after = await myRecords(ORIGIN, SCOPE);
      expect(after.storageProblem).toBeNull();
      expect(await getRecord(result.id)).toBeDefined();
      expect(await getRecord('kept-before')).toBeDefined();
    } finally {
      MIGRATIONS.pop();
    }
  });
});

/**
 * Records as each schema version stored them. A new migration must add its version here: the
 * meta-test below fails until it does.
 */
const AT_VERSION: Record<number, PaymentRecord[]> = {
  1: [
    record({ id: 'v1-awaiting' }),
    record({ id: 'v1-created', dekaNo: '102/2569', status: 'created', voucherNo: 'PV2569-000001' }),
    record({ id: 'v1-failed', dekaNo: '103/2569', status: 'failed', failureReason: 'งบประมาณไม่พอ' }),
  ],
};

describe('upgrading from every earlier schema version', () => {
  it('has data for every version', () => {
    expect(Object.keys(AT_VERSION).map(Number)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  for (let version = 1; version <= MIGRATIONS.length; version++) {
    it(`opens a version ${version} database with its records, none lost`, async () => {
      const name = `storage-faults-v${version}-${n}`;
      await closeDb();
      useDatabaseName(name);
      const old = await openDB(name, version, {
        upgrade(d, from) {
          for (let v = from; v < version; v++) MIGRATIONS[v]?.(d as never);
        },
      });
      const stored = AT_VERSION[version] ?? [];
      for (const r of stored) await old.put('records', r);
      old.close();
      for (const r of stored) expect(await getRecord(r.id)).toEqual(r);
      expect((await pendingRecords()).map((r) => r.id)).toEqual(['v1-awaiting']);
    });
  }
});
