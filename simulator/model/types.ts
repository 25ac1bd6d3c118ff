/** The simulator's model of New e-LAAS payments. Plain data; amounts in satang (integers). */

export type Role = 'finance-officer' | 'finance-director' | 'admin';

export interface Unit {
  id: string;
  name: string;
  province: string;
}

export interface User {
  username: string;
  password: string;
  displayName: string;
  unitId: string;
  role: Role;
}

export interface Deka {
  /** ฎีกาเลขที่, running per unit and fiscal year: 123/2569. */
  no: string;
  unitId: string;
  fiscalYear: number;
  payee: string;
  /** Gross amount in satang. */
  amount: number;
  budgetLine: string;
  approvedOn: string;
}

export type PaymentStatus = 'awaiting' | 'processing' | 'created' | 'failed' | 'cancelled';
export type PaymentMethod = 'cheque' | 'transfer';

export interface StatusChange {
  status: PaymentStatus;
  /** Simulated time, ms since the epoch. */
  at: number;
  reason?: string;
}

export interface Payment {
  id: string;
  /** e-LAAS' reference for the recorded payment: PAY2569-000001. */
  ref: string;
  unitId: string;
  fiscalYear: number;
  dekaNo: string;
  payee: string;
  amount: number;
  withholdingTax: number;
  netAmount: number;
  /** วันที่จ่าย, YYYY-MM-DD (Gregorian). */
  payDate: string;
  method: PaymentMethod;
  bankAccount: string;
  chequeNo: string | null;
  recordedBy: string;
  recordedAt: number;
  status: PaymentStatus;
  voucherNo: string | null;
  voucherCreatedAt: number | null;
  failureReason: string | null;
  history: StatusChange[];
}

export interface BankAccount {
  no: string;
  name: string;
  unitId: string;
}

export type Scenario = 'normal' | 'month-end' | 'year-end';
/** `auto` follows the simulated date against the change; the others force a mode. */
export type ModeSetting = 'auto' | 'before' | 'after';
