import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { STATUS_KEY } from '../../components/Status';
import {
  BACKUP_FORMAT,
  CSV_COLUMNS,
  expiredRecords,
  mergeRecords,
  parseBackup,
  parseRecord,
  toBackup,
  toCsv,
} from '../../core/backup';
import { pageTranslator } from '../../core/i18n-pages';
import type { PaymentRecord } from '../../core/records';
import { record, T0 } from '../fixtures/records';

const DAY = 24 * 3600_000;
const t = pageTranslator('th');
const statusText = (r: PaymentRecord) => t(STATUS_KEY[r.status]);

const sample: PaymentRecord[] = [
  record({ id: 'a', ref: 'P-1' }),
  record({
    id: 'b',
    dekaNo: '102/2569',
    payee: 'บริษัท "ก้าวหน้า", จำกัด\nสาขา 2',
    amount: 5,
    status: 'created',
    voucherNo: 'PV2569-000123',
    voucherCreatedAt: T0 + 90_000,
    history: [
      { status: 'awaiting', at: T0, source: 'capture' },
      { status: 'created', at: T0 + 90_000, source: 'check' },
    ],
  }),
  record({
    id: 'c',
    dekaNo: '103/2569',
    payee: '=HYPERLINK("http://x")',
    amount: 99_999_999,
    status: 'failed',
    failureReason: 'งบประมาณไม่พอ',
    history: [{ status: 'failed', at: T0 + 60_000, source: 'list', reason: 'งบประมาณไม่พอ' }],
  }),
];

describe('CSV export', () => {
  const csv = toCsv(sample, t, statusText, 'th');

  it('starts with a BOM so Excel reads UTF-8 Thai, and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(sample.length + 2);
  });

  it('parses back (with an independent CSV parser) to the same data', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(CSV_COLUMNS.map((c) => t(c)));
    expect(rows).toHaveLength(sample.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    rows.forEach((row, i) => {
      const r = sample[i] as PaymentRecord;
      expect(row[col('csvDeka')]).toBe(r.dekaNo);
      expect(Math.round(Number(row[col('csvAmount')]) * 100)).toBe(r.amount);
      expect(row[col('csvPayDate')]).toBe(r.payDate);
      expect(row[col('csvStatus')]).toBe(statusText(r));
      expect(row[col('csvVoucherNo')]).toBe(r.voucherNo ?? '');
      expect(row[col('csvFailureReason')]).toBe(r.failureReason ?? '');
      expect(row[col('csvUnit')]).toBe(r.unit);
      expect(row[col('csvRef')]).toBe(r.ref ?? '');
    });
    // Quotes, commas and line breaks survive; a formula is defused with a leading apostrophe.
    expect(rows[1]?.[col('csvPayee')]).toBe(sample[1]?.payee);
    expect(rows[2]?.[col('csvPayee')]).toBe(`'${sample[2]?.payee}`);
    // Times in B.E., Bangkok time: 10 มิ.ย. 2569 10:01 for 03:01:30Z.
    expect(rows[1]?.[col('csvVoucherCreatedAt')]).toBe('10 มิ.ย. 2569 10:01');
  });

  it('writes the header in English for an English clerk', () => {
    const en = pageTranslator('en');
    expect(toCsv([], en, statusText, 'en')).toBe(`\uFEFF${CSV_COLUMNS.map((c) => en(c)).join(',')}\r\n`);
  });
});

describe('JSON backup', () => {
  it('round-trips every record exactly', () => {
    const parsed = parseBackup(toBackup(sample, T0));
    expect(parsed).toEqual({ ok: true, records: sample });
  });

  it('refuses what is not ours, newer, or broken, saying which record', () => {
    expect(parseBackup('not json')).toEqual({ ok: false, reason: 'backupNotJson' });
    expect(parseBackup('{"records":[]}')).toEqual({ ok: false, reason: 'backupNotOurs' });
    expect(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 99, records: [] }))).toEqual({
      ok: false,
      reason: 'backupNewer',
    });
    const bad = [sample[0], { ...sample[1], amount: -1 }, sample[2]];
    expect(parseBackup(JSON.stringify({ format: BACKUP_FORMAT, version: 1, records: bad }))).toEqual({
      ok: false,
      reason: 'backupBadRecord',
      index: 2,
    });
  });

  it('checks every field of a record', () => {
    const good = sample[1] as PaymentRecord;
    expect(parseRecord(good)).toEqual(good);
    const broken: Partial<Record<keyof PaymentRecord, unknown>>[] = [
      { origin: 'javascript:alert(1)' },
      { origin: 'https://laas.dla.go.th/path' },
      { status: 'done' },
      { voucherNo: '<img src=x>' },
      { payDate: '10/06/2569' },
      { fiscalYear: 1999 },
      { history: [] },
      { history: [{ status: 'created', at: 'soon', source: 'check' }] },
      { capturedFrom: 'magic' },
    ];
    for (const patch of broken) expect(parseRecord({ ...good, ...patch }), JSON.stringify(patch)).toBeNull();
    expect(parseRecord({ ...good, extra: 1 })).toBeNull();
  });
});

describe('merging a backup', () => {
  it('adds new records, takes newer news, keeps the rest, never duplicates', () => {
    const stored = [record({ id: 'a', ref: 'P-1' }), record({ id: 'b', dekaNo: '102/2569' })];
    const newerA = record({
      id: 'other-id-for-a',
      ref: 'P-1',
      status: 'created',
      voucherNo: 'PV-1',
      history: [
        { status: 'awaiting', at: T0, source: 'capture' },
        { status: 'created', at: T0 + 5000, source: 'check' },
      ],
    });
    const sameB = record({ id: 'b', dekaNo: '102/2569' });
    const newC = record({ id: 'c', dekaNo: '103/2569' });
    const m = mergeRecords(stored, [newerA, sameB, newC, newC]);
    expect(m).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
    expect(m.put.map((r) => r.id).sort()).toEqual(['a', 'c']);
    expect(m.put.find((r) => r.id === 'a')?.status).toBe('created');
    // Merging the same backup again changes nothing.
    const after = [...stored.filter((r) => r.id !== 'a'), ...m.put];
    expect(mergeRecords(after, [newerA, sameB, newC]).put).toEqual([]);
  });
});

describe('retention', () => {
  it('deletes finished records older than the period, never pending ones', () => {
    const old = T0 - 100 * DAY;
    const records = [
      record({
        id: 'pending-old',
        recordedAt: old,
        history: [{ status: 'awaiting', at: old, source: 'capture' }],
      }),
      record({
        id: 'created-old',
        status: 'created',
        recordedAt: old,
        history: [{ status: 'created', at: old, source: 'check' }],
      }),
      record({
        id: 'failed-recent',
        status: 'failed',
        recordedAt: old,
        history: [{ status: 'failed', at: T0, source: 'check' }],
      }),
    ];
    expect(expiredRecords(records, T0, 90)).toEqual(['created-old']);
    expect(expiredRecords(records, T0, 365)).toEqual([]);
  });
});
