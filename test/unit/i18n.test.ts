import { describe, expect, it } from 'vitest';
import { catalogs, translator } from '../../core/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalog', () => {
  it('has the same keys and placeholders in Thai and English, none empty', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.th).sort());
    for (const key of Object.keys(catalogs.th) as (keyof typeof catalogs.th)[]) {
      expect(catalogs.th[key].trim(), key).not.toBe('');
      expect(catalogs.en[key].trim(), key).not.toBe('');
      expect(placeholders(catalogs.en[key]), key).toEqual(placeholders(catalogs.th[key]));
    }
  });

  it('inserts values as given and leaves unknown placeholders visible', () => {
    const t = translator('th');
    expect(t('noticeCountdown', { days: 9 })).toBe('อีก 9 วัน');
    expect(t('noticeCountdown')).toBe('อีก {days} วัน');
    expect(translator('en')('noticeInEffect', { date: '<b>x</b>' })).toBe('In effect since <b>x</b>');
  });
});
