/**
 * When the records database cannot take a payment the clerk just recorded (the browser's storage
 * is full, an older copy of the extension holds the database open, or it fails), the payment is
 * not lost: it waits in the small key-value store, the panel lists it and says why, and it moves
 * into the database as soon as the database takes writes again.
 */
import { oneAtATime } from '../../core/coalesce';
import type { PaymentRecord } from '../../core/records';
import { putRecords } from '../../platform/extension/db';
import { host } from '../../platform/host';

const SPILL_KEY = 'spilledRecords';
const PROBLEM_KEY = 'storageProblem';

export type StorageProblem = 'quota' | 'blocked' | 'failed';

/** What went wrong, in the words the panel uses. */
export function problemOf(error: unknown): StorageProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(String(error))) return 'quota';
  if (name === 'BlockedError' || /blocked/i.test(String(error))) return 'blocked';
  return 'failed';
}

export async function spilledRecords(): Promise<PaymentRecord[]> {
  const v = await host().kv.get(SPILL_KEY);
  return Array.isArray(v) ? (v as PaymentRecord[]) : [];
}

export async function storageProblem(): Promise<StorageProblem | null> {
  const v = await host().kv.get(PROBLEM_KEY);
  return v === 'quota' || v === 'blocked' || v === 'failed' ? v : null;
}

/** Keeping aside and moving in take turns: a payment kept aside meanwhile is never dropped. */
const inTurn = oneAtATime();

/** Keep a record the database refused; the same save twice (`same`) is kept once. */
export function spill(
  record: PaymentRecord,
  error: unknown,
  same: (kept: PaymentRecord) => boolean,
): Promise<{ duplicate: boolean }> {
  return inTurn(async () => {
    const kept = await spilledRecords();
    const duplicate = kept.some((r) => r.id === record.id || same(r));
    await host().kv.set({
      [SPILL_KEY]: duplicate ? kept : [...kept, record],
      [PROBLEM_KEY]: problemOf(error),
    });
    return { duplicate };
  });
}

/** The database works again: move what waited into it (true when something moved). */
export function drain(): Promise<boolean> {
  return inTurn(async () => {
    const kept = await spilledRecords();
    if (kept.length === 0) {
      if (await storageProblem()) await host().kv.remove(PROBLEM_KEY);
      return false;
    }
    try {
      await putRecords(kept);
    } catch (error) {
      await host().kv.set({ [PROBLEM_KEY]: problemOf(error) });
      return false;
    }
    await host().kv.remove([SPILL_KEY, PROBLEM_KEY]);
    return true;
  });
}
