import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bangkokDay,
  daysUntil,
  formatBaht,
  formatDateTime,
  formatDay,
  formatElapsed,
  grouped,
  isoDay,
  parseIsoDay,
} from '../../core/dates';
import { digits, toArabicDigits, toThaiDigits } from '../../core/digits';
import { collapseSpace } from '../../core/text';

describe('Thai and Arabic digits', () => {
  it('converts both ways and leaves other text alone', () => {
    expect(toThaiDigits('ฎีกา 123/2569 ฿1,234.50')).toBe('ฎีกา ๑๒๓/๒๕๖๙ ฿๑,๒๓๔.๕๐');
    expect(toArabicDigits('๑๒ ธันวาคม ๒๕๖๙')).toBe('12 ธันวาคม 2569');
    expect(toArabicDigits(toThaiDigits('0123456789'))).toBe('0123456789');
    expect(digits('10', false)).toBe('10');
  });

  // Written by hand (no pattern for V8 to compile on every e-LAAS page): the same answers as the
  // regular expressions they replaced, for any text.
  const thaiText = fc.string({
    unit: fc.constantFrom(...'๐๑๒๓๔๕๖๗๘๙0123456789ก ข\t\n\u00a0\u2003\u3000\ufeff\u200b\u0e4f\u0e5a/-'),
    maxLength: 30,
  });

  it('swaps Thai and Arabic digits exactly as the patterns did', () => {
    fc.assert(
      fc.property(fc.oneof(thaiText, fc.string()), (text) => {
        expect(toArabicDigits(text)).toBe(
          text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)),
        );
        expect(toThaiDigits(text)).toBe(
          text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d))),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('collapses white space exactly as /\\s+/ and trim() did', () => {
    // Every code point JavaScript counts as white space, and neighbours that are not.
    const spaces = [...Array(0x3001).keys(), 0xfeff, 0xfefe, 0x200b]
      .map((c) => String.fromCharCode(c))
      .filter((c) => /\s/.test(c));
    expect(spaces).toHaveLength(25);
    for (const c of spaces) expect(collapseSpace(`a${c}${c}b${c}`), c.charCodeAt(0).toString(16)).toBe('a b');
    const text = fc.string({
      unit: fc.constantFrom(...spaces, 'a', 'ก', '\u200b', '\u180e', 'x'),
      maxLength: 20,
    });
    fc.assert(
      fc.property(fc.oneof(text, thaiText, fc.string()), (t) => {
        expect(collapseSpace(t)).toBe(t.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseIsoDay', () => {
  it('accepts real days only', () => {
    expect(parseIsoDay('2026-06-10')).toEqual({ year: 2026, month: 6, day: 10 });
    expect(parseIsoDay('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    for (const bad of ['2026-02-30', '2026-13-01', '2026-6-10', '10/06/2569', '', '2026-06-10T00:00']) {
      expect(parseIsoDay(bad)).toBeNull();
    }
  });

  it('answers as the pattern it replaced did, for any text', () => {
    const reference = (text: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return null;
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const check = new Date(Date.UTC(year, month - 1, day));
      return check.getUTCFullYear() !== year ||
        check.getUTCMonth() !== month - 1 ||
        check.getUTCDate() !== day
        ? null
        : { year, month, day };
    };
    const dayLike = fc.string({ unit: fc.constantFrom(...'0123456789-๑ /:T'), minLength: 8, maxLength: 12 });
    const real = fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.oneof(
          dayLike,
          real.map((d) => d.toISOString().slice(0, 10)),
          fc.string(),
        ),
        (text) => {
          expect(parseIsoDay(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('the Bangkok calendar day', () => {
  it('turns at midnight UTC+7, not UTC', () => {
    expect(bangkokDay(Date.parse('2026-06-09T16:59:59Z'))).toEqual({ year: 2026, month: 6, day: 9 });
    expect(bangkokDay(Date.parse('2026-06-09T17:00:00Z'))).toEqual({ year: 2026, month: 6, day: 10 });
  });

  it('counts whole days to the change', () => {
    const change = { year: 2026, month: 6, day: 10 };
    expect(daysUntil(change, Date.parse('2026-06-01T03:00:00Z'))).toBe(9);
    expect(daysUntil(change, Date.parse('2026-06-09T16:59:00Z'))).toBe(1);
    expect(daysUntil(change, Date.parse('2026-06-09T17:00:00Z'))).toBe(0);
    expect(daysUntil(change, Date.parse('2026-11-25T12:00:00Z'))).toBe(-168);
    // Across a year end and a leap day.
    expect(daysUntil({ year: 2028, month: 3, day: 1 }, Date.parse('2027-12-31T00:00:00Z'))).toBe(61);
  });
});

describe('formatDay', () => {
  const day = { year: 2026, month: 6, day: 10 };
  it('writes B.E. years with Thai month names', () => {
    expect(formatDay(day, { lang: 'th', thaiDigits: false })).toBe('10 มิ.ย. 2569');
    expect(formatDay(day, { lang: 'th', thaiDigits: false, style: 'long' })).toBe('10 มิถุนายน 2569');
    expect(
      formatDay({ year: 2026, month: 12, day: 12 }, { lang: 'th', thaiDigits: true, style: 'long' }),
    ).toBe('๑๒ ธันวาคม ๒๕๖๙');
  });
  it('writes C.E. in English', () => {
    expect(formatDay(day, { lang: 'en', thaiDigits: false })).toBe('10 June 2026');
  });
});

describe('elapsed time and moments', () => {
  it('ticks in seconds under an hour, then hours, then days', () => {
    expect(formatElapsed(0, 'th', false)).toBe('0 นาที 00 วินาที');
    expect(formatElapsed(4 * 60_000 + 5000, 'th', false)).toBe('4 นาที 05 วินาที');
    expect(formatElapsed(2 * 3600_000 + 15 * 60_000 + 59_000, 'th', false)).toBe('2 ชม. 15 นาที');
    expect(formatElapsed(3 * 86_400_000 + 4 * 3600_000, 'th', true)).toBe('๓ วัน ๔ ชม.');
    expect(formatElapsed(61_000, 'en', false)).toBe('1 min 01 s');
    expect(formatElapsed(-5000, 'en', false)).toBe('0 min 00 s');
  });

  it('writes a moment in B.E. with Bangkok time', () => {
    const at = Date.parse('2026-11-25T17:30:00Z'); // 00:30 on 26 Nov in Bangkok
    expect(formatDateTime(at, 'th', false)).toBe('26 พ.ย. 2569 00:30');
    expect(formatDateTime(at, 'en', false)).toBe('26 November 2026 00:30');
    expect(isoDay(at)).toBe('2026-11-26');
  });
});

describe('grouped', () => {
  it('groups thousands as toLocaleString("en-US") does, without Intl', () => {
    for (const n of [0, 7, 42, 999, 1000, 12_345, 999_999, 1_000_000, 123_456_789, 2 ** 40])
      expect(grouped(n)).toBe(n.toLocaleString('en-US'));
  });
});

describe('formatBaht', () => {
  it('groups thousands, always shows satang, and speaks Thai digits on request', () => {
    expect(formatBaht(0, false)).toBe('฿0.00');
    expect(formatBaht(5, false)).toBe('฿0.05');
    expect(formatBaht(12_345, false)).toBe('฿123.45');
    expect(formatBaht(123_450, false)).toBe('฿1,234.50');
    expect(formatBaht(100_000_000, false)).toBe('฿1,000,000.00');
    expect(formatBaht(12_345_678_901, false)).toBe('฿123,456,789.01');
    expect(formatBaht(123_450, true)).toBe('฿๑,๒๓๔.๕๐');
    expect(formatBaht(-123_450, false)).toBe('-฿1,234.50');
  });
});
