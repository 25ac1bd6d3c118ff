/**
 * The voucher status machine: awaiting → processing → created | failed, and cancelled from any
 * state. Applying what e-LAAS says is idempotent, never goes backwards, and keeps every change
 * with its time. Pure.
 */
import type { PaymentRecord, Source, StatusRow, VoucherStatus } from './records';

const RANK: Record<VoucherStatus, number> = {
  awaiting: 0,
  processing: 1,
  created: 2,
  failed: 2,
  cancelled: 3,
};

/** Whether e-LAAS saying `to` may move a record that is `from`. */
export function canMove(from: VoucherStatus, to: VoucherStatus): boolean {
  if (from === to) return false;
  if (to === 'cancelled') return true;
  if (from === 'cancelled') return false;
  // created ↔ failed: processing is final once it has ended.
  return RANK[to] > RANK[from];
}

export interface Applied {
  record: PaymentRecord;
  /** The status changed (for announcements and notifications). */
  changed: boolean;
}

/** Apply one row from e-LAAS to a record. Details (voucher number, reason, ids) are filled in. */
export function applyRow(record: PaymentRecord, row: StatusRow, at: number, source: Source): Applied {
  const next: PaymentRecord = { ...record, lastCheckedAt: source === 'check' ? at : record.lastCheckedAt };
  next.elaasId ??= row.elaasId;
  next.ref ??= row.ref;
  let changed = false;
  if (canMove(record.status, row.status)) {
    changed = true;
    next.status = row.status;
    next.history = [
      ...record.history,
      row.failureReason && row.status === 'failed'
        ? { status: row.status, at, source, reason: row.failureReason }
        : { status: row.status, at, source },
    ];
  }
  if (next.status === 'created') {
    next.voucherNo = row.voucherNo ?? next.voucherNo;
    next.voucherCreatedAt = row.voucherCreatedAt ?? next.voucherCreatedAt;
  }
  if (next.status === 'failed') next.failureReason = row.failureReason ?? next.failureReason;
  return { record: next, changed };
}
