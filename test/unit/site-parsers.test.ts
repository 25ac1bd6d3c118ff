import { describe, expect, it } from 'vitest';
import { listRequestUrl, parseListAnswer, parseRecordAnswer } from '../../site/parse-api';
import { readListTable } from '../../site/parse-list';
import { DEFAULT_PROFILE as P } from '../../site/profile';
import { fiscalYearOfDay, parseAmount, parseCode, parseDateTime, parseDay } from '../../site/values';

describe('values as e-LAAS writes them', () => {
  it('reads amounts in Thai or Arabic digits, with commas, baht signs and satang', () => {
    expect(parseAmount('1,234.50')).toBe(123450);
    expect(parseAmount('฿๑,๒๓๔.๕')).toBe(123450);
    expect(parseAmount('12,500 บาท')).toBe(1250000);
    expect(parseAmount(45121.74)).toBe(4512174);
    for (const bad of ['', '-5', '1.234', 'abc', '1,2,3.4.5', null, Number.NaN, -1])
      expect(parseAmount(bad)).toBeNull();
  });
  it('reads days in B.E. or C.E., Thai or Arabic digits', () => {
    expect(parseDay('10/06/2569')).toBe('2026-06-10');
    expect(parseDay('๑๐/๐๖/๒๕๖๙')).toBe('2026-06-10');
    expect(parseDay('2026-06-10T09:00:00+07:00')).toBe('2026-06-10');
    expect(parseDay('1/6/2026')).toBe('2026-06-01');
    expect(parseDay('31/02/2569')).toBeNull();
    expect(parseDay('พรุ่งนี้')).toBeNull();
  });
  it('reads times in Bangkok', () => {
    expect(parseDateTime('2026-06-10T14:05:00+07:00')).toBe(Date.parse('2026-06-10T07:05:00Z'));
    expect(parseDateTime('10/06/2569 14:05')).toBe(Date.parse('2026-06-10T07:05:00Z'));
    expect(parseDateTime('-')).toBeNull();
  });
  it('knows the fiscal year and refuses markup in codes', () => {
    expect(fiscalYearOfDay('2026-09-30')).toBe(2569);
    expect(fiscalYearOfDay('2026-10-01')).toBe(2570);
    expect(parseCode(' PV2569-๐๐๐๐๐๑ ')).toBe('PV2569-000001');
    expect(parseCode('<img src=x>')).toBeNull();
    expect(parseCode('x'.repeat(65))).toBeNull();
  });
});

const apiPayment = {
  id: 'p000001',
  ref: 'PAY2569-000001',
  dekaNo: '101/2569',
  fiscalYear: 2569,
  payee: 'ร้านศรีสุขการค้า',
  amount: 1250,
  netAmount: 1237.5,
  payDate: '2026-06-10',
  status: 'AWAITING',
  statusName: 'รอประมวลผล',
  voucherNo: null,
  voucherCreatedAt: null,
  failureReason: null,
};

describe('the JSON API through the profile', () => {
  it('reads the answer to recording a payment', () => {
    const r = parseRecordAnswer(P.api, P.statusTexts, { code: 'S', message: 'ok', data: apiPayment });
    expect(r).toEqual({
      ok: true,
      value: {
        elaasId: 'p000001',
        ref: 'PAY2569-000001',
        dekaNo: '101/2569',
        payee: 'ร้านศรีสุขการค้า',
        amount: 123750,
        payDate: '2026-06-10',
        fiscalYear: 2569,
        status: 'awaiting',
        voucherNo: null,
        voucherCreatedAt: null,
      },
    });
  });
  it('says why it cannot: refused by e-LAAS, or unreadable', () => {
    expect(parseRecordAnswer(P.api, P.statusTexts, { code: 'E', message: 'กรุณาตรวจสอบข้อมูลให้ถูกต้อง' })).toEqual(
      {
        ok: false,
        reason: 'refused',
        message: 'กรุณาตรวจสอบข้อมูลให้ถูกต้อง',
      },
    );
    for (const junk of [
      null,
      'x',
      [],
      { code: 1 },
      { code: 'S', data: { ...apiPayment, status: 'WEIRD' } },
      { code: 'S', data: { ...apiPayment, dekaNo: '' } },
    ]) {
      expect(parseRecordAnswer(P.api, P.statusTexts, junk)).toMatchObject({
        ok: false,
        reason: 'unreadable',
      });
    }
  });
  it('reads a list page, skipping rows it cannot read', () => {
    const created = {
      ...apiPayment,
      id: 'p2',
      status: 'CREATED',
      voucherNo: 'PV2569-000007',
      voucherCreatedAt: '2026-06-10T10:02:00+07:00',
    };
    const r = parseListAnswer(P.api, P.statusTexts, {
      code: 'S',
      data: { rows: [apiPayment, created, { nope: 1 }], total: 3 },
    });
    expect(r.ok && r.value.rows.map((x) => [x.elaasId, x.status, x.voucherNo, x.voucherCreatedAt])).toEqual([
      ['p000001', 'awaiting', null, null],
      ['p2', 'created', 'PV2569-000007', Date.parse('2026-06-10T03:02:00Z')],
    ]);
    expect(r.ok && r.value.skipped).toBe(1);
    expect(parseListAnswer(P.api, P.statusTexts, { code: 'S', data: {} })).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
  });
  it('builds the status request from the profile only', () => {
    expect(listRequestUrl(P.api, 'https://laas.dla.go.th', '2026-06-09', 2569, 2)).toBe(
      'https://laas.dla.go.th/api/v1/expenditure/payments?dateFrom=2026-06-09&fiscalYear=2569&page=2&size=100',
    );
  });
});

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.body.innerHTML = html; // test fixture only
  return d;
}

describe('the payments list page', () => {
  const table = (headers: string[], cells: string[][]) =>
    `<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${cells
      .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;

  it('finds columns by header text in any order, with Thai digits', () => {
    const html = table(
      ['ลำดับ', 'เลขที่ใบผ่านรายการจ่าย', 'สถานะ', 'ฎีกาเลขที่', 'วันที่จ่าย', 'จำนวนเงิน', 'ผู้รับเงิน'],
      [
        [
          '1',
          '<a href="/voucher/PV2569-000001">PV2569-000001</a>',
          '<span class="status">สร้างใบผ่านรายการจ่ายแล้ว</span>',
          '๑๐๑/๒๕๖๙',
          '๑๐/๐๖/๒๕๖๙',
          '1,237.50',
          'ร้าน',
        ],
        [
          '2',
          '-',
          '<span>ประมวลผลไม่สำเร็จ</span><br><small class="reason">งบประมาณคงเหลือไม่เพียงพอ</small>',
          '102/2569',
          '10/06/2569',
          '5.00',
          'ร้าน',
        ],
        ['3', '-', 'สถานะใหม่ที่ไม่รู้จัก', '103/2569', '10/06/2569', '5.00', 'ร้าน'],
      ],
    );
    const t = readListTable(P.listPage, P.statusTexts, doc(html));
    expect(
      t?.rows.map(
        (r) =>
          r.row && [
            r.row.dekaNo,
            r.row.status,
            r.row.voucherNo,
            r.row.amount,
            r.row.payDate,
            r.row.failureReason,
          ],
      ),
    ).toEqual([
      ['101/2569', 'created', 'PV2569-000001', 123750, '2026-06-10', null],
      ['102/2569', 'failed', null, 500, '2026-06-10', 'งบประมาณคงเหลือไม่เพียงพอ'],
      null,
    ]);
    expect(t?.rows[0]?.voucherHref).toBe('/voucher/PV2569-000001');
  });

  it('reads only the rows of the ฎีกา asked for, in Thai or Arabic digits, not nested or header rows', () => {
    const headers = ['ฎีกาเลขที่', 'สถานะ', 'จำนวนเงิน'];
    const nested = `<table><tr><td>201/2569</td><td>รอประมวลผล</td></tr></table>`;
    const html = table(headers, [
      ['201/2569', 'รอประมวลผล', '1.00'],
      ['202/2569', 'รอประมวลผล', '2.00'],
      [' ๒๐๓ / ๒๕๖๙ ', 'สร้างใบผ่านรายการจ่ายแล้ว', '3.00'],
      ['204/2569', `อยู่ระหว่างประมวลผล ${nested}`, '4.00'],
    ]);
    const t = readListTable(
      P.listPage,
      P.statusTexts,
      doc(html),
      new Set(['201/2569', '203 / 2569', 'ฎีกาเลขที่', '999/2569']),
    );
    expect(t?.rows.map((r) => [r.row?.dekaNo, r.row?.status, r.row?.amount])).toEqual([
      ['201/2569', 'awaiting', 100],
      ['203 / 2569', 'created', 300],
    ]);
    expect(readListTable(P.listPage, P.statusTexts, doc(html), new Set())?.rows).toEqual([]);
  });

  it('says it cannot read a page without the columns it needs', () => {
    expect(
      readListTable(P.listPage, P.statusTexts, doc(table(['เลขที่ฎีกา', 'สถานะรายการ'], [['1', '2']]))),
    ).toBeNull();
    expect(readListTable({ ...P.listPage, table: '!!' }, P.statusTexts, doc('<table></table>'))).toBeNull();
  });
});
