/** What both designs show of a payment: list columns (by variant), status texts, JSON views. */
import { METHOD_TH, STATUS_TH, STATUS_TH_REWORDED } from '../model/labels';
import type { Payment, PaymentStatus } from '../model/types';
import type { Variant } from './context';
import { isoBangkok } from './format';

export type Column =
  | 'index'
  | 'payDate'
  | 'dekaNo'
  | 'payee'
  | 'amount'
  | 'status'
  | 'voucherNo'
  | 'voucherCreatedAt'
  | 'actions';

const DEFAULT_ORDER: Column[] = [
  'index',
  'payDate',
  'dekaNo',
  'payee',
  'amount',
  'status',
  'voucherNo',
  'voucherCreatedAt',
  'actions',
];
const REORDERED: Column[] = [
  'index',
  'voucherNo',
  'status',
  'dekaNo',
  'payDate',
  'amount',
  'payee',
  'voucherCreatedAt',
  'actions',
];

const LABELS: Record<Column, string> = {
  index: 'ลำดับ',
  payDate: 'วันที่จ่าย',
  dekaNo: 'ฎีกาเลขที่',
  payee: 'ผู้รับเงิน',
  amount: 'จำนวนเงิน',
  status: 'สถานะ',
  voucherNo: 'เลขที่ใบผ่านรายการจ่าย',
  voucherCreatedAt: 'วันเวลาที่สร้างใบผ่าน',
  actions: 'จัดการ',
};

const LABELS_REWORDED: Record<Column, string> = {
  ...LABELS,
  dekaNo: 'เลขที่ฎีกา',
  payee: 'ชื่อผู้รับเงิน',
  amount: 'จำนวนเงิน (บาท)',
  status: 'สถานะรายการ',
  voucherNo: 'เลขที่ใบผ่านฯ',
  voucherCreatedAt: 'วันที่สร้างใบผ่านฯ',
};

export function columns(variant: Variant): { key: Column; label: string }[] {
  const order = variant === 'reordered' ? REORDERED : DEFAULT_ORDER;
  const labels = variant === 'reworded' ? LABELS_REWORDED : LABELS;
  return order.map((key) => ({ key, label: labels[key] }));
}

export function statusText(status: PaymentStatus, variant: Variant): string {
  return (variant === 'reworded' ? STATUS_TH_REWORDED : STATUS_TH)[status];
}

export const STATUS_CODE: Record<PaymentStatus, string> = {
  awaiting: 'AWAITING',
  processing: 'PROCESSING',
  created: 'CREATED',
  failed: 'FAILED',
  cancelled: 'CANCELLED',
};

export function statusFromCode(code: string | null): PaymentStatus | undefined {
  const entry = Object.entries(STATUS_CODE).find(([, c]) => c === code);
  return entry?.[0] as PaymentStatus | undefined;
}

const toBaht = (satang: number) => satang / 100;

/** A payment as design A's API returns it. The reworded variant renames some fields. */
export function paymentJson(p: Payment, variant: Variant): Record<string, unknown> {
  const reworded = variant === 'reworded';
  return {
    id: p.id,
    ref: p.ref,
    [reworded ? 'requestNo' : 'dekaNo']: p.dekaNo,
    fiscalYear: p.fiscalYear,
    payee: p.payee,
    amount: toBaht(p.amount),
    withholdingTax: toBaht(p.withholdingTax),
    netAmount: toBaht(p.netAmount),
    payDate: p.payDate,
    paymentMethod: p.method.toUpperCase(),
    paymentMethodName: METHOD_TH[p.method],
    bankAccountNo: p.bankAccount,
    chequeNo: p.chequeNo,
    recordedBy: p.recordedBy,
    recordedAt: isoBangkok(p.recordedAt),
    status: STATUS_CODE[p.status],
    statusName: statusText(p.status, variant),
    [reworded ? 'pvNo' : 'voucherNo']: p.voucherNo,
    voucherCreatedAt: p.voucherCreatedAt === null ? null : isoBangkok(p.voucherCreatedAt),
    failureReason: p.failureReason,
  };
}
