import { describe, expect, it } from 'vitest';
import { createClock } from '../../simulator/model/clock';
import {
  advance,
  CHANGE_EFFECTIVE_AT,
  cancelPayment,
  createSimulation,
  effectiveMode,
  listPayments,
  queueStats,
  type RecordInput,
  recordPayment,
  SCENARIOS,
  type SimState,
  setScenario,
  truth,
  unpaidDekas,
} from '../../simulator/model/model';
import { inputFor, recordAs } from '../fixtures/sim';

const AFTER = CHANGE_EFFECTIVE_AT + 3 * 3600_000; // 10 June 2569, 03:00 Bangkok
const BEFORE = CHANGE_EFFECTIVE_AT - 24 * 3600_000;
const MIN = 60_000;

function record(state: SimState, dekaNo: string, now: number, patch: Partial<RecordInput> = {}) {
  return recordAs(state, 'somsri', dekaNo, now, patch);
}

describe('modes', () => {
  it('follows the simulated date against 10 June 2569, or is forced', () => {
    const s = createSimulation();
    expect(effectiveMode(s, BEFORE)).toBe('before');
    expect(effectiveMode(s, CHANGE_EFFECTIVE_AT)).toBe('after');
    s.config.mode = 'before';
    expect(effectiveMode(s, AFTER)).toBe('before');
  });

  it('before the change creates the voucher at once and marks the ฎีกา paid', () => {
    const s = createSimulation();
    const p = record(s, '101/2569', BEFORE);
    expect(p.status).toBe('created');
    expect(p.voucherNo).toBe('PV2569-000001');
    expect(p.voucherCreatedAt).toBe(BEFORE);
    expect(p.history.map((h) => h.status)).toEqual(['created']);
    expect(unpaidDekas(s, 'U4801', { dekaNo: '101/2569' }, BEFORE).total).toBe(0);
    const again = recordPayment(s, 'somsri', inputFor(s, '101/2569'), BEFORE + 1000);
    expect(again).toMatchObject({ ok: false, message: 'ฎีกาเลขที่ 101/2569 บันทึกการจ่ายเงินแล้ว' });
  });
});

describe('after the change', () => {
  it('goes awaiting → processing → created, with times, in seconds on a normal day', () => {
    const s = createSimulation();
    const p = record(s, '101/2569', AFTER);
    expect(p.status).toBe('awaiting');
    expect(p.voucherNo).toBeNull();
    advance(s, AFTER + 5 * MIN);
    const [t] = truth(s, AFTER + 5 * MIN);
    expect(t?.status).toBe('created');
    expect(t?.history.map((h) => h.status)).toEqual(['awaiting', 'processing', 'created']);
    const [a, b, c] = t?.history ?? [];
    expect(a && b && c && a.at < b.at && b.at < c.at).toBe(true);
    const spec = SCENARIOS.normal;
    expect((c?.at ?? 0) - AFTER).toBeLessThanOrEqual(spec.pickupMs[1] + spec.processMs[1]);
    expect(t?.voucherNo).toBe('PV2569-000001');
    expect(t?.voucherCreatedAt).toBe(c?.at);
  });

  it('fails with a reason when told to, and counts the rate', () => {
    const s = createSimulation({ config: { failNext: 1 } });
    record(s, '101/2569', AFTER);
    record(s, '102/2569', AFTER);
    const [first, second] = truth(s, AFTER + 10 * MIN);
    expect(first?.status).toBe('failed');
    expect(first?.failureReason).toBeTruthy();
    expect(first?.history.at(-1)).toMatchObject({ status: 'failed', reason: first?.failureReason });
    expect(second?.status).toBe('created');

    const all = createSimulation({ config: { failureRate: 1 } });
    for (let i = 101; i <= 110; i++) record(all, `${i}/2569`, AFTER);
    expect(truth(all, AFTER + 60 * MIN).every((p) => p.status === 'failed')).toBe(true);
  });

  it('lets a clerk record the same ฎีกา twice while it waits, and fails the duplicate', () => {
    const s = createSimulation();
    record(s, '101/2569', AFTER);
    expect(unpaidDekas(s, 'U4801', { dekaNo: '101/2569' }, AFTER + 100).total).toBe(1);
    record(s, '101/2569', AFTER + 200);
    // Whichever finishes first gets the voucher; the other fails as a duplicate.
    const both = truth(s, AFTER + 10 * MIN);
    expect(both.map((p) => p.status).sort()).toEqual(['created', 'failed']);
    expect(both.find((p) => p.status === 'failed')?.failureReason).toBe(
      'ฎีกาเลขที่ 101/2569 มีการจ่ายเงินแล้ว (รายการซ้ำ)',
    );
    expect(unpaidDekas(s, 'U4801', { dekaNo: '101/2569' }, AFTER + 10 * MIN).total).toBe(0);
  });

  it('cancels while waiting or after a failure, never while processing', () => {
    const s = createSimulation({ config: { scenario: 'month-end' } });
    const p = record(s, '101/2569', AFTER);
    expect(cancelPayment(s, 'somsri', p.id, AFTER + 1000)).toMatchObject({ ok: true });
    expect(truth(s, AFTER + 60 * MIN)[0]?.status).toBe('cancelled');
    expect(cancelPayment(s, 'somsri', p.id, AFTER + 61 * MIN)).toMatchObject({
      ok: false,
      message: 'รายการนี้ถูกยกเลิกแล้ว',
    });

    const q = record(s, '102/2569', AFTER + 61 * MIN);
    let now = AFTER + 61 * MIN;
    while (truth(s, now).find((x) => x.id === q.id)?.status !== 'processing') now += 1000;
    expect(cancelPayment(s, 'somsri', q.id, now)).toMatchObject({
      ok: false,
      message: 'รายการอยู่ระหว่างประมวลผล ไม่สามารถยกเลิกได้',
    });
    expect(cancelPayment(s, 'prasit', q.id, now)).toMatchObject({ ok: false, message: 'ไม่พบรายการจ่ายเงิน' });
  });

  it('processes in order with limited workers, so load delays vouchers', () => {
    const s = createSimulation({ config: { scenario: 'month-end' } });
    for (let i = 101; i <= 120; i++) record(s, `${i}/2569`, AFTER);
    const busy = queueStats(s, AFTER + 5 * MIN);
    expect(busy.processing).toBeLessThanOrEqual(SCENARIOS['month-end'].workers);
    expect(busy.waiting).toBeGreaterThan(10);
    const done = truth(s, AFTER + 24 * 60 * MIN);
    expect(done.every((p) => p.status === 'created')).toBe(true);
    // FIFO: processing starts in the order payments were recorded.
    const starts = done.map((p) => p.history.find((h) => h.status === 'processing')?.at ?? 0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    // The last voucher takes far longer than the first: the queue is real.
    const waits = done.map((p) => (p.voucherCreatedAt ?? 0) - p.recordedAt);
    expect(Math.max(...waits)).toBeGreaterThan(5 * Math.min(...waits));
    // Voucher numbers run in creation order without gaps.
    const byTime = [...done].sort((a, b) => (a.voucherCreatedAt ?? 0) - (b.voucherCreatedAt ?? 0));
    expect(byTime.map((p) => p.voucherNo)).toEqual(
      byTime.map((_, i) => `PV2569-${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('takes hours at fiscal year-end', () => {
    const s = createSimulation({ config: { scenario: 'year-end' } });
    for (let i = 101; i <= 105; i++) record(s, `${i}/2569`, AFTER);
    const last = truth(s, AFTER + 48 * 60 * MIN).at(-1);
    expect((last?.voucherCreatedAt ?? 0) - AFTER).toBeGreaterThan(60 * MIN);
  });

  it('changes workers with the scenario without dropping jobs', () => {
    const s = createSimulation();
    for (let i = 101; i <= 110; i++) record(s, `${i}/2569`, AFTER);
    setScenario(s, 'year-end');
    expect(s.workers.length).toBeGreaterThanOrEqual(1);
    setScenario(s, 'normal');
    expect(s.workers.length).toBe(SCENARIOS.normal.workers);
    expect(truth(s, AFTER + 24 * 60 * MIN).every((p) => p.status === 'created')).toBe(true);
  });

  it('repeats exactly from the same seed', () => {
    const run = () => {
      const s = createSimulation({ seed: 7, config: { failureRate: 0.3 } });
      for (let i = 101; i <= 130; i++) record(s, `${i}/2569`, AFTER + i * 1000);
      return truth(s, AFTER + 24 * 60 * MIN);
    };
    expect(run()).toEqual(run());
  });
});

describe('recording validation (Thai messages)', () => {
  it('names each wrong field', () => {
    const s = createSimulation();
    const r = recordPayment(
      s,
      'somsri',
      {
        dekaNo: '999/2569',
        payDate: '10/06/2569',
        method: 'cash',
        bankAccount: 'x',
        withholdingTax: -1,
        netAmount: 0,
      },
      AFTER,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe('กรุณาตรวจสอบข้อมูลให้ถูกต้อง');
    expect(r.errors).toEqual({
      dekaNo: 'ไม่พบฎีกาเลขที่นี้ในรายการฎีกาค้างจ่าย',
      payDate: 'กรุณาระบุวันที่จ่าย',
      method: 'กรุณาเลือกวิธีการจ่าย',
      bankAccount: 'กรุณาเลือกบัญชีเงินฝากธนาคาร',
      withholdingTax: 'ภาษีหัก ณ ที่จ่ายไม่ถูกต้อง',
    });
    const cheque = recordPayment(
      s,
      'somsri',
      inputFor(s, '101/2569', { method: 'cheque', chequeNo: '' }),
      AFTER,
    );
    expect(cheque).toMatchObject({ ok: false, errors: { chequeNo: 'กรุณาระบุเลขที่เช็ค (ตัวเลข 7–10 หลัก)' } });
    const net = recordPayment(s, 'somsri', inputFor(s, '101/2569', { netAmount: 1 }), AFTER);
    expect(net).toMatchObject({
      ok: false,
      errors: { netAmount: 'จำนวนเงินสุทธิไม่เท่ากับจำนวนเงินตามฎีกาหักภาษี ณ ที่จ่าย' },
    });
  });

  it("keeps units apart: a clerk sees and pays only their unit's ฎีกา", () => {
    const s = createSimulation();
    const other = s.dekas.find((d) => d.unitId === 'U4802');
    const r = recordPayment(s, 'somsri', { ...inputFor(s, '101/2569'), dekaNo: other?.no ?? '' }, AFTER);
    expect(r.ok).toBe(true); // 101/2569 exists in every unit: numbering is per unit
    record(s, '102/2569', AFTER);
    expect(listPayments(s, 'U4802', {}, AFTER).total).toBe(0);
    expect(listPayments(s, 'U4801', {}, AFTER).total).toBe(2);
  });
});

describe('lists', () => {
  it('filters and pages newest first', () => {
    const s = createSimulation({ config: { mode: 'before' } });
    for (let i = 101; i <= 112; i++)
      record(s, `${i}/2569`, AFTER + i * 1000, { payDate: i % 2 ? '2026-06-10' : '2026-06-11' });
    const first = listPayments(s, 'U4801', { page: 1, pageSize: 5 }, AFTER + MIN * 10);
    expect(first.total).toBe(12);
    expect(first.rows.map((p) => p.dekaNo)).toEqual([
      '112/2569',
      '111/2569',
      '110/2569',
      '109/2569',
      '108/2569',
    ]);
    expect(listPayments(s, 'U4801', { page: 3, pageSize: 5 }, AFTER).rows).toHaveLength(2);
    expect(listPayments(s, 'U4801', { from: '2026-06-11' }, AFTER).total).toBe(6);
    expect(listPayments(s, 'U4801', { status: 'awaiting' }, AFTER).total).toBe(0);
    expect(listPayments(s, 'U4801', { pageSize: 10_000 }, AFTER).pageSize).toBe(100);
  });
});

describe('the clock', () => {
  it('runs at a speed, changes speed without jumping, and jumps on request', () => {
    const c = createClock(1000, 0, 1);
    expect(c.now(500)).toBe(1500);
    c.setSpeed(60, 500);
    expect(c.now(500)).toBe(1500);
    expect(c.now(1500)).toBe(1500 + 60_000);
    c.advance(10_000, 1500);
    expect(c.now(1500)).toBe(71_500);
    c.set(0, 2000);
    expect(c.now(2000)).toBe(0);
  });
});

describe('cancelling a created voucher', () => {
  it('makes the ฎีกา payable again', () => {
    const s = createSimulation({ config: { mode: 'before' } });
    const p = record(s, '101/2569', AFTER);
    expect(unpaidDekas(s, 'U4801', { dekaNo: '101/2569' }, AFTER).total).toBe(0);
    expect(cancelPayment(s, 'somsri', p.id, AFTER + 1000)).toMatchObject({ ok: true });
    expect(unpaidDekas(s, 'U4801', { dekaNo: '101/2569' }, AFTER + 1000).total).toBe(1);
    expect(record(s, '101/2569', AFTER + 2000).status).toBe('created');
  });
});
