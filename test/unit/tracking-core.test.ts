import { describe, expect, it } from 'vitest';
import { match } from '../../core/matcher';
import { intervalFor, nextCheckAt, type PollSettings, planCheck } from '../../core/planner';
import { isOverdue, type StatusRow } from '../../core/records';
import { applyRow, canMove } from '../../core/status';
import { record, T0 } from '../fixtures/records';

const MIN = 60_000;
const S: PollSettings = { minIntervalMs: 30_000, maxIntervalMs: 15 * MIN };

const rec = record;

function row(patch: Partial<StatusRow> = {}): StatusRow {
  return {
    elaasId: null,
    ref: null,
    dekaNo: '101/2569',
    amount: 123450,
    payDate: '2026-06-10',
    status: 'awaiting',
    voucherNo: null,
    voucherCreatedAt: null,
    failureReason: null,
    ...patch,
  };
}

describe('status machine', () => {
  it('moves forward only, and to cancelled from anywhere', () => {
    expect(canMove('awaiting', 'processing')).toBe(true);
    expect(canMove('awaiting', 'created')).toBe(true);
    expect(canMove('processing', 'failed')).toBe(true);
    expect(canMove('created', 'awaiting')).toBe(false);
    expect(canMove('created', 'failed')).toBe(false);
    expect(canMove('failed', 'cancelled')).toBe(true);
    expect(canMove('cancelled', 'created')).toBe(false);
    expect(canMove('awaiting', 'awaiting')).toBe(false);
  });

  it('keeps every change with its time and source, and is idempotent', () => {
    const a = applyRow(rec(), row({ status: 'processing' }), T0 + MIN, 'check');
    expect(a.changed).toBe(true);
    const b = applyRow(
      a.record,
      row({ status: 'created', voucherNo: 'PV2569-000001', voucherCreatedAt: T0 + 2 * MIN }),
      T0 + 3 * MIN,
      'list',
    );
    const again = applyRow(
      b.record,
      row({ status: 'created', voucherNo: 'PV2569-000001' }),
      T0 + 4 * MIN,
      'check',
    );
    expect(again.changed).toBe(false);
    expect(again.record.history).toEqual([
      { status: 'awaiting', at: T0, source: 'capture' },
      { status: 'processing', at: T0 + MIN, source: 'check' },
      { status: 'created', at: T0 + 3 * MIN, source: 'list' },
    ]);
    expect(again.record).toMatchObject({
      voucherNo: 'PV2569-000001',
      voucherCreatedAt: T0 + 2 * MIN,
      lastCheckedAt: T0 + 4 * MIN,
    });
    // An older answer arriving late does not undo the voucher.
    expect(applyRow(again.record, row({ status: 'awaiting' }), T0 + 5 * MIN, 'check').record.status).toBe(
      'created',
    );
  });

  it('keeps the failure reason, and learns e-LAAS ids', () => {
    const f = applyRow(
      rec(),
      row({ status: 'failed', failureReason: 'งบประมาณคงเหลือไม่เพียงพอ', elaasId: 'p1', ref: 'PAY1' }),
      T0 + MIN,
      'check',
    );
    expect(f.record).toMatchObject({
      status: 'failed',
      failureReason: 'งบประมาณคงเหลือไม่เพียงพอ',
      elaasId: 'p1',
      ref: 'PAY1',
    });
    expect(f.record.history.at(-1)).toEqual({
      status: 'failed',
      at: T0 + MIN,
      source: 'check',
      reason: 'งบประมาณคงเหลือไม่เพียงพอ',
    });
  });

  it('derives overdue from the threshold', () => {
    expect(isOverdue(rec(), T0 + 29 * MIN, 30 * MIN)).toBe(false);
    expect(isOverdue(rec(), T0 + 30 * MIN, 30 * MIN)).toBe(true);
    expect(isOverdue(rec({ status: 'created' }), T0 + 90 * MIN, 30 * MIN)).toBe(false);
  });
});

describe('matcher', () => {
  it('matches by id or reference first, then by ฎีกา, amount and date, oldest first, each row once', () => {
    const byId = rec({ id: 'a', elaasId: 'p9' });
    const old = rec({ id: 'b', recordedAt: T0 - MIN });
    const young = rec({ id: 'c', recordedAt: T0 + MIN });
    const rows = [
      row({ elaasId: 'p9', dekaNo: '999/2569' }),
      row({ elaasId: 'p10' }),
      row({ elaasId: 'p11' }),
    ];
    const m = match([young, byId, old], rows);
    expect(m.map((x) => [x.record.id, x.row.elaasId])).toEqual([
      ['a', 'p9'],
      ['b', 'p10'],
      ['c', 'p11'],
    ]);
  });

  it('never matches a different ฎีกา, amount or date', () => {
    const r = rec();
    expect(match([r], [row({ dekaNo: '102/2569' })])).toEqual([]);
    expect(match([r], [row({ amount: 1 })])).toEqual([]);
    expect(match([r], [row({ payDate: '2026-06-11' })])).toEqual([]);
    expect(match([rec({ elaasId: 'p1' })], [row({ elaasId: 'p2' })])).toEqual([]);
  });
});

describe('planner', () => {
  it('asks nothing while nothing is pending', () => {
    expect(nextCheckAt([], { lastCheckAt: null, failures: 0, paused: null }, S, T0)).toBeNull();
    expect(
      nextCheckAt([rec({ status: 'created' })], { lastCheckAt: null, failures: 0, paused: null }, S, T0),
    ).toBeNull();
    expect(planCheck([rec({ status: 'failed' })])).toBeNull();
  });

  it('checks soon after a payment, then backs off with its age, between min and max', () => {
    expect(intervalFor(0, S)).toBe(30_000);
    expect(intervalFor(10 * MIN, S)).toBe(150_000);
    expect(intervalFor(24 * 60 * MIN, S)).toBe(15 * MIN);
    const fresh = rec();
    expect(nextCheckAt([fresh], { lastCheckAt: null, failures: 0, paused: null }, S, T0)).toBe(T0 + 30_000);
    const checked = rec({ lastCheckedAt: T0 + 10 * MIN });
    expect(
      nextCheckAt([checked], { lastCheckAt: T0 + 10 * MIN, failures: 0, paused: null }, S, T0 + 10 * MIN),
    ).toBe(T0 + 12.5 * MIN);
  });

  it('covers every pending payment with one check, no more often than the minimum', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      rec({ id: `r${i}`, recordedAt: T0 + i * 1000, payDate: i % 2 ? '2026-06-10' : '2026-06-09' }),
    );
    const plan = planCheck(many);
    expect(plan?.ids).toHaveLength(500);
    expect(plan?.dateFrom).toBe('2026-06-09');
    const at = nextCheckAt(many, { lastCheckAt: T0 + 499_000, failures: 0, paused: null }, S, T0 + 499_000);
    expect(at).toBe(T0 + 499_000 + 30_000);
  });

  it('backs off after failures, waits out maintenance, retries slowly when paused', () => {
    const r = rec({ lastCheckedAt: T0 });
    const st = (failures: number, paused: null | 'maintenance' | 'logged-out') => ({
      lastCheckAt: T0,
      failures,
      paused,
    });
    expect(nextCheckAt([r], st(3, null), S, T0)).toBe(T0 + 240_000);
    expect(nextCheckAt([r], st(10, null), S, T0)).toBe(T0 + 15 * MIN);
    expect(nextCheckAt([r], st(0, 'maintenance'), S, T0)).toBe(T0 + 5 * MIN);
    expect(nextCheckAt([r], st(0, 'logged-out'), S, T0)).toBe(T0 + MIN);
    // Overdue work is due now, not in the past.
    expect(nextCheckAt([rec()], { lastCheckAt: null, failures: 0, paused: null }, S, T0 + 60 * MIN)).toBe(
      T0 + 60 * MIN,
    );
  });
});

describe('badge', () => {
  it('counts waiting payments, and calls for attention on overdue ones, unseen failures and pauses', async () => {
    const { badgeLook } = await import('../../entrypoints/background/tracking');
    const waiting = [rec({ recordedAt: T0 }), rec({ id: 'r2', recordedAt: T0 + 20 * MIN })];
    expect(badgeLook(waiting, 0, null, 30 * MIN, T0 + 21 * MIN)).toMatchObject({
      text: '2',
      color: '#123c69',
    });
    expect(badgeLook(waiting, 0, null, 30 * MIN, T0 + 31 * MIN)).toMatchObject({
      text: '2!',
      color: '#a4161a',
    });
    const failed = badgeLook([], 1, null, 30 * MIN, T0);
    expect(failed).toMatchObject({ text: '✕', color: '#a4161a' });
    expect(failed.title).toContain('ประมวลผลไม่สำเร็จ 1 รายการ');
    const paused = badgeLook(waiting, 0, 'no-tab', 30 * MIN, T0);
    expect(paused).toMatchObject({ text: '2', color: '#5f6b7a' });
    expect(paused.title).toBe('ติดตามใบผ่านรายการจ่าย: เปิด e-LAAS ไว้เพื่อให้ตรวจสอบต่อ');
    expect(badgeLook([], 0, null, 30 * MIN, T0)).toMatchObject({ text: '' });
  });
});
