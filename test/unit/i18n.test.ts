import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asCatalog, catalogs, interpolate, translator } from '../../core/i18n';
import { pageCatalogs, pageTranslator } from '../../core/i18n-pages';

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

  it('fills placeholders exactly as the regular expression it replaced did, whatever the text', () => {
    // The reference: what interpolate did before it was written by hand (docs/interface.md, "Cost").
    const reference = (text: string, params: Record<string, string | number>) =>
      text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    const piece = fc.oneof(
      fc.constantFrom(
        '{',
        '}',
        '{a}',
        '{b}',
        '{a_1}',
        '{}',
        '{ a}',
        '{{a}}',
        '{a{b}}',
        '{ก}',
        '{x}',
        'ก',
        ' ',
        'a',
      ),
      fc.string({ maxLength: 4 }),
    );
    const params = fc.dictionary(
      fc.constantFrom('a', 'b', 'a_1', 'x', 'ก', ''),
      fc.oneof(fc.string(), fc.integer()),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), params, (pieces, p) => {
        const text = pieces.join('');
        expect(interpolate(text, p)).toBe(reference(text, p));
      }),
      { numRuns: 5000 },
    );
    expect(interpolate('{a}{b}', { a: '{b}', b: 1 })).toBe('{b}1'); // a value is never read again
    expect(interpolate('{toString}', {})).toBe(reference('{toString}', {}));
  });

  it('read back from the package, is accepted only as a plain object of texts', () => {
    const roundTrip = JSON.parse(JSON.stringify(catalogs.th)) as unknown;
    expect(asCatalog(roundTrip)).toEqual(catalogs.th);
    for (const bad of [null, 'th', 42, [], ['a'], {}, { a: 1 }, { a: 'x', b: null }, { a: { b: 'c' } }]) {
      expect(asCatalog(bad), JSON.stringify(bad)).toBeNull();
    }
    const huge = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, 'x']));
    expect(asCatalog(huge)).toBeNull();
  });
});

describe("the extension pages' catalog", () => {
  it('has the same keys and placeholders in Thai and English, none empty, none shared with the overlay', () => {
    expect(Object.keys(pageCatalogs.en).sort()).toEqual(Object.keys(pageCatalogs.th).sort());
    for (const key of Object.keys(pageCatalogs.th) as (keyof typeof pageCatalogs.th)[]) {
      expect(pageCatalogs.th[key].trim(), key).not.toBe('');
      expect(pageCatalogs.en[key].trim(), key).not.toBe('');
      expect(placeholders(pageCatalogs.en[key]), key).toEqual(placeholders(pageCatalogs.th[key]));
      expect(Object.hasOwn(catalogs.th, key), key).toBe(false);
    }
  });

  it("reaches the overlay's text too (statuses, pauses)", () => {
    expect(pageTranslator('th')('statusCreated')).toBe('สร้างใบผ่านรายการจ่ายแล้ว');
    expect(pageTranslator('en')('optionsImported', { added: 1, updated: 2, unchanged: 3 })).toBe(
      'Imported: 1 new, 2 updated, 3 already here',
    );
  });
});
