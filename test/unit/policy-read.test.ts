/** The background's read of the organisation's policy (storage.managed), on WXT's fake browser. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policyChanged, refreshPolicy } from '../../platform/extension/settings-store';

afterEach(() => vi.restoreAllMocks());

describe('the policy read', () => {
  it('keeps the newer policy when an older read answers after it (storage.managed is slow)', async () => {
    // The first read (at the background's start) answers after the policy changed and was read again.
    let answerFirst: (policy: Record<string, unknown>) => void = () => undefined;
    const first = new Promise<Record<string, unknown>>((resolve) => {
      answerFirst = resolve;
    });
    const managed = vi
      .spyOn(fakeBrowser.storage.managed, 'get')
      .mockImplementationOnce(() => first as never)
      .mockImplementationOnce(async () => ({ overdueMinutes: 60 }) as never);
    const older = refreshPolicy();
    policyChanged();
    await refreshPolicy();
    expect(await fakeBrowser.storage.local.get('policyCache')).toEqual({
      policyCache: { overdueMinutes: 60 },
    });
    answerFirst({});
    await older;
    expect(managed).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.storage.local.get('policyCache')).toEqual({
      policyCache: { overdueMinutes: 60 },
    });
  });
});
