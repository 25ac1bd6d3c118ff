/** The training page's pieces without a browser: the practice world, its steps and its host. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTrainingHost, TRAINING_ORIGIN, TRAINING_TAB } from '../../entrypoints/training/host';
import { STEPS, stepDone } from '../../entrypoints/training/steps';
import { AFTER, BEFORE, createWorld, type World } from '../../entrypoints/training/world';
import { CHANGE_EFFECTIVE_AT } from '../../simulator/model/model';

function recordFirst(world: World) {
  const deka = world.dekas()[0];
  if (!deka) throw new Error('no ฎีกา');
  const account = world.sim.bankAccounts.find((b) => b.unitId === world.unitId);
  const day = new Date(world.now() + 7 * 3600_000).toISOString().slice(0, 10);
  return world.record({
    dekaNo: deka.no,
    payDate: day,
    method: 'transfer',
    bankAccount: account?.no ?? '',
    withholdingTax: 0,
    netAmount: deka.amount,
  });
}

afterEach(() => vi.useRealTimers());

describe('the practice world', () => {
  it('starts before the change, gives the voucher at once there and later after it', () => {
    const world = createWorld();
    expect(world.now()).toBeLessThan(CHANGE_EFFECTIVE_AT);
    const before = recordFirst(world);
    expect(before.ok && before.value.voucherNo).toBeTruthy();
    world.setPeriod('after');
    expect(world.now()).toBeGreaterThanOrEqual(CHANGE_EFFECTIVE_AT);
    const after = recordFirst(world);
    expect(after.ok && after.value.status).toBe('awaiting');
    expect(after.ok && after.value.voucherNo).toBeNull();
  });

  it("answers a status check with the unit's payments as e-LAAS' list would", () => {
    const world = createWorld();
    world.setPeriod('after');
    const r = recordFirst(world);
    if (!r.ok) throw new Error(r.message);
    world.skip(60 * 60_000); // a normal queue is done within the hour
    const [row] = world.statusRows('2026-06-01');
    const [p] = world.payments();
    expect(row).toEqual({
      elaasId: p?.id,
      ref: p?.ref,
      dekaNo: p?.dekaNo,
      amount: p?.netAmount,
      payDate: p?.payDate,
      status: 'created',
      voucherNo: p?.voucherNo,
      voucherCreatedAt: p?.voucherCreatedAt,
      failureReason: null,
    });
    expect(world.statusRows('2026-07-01')).toEqual([]);
  });

  it('makes the next payment fail, slows the queue to hours, and resets', () => {
    const world = createWorld();
    world.setPeriod('after');
    world.failNext();
    recordFirst(world);
    world.skip(60 * 60_000);
    expect(world.payments()[0]?.status).toBe('failed');
    world.setMonthEnd(true);
    expect(world.monthEnd()).toBe(true);
    recordFirst(world);
    world.skip(4 * 60_000);
    expect(world.payments()[1]?.status).toBe('awaiting');
    world.reset();
    expect(world.payments()).toEqual([]);
    expect(world.now()).toBeLessThan(BEFORE + 60_000);
    expect(world.monthEnd()).toBe(false);
  });
});

describe('the guided steps', () => {
  it('set the world up when a trainer jumps to them, and stay done once done', () => {
    const world = createWorld();
    const [before, after] = STEPS;
    if (!before || !after) throw new Error('steps missing');
    after.setup(world);
    expect(world.now()).toBeGreaterThanOrEqual(AFTER - 60_000);
    before.setup(world);
    expect(world.now()).toBeLessThan(CHANGE_EFFECTIVE_AT);
    expect(stepDone(before, world)).toBe(false);
    recordFirst(world);
    expect(stepDone(before, world)).toBe(true);

    // Overdue is a passing state: once seen, the step stays done after the voucher comes.
    const overdue = STEPS.find((x) => x.id === 'overdue');
    if (!overdue) throw new Error('no overdue step');
    overdue.setup(world);
    world.setMonthEnd(true);
    recordFirst(world);
    world.skip(31 * 60_000);
    const waiting =
      world.payments().at(-1)?.status === 'awaiting' || world.payments().at(-1)?.status === 'processing';
    expect(waiting).toBe(true); // the year-end queue takes longer (the model, seeded)
    expect(stepDone(overdue, world)).toBe(true);
    world.skip(6 * 3600_000);
    expect(world.payments().at(-1)?.status).toBe('created');
    expect(overdue.done(world)).toBe(false);
    expect(stepDone(overdue, world)).toBe(true);
    world.reset();
    expect(stepDone(before, world)).toBe(false);
    expect(STEPS.map((s) => s.id)).toEqual(['before', 'after', 'wait', 'failed', 'overdue', 'twice']);
  });
});

describe('the in-page host', () => {
  it('runs the check timer on simulated time, and answers checks from the world', async () => {
    vi.useFakeTimers();
    const world = createWorld();
    const host = createTrainingHost(world);
    const fired = vi.fn();
    host.onTimer('voucher-check', fired);
    world.setSpeed(60);
    await host.setTimer('voucher-check', 60_000); // a simulated minute: a real second at ×60
    expect(await host.hasTimer('voucher-check')).toBe(true);
    vi.advanceTimersByTime(999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(fired).toHaveBeenCalledOnce();
    await host.setTimer('voucher-check', 60_000);
    await host.setTimer('voucher-check', null);
    vi.advanceTimersByTime(5_000);
    expect(fired).toHaveBeenCalledOnce();

    expect(await host.tabsOf(TRAINING_ORIGIN)).toEqual([{ id: TRAINING_TAB, url: `${TRAINING_ORIGIN}/` }]);
    expect(await host.tabsOf('https://laas.dla.go.th')).toEqual([]);
    expect(
      await host.sendToTab(TRAINING_TAB, { type: 'check/run', dateFrom: '2026-06-01', fiscalYears: [2569] }),
    ).toEqual({
      ok: true,
      rows: [],
      nextPage: null,
    });
    await expect(host.sendToTab(TRAINING_TAB, { type: 'records/changed' })).rejects.toThrow();
    host.setCommandHandler(async () => true);
    expect(await host.sendToTab(TRAINING_TAB, { type: 'records/changed' })).toBe(true);
  });

  it('keeps settings, badge and notification in the page, and tells the overlay when storage changes', async () => {
    const host = createTrainingHost(createWorld());
    const changed = vi.fn();
    host.onStorage(changed);
    await host.saveUserSettings({ language: 'en' });
    expect((await host.loadSettings()).values.language).toBe('en');
    expect((await host.loadSettings()).values.pollMinSeconds).toBe(15);
    expect(changed).toHaveBeenCalled();
    await host.badge({ text: '2', color: '#123c69', title: 'รอ 2' });
    await host.notifications.show('evw-1', 'ใบผ่านรายการจ่าย', 'ฎีกา 1/2569 → PV1');
    expect(host.view()).toEqual({
      badge: { text: '2', color: '#123c69', title: 'รอ 2' },
      toast: { id: 'evw-1', title: 'ใบผ่านรายการจ่าย', message: 'ฎีกา 1/2569 → PV1' },
    });
    await host.notifications.clear('evw-1');
    expect(host.view().toast).toBeNull();
    // Nothing privileged can come from the practice page.
    expect(host.ownPagesUrl()).not.toMatch(/^(https?|chrome-extension|moz-extension):/);
  });
});
