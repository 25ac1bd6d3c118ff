/**
 * The practice e-LAAS: บันทึกการจ่ายเงิน, รายการจ่ายเงิน and a voucher, drawn from the simulator's
 * model in the page. Its markup follows the simulator's pages (and so what the extension's site
 * profile reads): the real overlay sits on top of it exactly as on e-LAAS. Like e-LAAS, the
 * payments list does not update itself: รีเฟรช draws it again.
 */
import { useState } from 'preact/hooks';
import { METHOD_TH, STATUS_TH } from '../../simulator/model/labels';
import type { Deka, Payment } from '../../simulator/model/types';
import { baht, bangkokIsoDay, dateTimeBE, dayBE, parseBaht, parseDayBE } from '../../simulator/web/format';
import type { World } from './world';

export const ROUTES = {
  record: '#/expenditure/payment/record',
  list: '#/expenditure/payments',
  voucher: '#/expenditure/vouchers/',
} as const;

function Field(p: { label: string; name: string; error?: string; children: preact.ComponentChildren }) {
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      {p.children}
      {p.error ? (
        <span class="field-error" id={`${p.name}-error`}>
          {p.error}
        </span>
      ) : null}
    </div>
  );
}

function RecordPage({ world }: { world: World }) {
  const [deka, setDeka] = useState<Deka | null>(null);
  const [saved, setSaved] = useState<Payment | null>(null);
  const [error, setError] = useState<{ message: string; errors: Record<string, string> } | null>(null);
  const accounts = world.sim.bankAccounts.filter((b) => b.unitId === world.unitId);
  const dekas = world.dekas();

  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '');
    const result = world.record({
      dekaNo: text('dekaNo'),
      payDate: parseDayBE(text('payDate')) ?? '',
      method: text('method'),
      bankAccount: text('bankAccount'),
      chequeNo: text('chequeNo') || null,
      withholdingTax: parseBaht(text('withholdingTax')) ?? -1,
      netAmount: parseBaht(text('netAmount')) ?? -1,
    });
    if (result.ok) {
      setError(null);
      setDeka(null);
      setSaved(result.value);
    } else setError({ message: result.message, errors: result.errors ?? {} });
  };

  return (
    <>
      <h1>บันทึกการจ่ายเงิน</h1>
      <section aria-labelledby="deka-heading">
        <h2 id="deka-heading">ฎีกาที่อนุมัติแล้ว รอจ่ายเงิน</h2>
        <ul id="deka-results" class="deka-list">
          {dekas.map((d) => (
            <li key={d.no}>
              <button
                type="button"
                class="link select-deka"
                onClick={() => {
                  setDeka(d);
                  setError(null);
                }}
              >
                {d.no}
              </button>{' '}
              {d.payee} {baht(d.amount)} บาท
            </li>
          ))}
        </ul>
      </section>
      {deka ? (
        <form id="payment-form" onSubmit={submit} noValidate>
          <input type="hidden" name="dekaNo" value={deka.no} />
          <fieldset>
            <legend>บันทึกการจ่ายเงิน ฎีกาเลขที่ {deka.no}</legend>
            <p class="deka-info">
              ผู้รับเงิน <strong id="payee-name">{deka.payee}</strong> จำนวนเงินตามฎีกา{' '}
              <strong id="deka-amount">{baht(deka.amount)}</strong> บาท
            </p>
            {error ? (
              <p class="form-error" role="alert">
                {error.message}
              </p>
            ) : null}
            <Field label="วันที่จ่าย" name="payDate" error={error?.errors.payDate}>
              <input id="payDate" name="payDate" value={dayBE(bangkokIsoDay(world.now()))} />
            </Field>
            <Field label="วิธีการจ่าย" name="method" error={error?.errors.method}>
              <select id="method" name="method">
                {(['transfer', 'cheque'] as const).map((m) => (
                  <option key={m} value={m}>
                    {METHOD_TH[m]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="บัญชีเงินฝากธนาคาร" name="bankAccount" error={error?.errors.bankAccount}>
              <select id="bankAccount" name="bankAccount">
                {accounts.map((b) => (
                  <option key={b.no} value={b.no}>
                    {b.no} {b.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="ภาษีหัก ณ ที่จ่าย" name="withholdingTax" error={error?.errors.withholdingTax}>
              <input id="withholdingTax" name="withholdingTax" value="0.00" />
            </Field>
            <Field label="จำนวนเงินสุทธิ" name="netAmount" error={error?.errors.netAmount}>
              <input id="netAmount" name="netAmount" value={baht(deka.amount)} />
            </Field>
          </fieldset>
          <div class="buttons">
            <button type="submit" id="save">
              บันทึก
            </button>
            <button type="button" onClick={() => setDeka(null)}>
              ยกเลิก
            </button>
          </div>
        </form>
      ) : null}
      {saved ? <SavedDialog payment={saved} onClose={() => setSaved(null)} /> : null}
    </>
  );
}

function SavedDialog({ payment, onClose }: { payment: Payment; onClose: () => void }) {
  const atOnce = payment.status === 'created' && payment.history.length === 1;
  return (
    <div class="modal-backdrop">
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="dlg-title" id="result-dialog">
        <h2 id="dlg-title">สำเร็จ</h2>
        {atOnce ? (
          <>
            <p>บันทึกข้อมูลสำเร็จ</p>
            <p>
              เลขที่ใบผ่านรายการจ่าย <strong class="voucher-no">{payment.voucherNo}</strong>
            </p>
          </>
        ) : (
          <>
            <p>บันทึกการจ่ายเงินเรียบร้อยแล้ว</p>
            <p>
              ระบบอยู่ระหว่างประมวลผลและจะสร้างใบผ่านรายการจ่ายภายหลัง สถานะ:{' '}
              <strong class="status">{STATUS_TH.awaiting}</strong>
            </p>
            <p>
              เลขที่อ้างอิง <strong class="payment-ref">{payment.ref}</strong>
            </p>
          </>
        )}
        {/* biome-ignore lint/a11y/noAutofocus: e-LAAS' dialog takes the focus, as dialogs should. */}
        <button type="button" id="dlg-ok" onClick={onClose} autoFocus>
          ตกลง
        </button>
      </div>
    </div>
  );
}

const COLUMNS: [keyof Payment | 'index', string][] = [
  ['index', 'ลำดับ'],
  ['payDate', 'วันที่จ่าย'],
  ['dekaNo', 'ฎีกาเลขที่'],
  ['payee', 'ผู้รับเงิน'],
  ['netAmount', 'จำนวนเงิน'],
  ['status', 'สถานะ'],
  ['voucherNo', 'เลขที่ใบผ่านรายการจ่าย'],
  ['voucherCreatedAt', 'วันเวลาที่สร้างใบผ่าน'],
];

function cell(p: Payment, i: number, key: (typeof COLUMNS)[number][0]) {
  switch (key) {
    case 'index':
      return i + 1;
    case 'payDate':
      return dayBE(p.payDate);
    case 'netAmount':
      return baht(p.netAmount);
    case 'status':
      return (
        <>
          <span class={`status status-${p.status}`}>{STATUS_TH[p.status]}</span>
          {p.failureReason ? (
            <>
              <br />
              <small class="reason">{p.failureReason}</small>
            </>
          ) : null}
        </>
      );
    case 'voucherNo':
      return p.voucherNo ? (
        <a href={`${ROUTES.voucher}${encodeURIComponent(p.voucherNo)}`}>{p.voucherNo}</a>
      ) : (
        '-'
      );
    case 'voucherCreatedAt':
      return p.voucherCreatedAt ? dateTimeBE(p.voucherCreatedAt) : '-';
    default:
      return String(p[key] ?? '');
  }
}

function ListPage({ world }: { world: World }) {
  // Drawn when opened and on รีเฟรช only, like e-LAAS.
  const [rows, setRows] = useState(() => world.payments().slice().reverse());
  return (
    <>
      <h1>รายการจ่ายเงิน</h1>
      <div class="buttons">
        <button type="button" id="refresh" onClick={() => setRows(world.payments().slice().reverse())}>
          รีเฟรช
        </button>
      </div>
      <table class="grid" id="payment-list">
        <thead>
          <tr>
            {COLUMNS.map(([key, label]) => (
              <th key={key} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length}>ไม่พบข้อมูล</td>
            </tr>
          ) : null}
          {rows.map((p, i) => (
            <tr key={p.id} data-payment-id={p.id}>
              {COLUMNS.map(([key]) => (
                <td key={key} class={`col-${key}`}>
                  {cell(p, i, key)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function VoucherPage({ world, voucherNo }: { world: World; voucherNo: string }) {
  const p = world.payments().find((x) => x.voucherNo === voucherNo);
  return (
    <>
      <h1>ใบผ่านรายการจ่ายเลขที่ {voucherNo}</h1>
      {p ? (
        <dl class="voucher">
          <dt>ฎีกาเลขที่</dt>
          <dd>{p.dekaNo}</dd>
          <dt>ผู้รับเงิน</dt>
          <dd>{p.payee}</dd>
          <dt>จำนวนเงิน</dt>
          <dd>{baht(p.netAmount)} บาท</dd>
          <dt>วันเวลาที่สร้างใบผ่าน</dt>
          <dd>{p.voucherCreatedAt ? dateTimeBE(p.voucherCreatedAt) : '-'}</dd>
        </dl>
      ) : (
        <p>ไม่พบใบผ่านรายการจ่าย</p>
      )}
    </>
  );
}

/** The whole practice e-LAAS for the route in the address's hash. */
export function Replica({ world, route }: { world: World; route: string }) {
  const page = route.startsWith(ROUTES.voucher) ? (
    <VoucherPage
      world={world}
      voucherNo={decodeURIComponent(route.slice(ROUTES.voucher.length).split('?')[0] ?? '')}
    />
  ) : route.startsWith(ROUTES.list) ? (
    <ListPage key={route} world={world} />
  ) : (
    <RecordPage world={world} />
  );
  return (
    <div class="elaas">
      <nav class="elaas-top" aria-label="New e-LAAS">
        <div class="navbar">
          <span class="brand">New e-LAAS</span>
          <span class="unit" data-current-unit={world.unitName}>
            {world.unitName}
          </span>
          <span class="user-name" data-current-user={world.userName}>
            {world.userName}
          </span>
        </div>
        <div class="menu">
          <a href={ROUTES.record} aria-current={route.startsWith(ROUTES.record) ? 'page' : undefined}>
            บันทึกการจ่ายเงิน
          </a>
          <a href={ROUTES.list} aria-current={route.startsWith(ROUTES.list) ? 'page' : undefined}>
            รายการจ่ายเงิน
          </a>
        </div>
      </nav>
      <main>{page}</main>
    </div>
  );
}
