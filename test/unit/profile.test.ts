import { describe, expect, it } from 'vitest';
import { detectPage } from '../../site/detect';
import { DEFAULT_PROFILE } from '../../site/profile';
import { resolveProfile } from '../../site/resolve-profile';

describe('site profile overrides', () => {
  it('keeps the defaults when there is no override', () => {
    expect(resolveProfile(undefined)).toEqual({ profile: DEFAULT_PROFILE, problems: [] });
  });

  it('applies valid values deep in the profile and leaves the rest at their defaults', () => {
    const { profile, problems } = resolveProfile({
      listPage: { headers: { status: ['สถานะรายการ'], voucherNo: ['เลขที่ใบผ่านฯ'] } },
      statusTexts: { รอดำเนินการ: 'awaiting', ออกใบผ่านรายการจ่ายแล้ว: 'created' },
      api: { fields: { voucherNo: ['pvNo', 'voucherNo'] }, list: { pageSize: 50 } },
      pages: { 'payment-list': { urlPatterns: ['#/pv/list$'] } },
    });
    expect(problems).toEqual([]);
    expect(profile.listPage.headers.status).toEqual(['สถานะรายการ']);
    expect(profile.listPage.headers.dekaNo).toEqual(DEFAULT_PROFILE.listPage.headers.dekaNo);
    expect(profile.statusTexts).toEqual({ รอดำเนินการ: 'awaiting', ออกใบผ่านรายการจ่ายแล้ว: 'created' });
    expect(profile.api.fields.voucherNo).toEqual(['pvNo', 'voucherNo']);
    expect(profile.api.list.pageSize).toBe(50);
    expect(profile.api.list.path).toBe(DEFAULT_PROFILE.api.list.path);
    expect(detectPage(profile, new URL('https://laas.dla.go.th/#/pv/list'), document)).toBe('payment-list');
    // The defaults object itself is never changed.
    expect(DEFAULT_PROFILE.listPage.headers.status).toEqual(['สถานะ']);
  });

  it('reports wrong values and unknown keys, and ignores them', () => {
    const { profile, problems } = resolveProfile({
      api: {
        record: { path: '([' },
        list: { maxPages: 1000 },
        token: { path: '*' },
        statusCodes: { OK: 'done' },
      },
      listPage: { headers: { status: [] }, table: 42 },
      statusTexts: 'รอ',
      surprise: true,
      pages: { 'payment-record': { urlPatterns: ['x'.repeat(501)] } },
    });
    expect(problems).toEqual([
      'api.record.path: not a valid regular expression',
      'api.list.maxPages: expected a whole number from 1 to 20',
      'api.token.path: not a valid regular expression',
      'api.statusCodes: "OK" must map to one of awaiting, processing, created, failed, cancelled',
      'listPage.headers.status: expected a list of 1 to 20 texts',
      'listPage.table: expected text of 1 to 500 characters',
      'statusTexts: expected a map of texts to statuses',
      'surprise: unknown key',
      'pages.payment-record.urlPatterns: expected a list of 1 to 20 texts',
    ]);
    expect(profile).toEqual(DEFAULT_PROFILE);
    expect(resolveProfile('x').problems).toEqual(['expected an object']);
  });
});
