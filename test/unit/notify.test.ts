import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PaymentRecord } from '../../core/records';
import { notifyChanges, onNotificationClicked, summary } from '../../entrypoints/background/notify';
import { record, T0 } from '../fixtures/records';

function rec(patch: Partial<PaymentRecord>): PaymentRecord {
  return record({
    id: 'r',
    unit: 'u',
    user: 'x',
    payee: 'p',
    amount: 100,
    status: 'created',
    voucherNo: 'PV2569-000001',
    voucherCreatedAt: T0,
    history: [],
    ...patch,
  });
}

describe('notifications', () => {
  it('summarise a check in one notification, in Thai or English', () => {
    const changed = [
      rec({ id: 'a' }),
      rec({ id: 'b', dekaNo: '102/2569', voucherNo: 'PV2569-000002' }),
      rec({
        id: 'c',
        dekaNo: '103/2569',
        status: 'failed',
        voucherNo: null,
        failureReason: 'งบประมาณคงเหลือไม่เพียงพอ',
      }),
    ];
    expect(summary(changed, 'th')).toEqual({
      title: 'ใบผ่านรายการจ่าย: สร้างแล้ว 2 รายการ, ไม่สำเร็จ 1 รายการ',
      message:
        'ฎีกา 101/2569 → PV2569-000001\nฎีกา 102/2569 → PV2569-000002\nฎีกา 103/2569: งบประมาณคงเหลือไม่เพียงพอ',
    });
    expect(summary(changed.slice(0, 1), 'en').title).toBe('Payment vouchers: 1 created');
  });

  it('open the voucher on click, even after the service worker restarted', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const id = await notifyChanges([rec({})]);
    expect(id).toMatch(/^evw-/);
    expect(create).toHaveBeenCalledOnce();
    // The mapping lives in storage, not in memory: a fresh worker finds it.
    const stored = (await fakeBrowser.storage.local.get('notificationTargets')).notificationTargets as Record<
      string,
      string
    >;
    expect(stored[id as string]).toBe('https://laas.dla.go.th/#/expenditure/vouchers/PV2569-000001');
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationClicked(id as string);
    expect(tabs).toHaveBeenCalledWith({ url: 'https://laas.dla.go.th/#/expenditure/vouchers/PV2569-000001' });
    expect((await fakeBrowser.storage.local.get('notificationTargets')).notificationTargets).toEqual({});
  });

  it('send nothing when nothing finished, or when the clerk turned them off', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    expect(await notifyChanges([rec({ status: 'processing', voucherNo: null })])).toBeNull();
    await fakeBrowser.storage.local.set({ settings: { notifications: false } });
    expect(await notifyChanges([rec({})])).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  it('without the permission, show nothing but keep what would have been said (the panel offers it)', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    expect(await notifyChanges([rec({})])).toBeNull();
    expect(create).not.toHaveBeenCalled();
    const last = (await fakeBrowser.storage.local.get('lastNotification')).lastNotification as {
      shown: boolean;
      title: string;
    };
    expect(last).toMatchObject({ shown: false, title: 'ใบผ่านรายการจ่าย: สร้างแล้ว 1 รายการ' });
  });
});
