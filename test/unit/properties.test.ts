/**
 * Property tests (fast-check): every reader of outside data, fed 10,000 generated inputs each,
 * never throws, and either reads what was written or takes its clear error path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, parseBackup, parseRecord, toBackup } from '../../core/backup';
import { toThaiDigits } from '../../core/digits';
import type { PaymentRecord, VoucherStatus } from '../../core/records';
import { parseSetting, resolveSettings, SETTING_KEYS, validateUserPatch } from '../../core/settings';
import { parseListAnswer, parseRecordAnswer } from '../../site/parse-api';
import { readListTable } from '../../site/parse-list';
import { DEFAULT_PROFILE } from '../../site/profile';
import { parseAmount, parseCode, parseDateTime, parseDay } from '../../site/values';
import { record } from '../fixtures/records';

const RUNS = { numRuns: 10_000 };
/** 10,000 cases take seconds, the HTML ones (a DOM each) most. */
const SLOW = 120_000;
const P = DEFAULT_PROFILE;
const STATUSES: VoucherStatus[] = ['awaiting', 'processing', 'created', 'failed', 'cancelled'];

/** Text as pages and APIs send it, hostile included: markup, handlers, RTL marks, huge. */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '\u202Eเงิน\u202C',
    '\u200F\u200E',
    '=HYPERLINK("http://x")',
    '๑๒๓/๒๕๖๙',
    ' 101 / 2569 ',
  ),
  fc.string({ maxLength: 5000 }),
);

/** Write a whole number in Thai or Arabic digits, with or without thousands separators. */
function written(satang: number, thai: boolean, commas: boolean, baht: boolean): string {
  const whole = Math.floor(satang / 100).toString();
  const grouped = commas ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const text = `${baht ? '฿' : ''}${grouped}.${String(satang % 100).padStart(2, '0')}`;
  return thai ? toThaiDigits(text) : text;
}

describe('amounts and dates (Thai and Arabic digits, B.E. and C.E.)', () => {
  it(
    'reads back every amount written as e-LAAS writes it',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 99_999_999_999 }),
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          (satang, thai, commas, baht) => parseAmount(written(satang, thai, commas, baht)) === satang,
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'reads any other text as an amount or as nothing, never throwing',
    () => {
      fc.assert(
        fc.property(fc.oneof(hostile, fc.anything()), (v) => {
          const a = parseAmount(v);
          return a === null || (Number.isSafeInteger(a) && a >= 0);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'reads back every day written as dd/mm/yyyy in B.E. or C.E., Thai or Arabic digits',
    () => {
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('1990-01-01T00:00:00Z'),
            max: new Date('2099-12-31T00:00:00Z'),
            noInvalidDate: true,
          }),
          fc.boolean(),
          fc.boolean(),
          (date, be, thai) => {
            const iso = date.toISOString().slice(0, 10);
            const [y, m, d] = iso.split('-');
            const text = `${d}/${m}/${be ? Number(y) + 543 : y}`;
            return parseDay(thai ? toThaiDigits(text) : text) === iso;
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'reads any other text as a real day, a time, or nothing',
    () => {
      fc.assert(
        fc.property(fc.oneof(hostile, fc.anything()), (v) => {
          const day = parseDay(v);
          const ok =
            day === null ||
            (/^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day));
          const t = parseDateTime(v);
          return ok && (t === null || Number.isFinite(t));
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'never lets markup through a code (ฎีกา, voucher number)',
    () => {
      fc.assert(
        fc.property(fc.oneof(hostile, fc.anything()), (v) => {
          const c = parseCode(v);
          return c === null || (c.length <= 64 && !/[<>"'`]/.test(c) && c === c.trim());
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

const api = P.api;
const f = api.fields;

/** A payment object as the API would send it, or a damaged one. */
const payment = fc.record(
  {
    [f.id[0] as string]: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null)),
    [f.dekaNo[0] as string]: fc.oneof(fc.constantFrom('101/2569', '๑๐๒/๒๕๖๙'), hostile, fc.anything()),
    [f.amount[0] as string]: fc.oneof(fc.double(), fc.integer({ min: 0, max: 1e9 }), hostile),
    [f.payDate[0] as string]: fc.oneof(fc.constantFrom('2026-06-10', '10/06/2569'), hostile),
    [f.status[0] as string]: fc.oneof(fc.constantFrom(...Object.keys(api.statusCodes)), hostile),
    [f.payee[0] as string]: fc.oneof(hostile, fc.anything()),
    [f.voucherNo[0] as string]: fc.oneof(fc.constant(null), hostile),
    [f.failureReason[0] as string]: fc.oneof(fc.constant(null), hostile),
  },
  { requiredKeys: [] },
);

const envelope = (data: unknown) =>
  fc.record(
    {
      [api.envelope.code]: fc.oneof(
        fc.constantFrom(...api.envelope.success),
        fc.string({ maxLength: 8 }),
        fc.anything(),
      ),
      [api.envelope.message]: fc.oneof(hostile, fc.anything()),
      [api.envelope.data]: fc.constant(data),
    },
    { requiredKeys: [] },
  );

describe("e-LAAS' JSON answers", () => {
  const wellFormed = (r: {
    dekaNo: string;
    amount: number | null;
    payDate: string | null;
    status: VoucherStatus;
  }) =>
    typeof r.dekaNo === 'string' &&
    r.dekaNo.length > 0 &&
    !/[<>"'`]/.test(r.dekaNo) &&
    r.amount !== null &&
    Number.isSafeInteger(r.amount) &&
    r.amount >= 0 &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.payDate ?? '') &&
    STATUSES.includes(r.status);

  it(
    'reads the list answer or says why not, whatever comes back',
    () => {
      const list = fc
        .array(fc.oneof(payment, fc.anything()), { maxLength: 6 })
        .chain((rows) =>
          fc.oneof(
            envelope({ [api.envelope.rows]: rows, [api.envelope.total]: rows.length }),
            envelope(fc.anything()),
            fc.anything(),
          ),
        );
      fc.assert(
        fc.property(list, (body) => {
          const parsed = parseListAnswer(api, P.statusTexts, body);
          if (!parsed.ok) return parsed.reason === 'unreadable' || parsed.reason === 'refused';
          return parsed.value.rows.every(wellFormed) && parsed.value.skipped >= 0;
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'reads the answer to recording a payment or says why not',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(payment, fc.anything()).chain((p) => fc.oneof(envelope(p), fc.anything())),
          (body) => {
            const parsed = parseRecordAnswer(api, P.statusTexts, body);
            if (!parsed.ok) return parsed.reason === 'unreadable' || parsed.reason === 'refused';
            return wellFormed(parsed.value) && parsed.value.payee.length <= 300;
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'survives truncated and mangled JSON text the way the bridge passes it on',
    () => {
      const good = JSON.stringify({
        [api.envelope.code]: api.envelope.success[0],
        [api.envelope.data]: { [api.envelope.rows]: [], [api.envelope.total]: 0 },
      });
      fc.assert(
        fc.property(fc.nat({ max: good.length }), fc.string({ maxLength: 5 }), (cut, junk) => {
          let body: unknown;
          try {
            body = JSON.parse(good.slice(0, cut) + junk);
          } catch {
            body = undefined; // what the content script makes of text that is not JSON
          }
          const parsed = parseListAnswer(api, P.statusTexts, body);
          return parsed.ok || parsed.reason === 'unreadable' || parsed.reason === 'refused';
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('the payments list page (HTML)', () => {
  const headers = ['ฎีกาเลขที่', 'สถานะ', 'จำนวนเงิน', 'วันที่จ่าย', 'เลขที่ใบผ่านรายการจ่าย'];
  const cell = fc.oneof(
    hostile,
    fc.constantFrom('101/2569', '๑๐๒/๒๕๖๙', ...Object.keys(P.statusTexts), '1,234.50', '10/06/2569', '-'),
  );

  /** Built through the DOM (text, never markup), as a page with any text in its cells would be. */
  function page(rows: string[][], shuffled: string[]): Document {
    const doc = document.implementation.createHTMLDocument('list');
    const table = doc.createElement('table');
    const head = table.createTHead().insertRow();
    for (const h of shuffled) head.appendChild(doc.createElement('th')).textContent = h;
    const body = table.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      for (const c of r) tr.insertCell().textContent = c;
    }
    doc.body.append(table);
    return doc;
  }

  it(
    'reads every row it can and nothing it cannot, whatever the cells hold',
    () => {
      fc.assert(
        fc.property(
          fc.shuffledSubarray(headers, { minLength: 1 }),
          fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { maxLength: 5 }),
          fc.boolean(),
          (shuffled, rows, onlyOurs) => {
            const wanted = onlyOurs ? new Set(['101/2569', '102/2569']) : undefined;
            const t = readListTable(P.listPage, P.statusTexts, page(rows, shuffled), wanted);
            if (!shuffled.includes('ฎีกาเลขที่') || !shuffled.includes('สถานะ')) return t === null;
            if (!t) return false;
            return t.rows.every(
              (r) =>
                r.row === null ||
                (STATUSES.includes(r.row.status) &&
                  !/[<>"'`]/.test(r.row.dekaNo) &&
                  (!wanted || wanted.has(r.row.dekaNo)) &&
                  (r.row.amount === null || r.row.amount >= 0)),
            );
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('settings and policy', () => {
  const settingValue = fc.oneof(
    fc.anything(),
    fc.constantFrom(
      'th',
      'en',
      'top',
      'bottom',
      '1',
      '0',
      'true',
      'https://laas.dla.go.th',
      '2026-06-10',
      30,
      900,
    ),
    fc.array(fc.constantFrom('pending-panel', 'change-notice', 'https://laas.dla.go.th', 'x')),
  );
  const bag = fc.dictionary(
    fc.oneof(fc.constantFrom(...SETTING_KEYS), fc.string({ maxLength: 12 })),
    settingValue,
    {
      maxKeys: 8,
    },
  );

  it(
    'resolves any stored and managed values to valid settings, reporting what it ignored',
    () => {
      fc.assert(
        fc.property(fc.oneof(bag, fc.anything()), fc.oneof(bag, fc.anything()), (user, managed) => {
          const r = resolveSettings(user, managed);
          const valid = SETTING_KEYS.every((k) => parseSetting(k, r.values[k]).ok);
          const reported = r.policy.every((e) => typeof e.key === 'string' && typeof e.applied === 'boolean');
          return valid && reported;
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "accepts a clerk's change only when every value in it is valid",
    () => {
      fc.assert(
        fc.property(fc.oneof(bag, fc.anything()), (patch) => {
          const r = validateUserPatch(patch, []);
          if (!r.ok) return typeof r.reason === 'string' && r.reason.length > 0;
          return Object.entries(r.value).every(([k, v]) => parseSetting(k as never, v).ok);
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('backup import', () => {
  const code = fc.stringMatching(/^[0-9]{1,5}\/25[0-9]{2}$/);
  const generated: fc.Arbitrary<PaymentRecord> = fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 40 }),
      dekaNo: code,
      payee: fc.string({ maxLength: 300 }),
      amount: fc.integer({ min: 0, max: 1e12 }),
      status: fc.constantFrom(...STATUSES),
      recordedAt: fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }),
    })
    .map((p) => record({ ...p, history: [{ status: p.status, at: p.recordedAt, source: 'capture' }] }));

  it(
    'takes back what it exported',
    () => {
      fc.assert(
        fc.property(fc.array(generated, { maxLength: 5 }), (records) => {
          const parsed = parseBackup(toBackup(records, Date.now()));
          return parsed.ok && JSON.stringify(parsed.records) === JSON.stringify(records);
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'refuses a damaged or foreign file whole, naming the first bad record',
    () => {
      const damaged = fc
        .tuple(fc.array(generated, { minLength: 1, maxLength: 4 }), fc.nat(), fc.string(), fc.anything())
        .map(([records, which, key, value]) => {
          const copy = records.map((r) => ({ ...r })) as Record<string, unknown>[];
          const target = copy[which % copy.length] as Record<string, unknown>;
          const keys = Object.keys(target);
          target[which % 2 === 0 ? (keys[which % keys.length] as string) : key] = value;
          return JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 0, records: copy });
        });
      fc.assert(
        fc.property(fc.oneof(damaged, fc.string(), fc.json()), (text) => {
          const parsed = parseBackup(text);
          if (parsed.ok) return parsed.records.every((r) => parseRecord(r) !== null);
          if (parsed.reason === 'backupBadRecord') return parsed.index >= 1;
          return [
            'backupTooLarge',
            'backupNotJson',
            'backupNotOurs',
            'backupNewer',
            'backupTooMany',
          ].includes(parsed.reason);
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('found by the properties', () => {
  it('reads no status from names every object has ("valueOf", "__proto__", "constructor")', () => {
    for (const status of ['valueOf', '__proto__', 'constructor', 'toString']) {
      const body = {
        [api.envelope.code]: api.envelope.success[0],
        [api.envelope.data]: { dekaNo: '101/2569', netAmount: 0, payDate: '2026-06-10', status },
      };
      expect(parseRecordAnswer(api, P.statusTexts, body)).toEqual({ ok: false, reason: 'unreadable' });
    }
  });
});

describe('generated cases', () => {
  it('are at least 10,000 per property', () => {
    expect(RUNS.numRuns).toBeGreaterThanOrEqual(10_000);
  });
});
