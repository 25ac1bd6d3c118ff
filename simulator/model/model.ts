/**
 * The e-LAAS payment model: recording payments against approved ฎีกา, and, after the
 * 10 June 2569 change, processing them in a queue with limited workers before the voucher
 * exists. Pure TypeScript: no I/O, and time always comes in as `now` (simulated ms).
 * The training sandbox runs this same module in the page.
 */
import { DUPLICATE_REASON, FAILURE_REASONS } from './labels';
import { createRandom, type Random } from './random';
import { BANK_ACCOUNTS, seedDekas, UNITS, USERS } from './seed';
import type {
  BankAccount,
  Deka,
  ModeSetting,
  Payment,
  PaymentMethod,
  PaymentStatus,
  Scenario,
  Unit,
  User,
} from './types';

/** 10 June 2569 (2026) 00:00 in Bangkok, as UTC ms. */
export const CHANGE_EFFECTIVE_AT = Date.UTC(2026, 5, 9, 17, 0, 0);

export interface ScenarioSpec {
  workers: number;
  /** Wait before a worker may pick the payment up, ms [min, max]. */
  pickupMs: [number, number];
  /** Processing time per payment, ms [min, max]. */
  processMs: [number, number];
}

/** Normal: seconds. Month-end: minutes. Fiscal year-end (25–30 September): hours. */
export const SCENARIOS: Record<Scenario, ScenarioSpec> = {
  normal: { workers: 4, pickupMs: [1_000, 4_000], processMs: [2_000, 8_000] },
  'month-end': { workers: 2, pickupMs: [20_000, 90_000], processMs: [60_000, 240_000] },
  'year-end': { workers: 1, pickupMs: [5 * 60_000, 20 * 60_000], processMs: [15 * 60_000, 75 * 60_000] },
};

interface Job {
  paymentId: string;
  readyAt: number;
}

interface Worker {
  /** When the current job ends, or when the worker became free. */
  busyUntil: number;
  paymentId: string | null;
  failure: string | null;
}

export interface SimConfig {
  scenario: Scenario;
  mode: ModeSetting;
  /** Probability (0–1) that processing fails. */
  failureRate: number;
  /** The next N payments to be processed fail, whatever the rate. */
  failNext: number;
}

export interface SimState {
  units: Unit[];
  users: User[];
  bankAccounts: BankAccount[];
  dekas: Deka[];
  payments: Payment[];
  byId: Map<string, Payment>;
  queue: Job[];
  workers: Worker[];
  config: SimConfig;
  paymentSeq: number;
  voucherSeq: Map<string, number>;
  /** When the last job started: jobs start in order, never before an earlier one. */
  lastStart: number;
  /** `unitId|dekaNo` of every ฎีกา with a created, uncancelled voucher (an index). */
  paid: Set<string>;
  rnd: Random;
}

export interface RecordInput {
  dekaNo: string;
  payDate: string;
  method: PaymentMethod | string;
  bankAccount: string;
  chequeNo?: string | null;
  /** Satang. */
  withholdingTax: number;
  /** Satang. */
  netAmount: number;
}

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; errors?: Record<string, string> };

export interface CreateOptions {
  seed?: number;
  /** Fiscal years (B.E.) to seed ฎีกา for; default 2569. */
  fiscalYears?: number[];
  dekasPerUnit?: number;
  config?: Partial<SimConfig>;
}

export function createSimulation(options: CreateOptions = {}): SimState {
  const config: SimConfig = {
    scenario: 'normal',
    mode: 'auto',
    failureRate: 0,
    failNext: 0,
    ...options.config,
  };
  return {
    units: UNITS,
    users: USERS,
    bankAccounts: BANK_ACCOUNTS,
    dekas: (options.fiscalYears ?? [2569]).flatMap((fy, i) =>
      seedDekas(fy, options.dekasPerUnit ?? 40, (options.seed ?? 2569) + i),
    ),
    payments: [],
    byId: new Map(),
    queue: [],
    workers: Array.from({ length: SCENARIOS[config.scenario].workers }, () => ({
      busyUntil: 0,
      paymentId: null,
      failure: null,
    })),
    config,
    paymentSeq: 0,
    voucherSeq: new Map(),
    lastStart: 0,
    paid: new Set(),
    rnd: createRandom(options.seed ?? 2569),
  };
}

/** Before the change vouchers are created at once; after it, later. */
export function effectiveMode(state: SimState, now: number): 'before' | 'after' {
  if (state.config.mode !== 'auto') return state.config.mode;
  return now >= CHANGE_EFFECTIVE_AT ? 'after' : 'before';
}

export function setScenario(state: SimState, scenario: Scenario): void {
  state.config.scenario = scenario;
  const want = SCENARIOS[scenario].workers;
  while (state.workers.length < want) state.workers.push({ busyUntil: 0, paymentId: null, failure: null });
  // Busy workers finish their job first; only idle ones leave.
  for (let i = state.workers.length - 1; i >= 0 && state.workers.length > want; i--) {
    if (state.workers[i]?.paymentId === null) state.workers.splice(i, 1);
  }
}

function transition(p: Payment, status: PaymentStatus, at: number, reason?: string): void {
  p.status = status;
  p.history.push(reason ? { status, at, reason } : { status, at });
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function nextVoucherNo(state: SimState, p: Payment): string {
  const key = `${p.unitId}|${p.fiscalYear}`;
  const n = (state.voucherSeq.get(key) ?? 0) + 1;
  state.voucherSeq.set(key, n);
  return `PV${p.fiscalYear}-${pad(n, 6)}`;
}

/** The ฎีกา already has its voucher (a created, uncancelled payment). */
function dekaPaid(state: SimState, unitId: string, dekaNo: string): boolean {
  return state.paid.has(`${unitId}|${dekaNo}`);
}

function createVoucher(state: SimState, p: Payment, at: number): void {
  state.paid.add(`${p.unitId}|${p.dekaNo}`);
  p.voucherNo = nextVoucherNo(state, p);
  p.voucherCreatedAt = at;
  p.failureReason = null;
  transition(p, 'created', at);
}

/** Run the processing queue up to `now`: every pick-up and completion in time order. */
export function advance(state: SimState, now: number): void {
  for (;;) {
    let finishing: Worker | null = null;
    for (const w of state.workers) {
      if (w.paymentId !== null && w.busyUntil <= now && (!finishing || w.busyUntil < finishing.busyUntil)) {
        finishing = w;
      }
    }
    let starter: Worker | null = null;
    let startAt = Number.POSITIVE_INFINITY;
    const head = state.queue[0];
    if (head) {
      for (const w of state.workers) {
        if (w.paymentId !== null) continue;
        const at = Math.max(w.busyUntil, head.readyAt, state.lastStart);
        if (at < startAt) {
          startAt = at;
          starter = w;
        }
      }
    }
    const finishAt = finishing ? finishing.busyUntil : Number.POSITIVE_INFINITY;
    if (finishing && finishAt <= startAt && finishAt <= now) {
      finish(state, finishing);
    } else if (starter && head && startAt <= now) {
      state.queue.shift();
      start(state, starter, head, startAt);
    } else {
      return;
    }
  }
}

function start(state: SimState, w: Worker, job: Job, at: number): void {
  const p = state.byId.get(job.paymentId);
  state.lastStart = at;
  if (p?.status !== 'awaiting') return; // cancelled while waiting
  const spec = SCENARIOS[state.config.scenario];
  let failure: string | null = null;
  if (state.config.failNext > 0) {
    state.config.failNext -= 1;
    failure = state.rnd.pick(FAILURE_REASONS);
  } else if (state.rnd.next() < state.config.failureRate) {
    failure = state.rnd.pick(FAILURE_REASONS);
  }
  w.paymentId = p.id;
  w.failure = failure;
  w.busyUntil = at + Math.round(state.rnd.between(spec.processMs[0], spec.processMs[1]));
  transition(p, 'processing', at);
}

function finish(state: SimState, w: Worker): void {
  const p = state.byId.get(w.paymentId ?? '');
  const at = w.busyUntil;
  const failure = w.failure;
  w.paymentId = null;
  w.failure = null;
  if (p?.status !== 'processing') return;
  if (failure) {
    p.failureReason = failure;
    transition(p, 'failed', at, failure);
  } else if (dekaPaid(state, p.unitId, p.dekaNo)) {
    const reason = DUPLICATE_REASON(p.dekaNo);
    p.failureReason = reason;
    transition(p, 'failed', at, reason);
  } else {
    createVoucher(state, p, at);
  }
}

function findUser(state: SimState, username: string): User | undefined {
  return state.users.find((u) => u.username === username);
}

export function authenticate(state: SimState, username: string, password: string): User | null {
  const user = findUser(state, username);
  return user && user.password === password ? user : null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function validate(
  state: SimState,
  user: User,
  input: RecordInput,
  deka: Deka | undefined,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!deka) errors.dekaNo = 'ไม่พบฎีกาเลขที่นี้ในรายการฎีกาค้างจ่าย';
  if (!ISO_DAY.test(input.payDate) || Number.isNaN(Date.parse(input.payDate)))
    errors.payDate = 'กรุณาระบุวันที่จ่าย';
  if (input.method !== 'cheque' && input.method !== 'transfer') errors.method = 'กรุณาเลือกวิธีการจ่าย';
  if (!state.bankAccounts.some((b) => b.unitId === user.unitId && b.no === input.bankAccount)) {
    errors.bankAccount = 'กรุณาเลือกบัญชีเงินฝากธนาคาร';
  }
  if (input.method === 'cheque' && !/^\d{7,10}$/.test(input.chequeNo ?? '')) {
    errors.chequeNo = 'กรุณาระบุเลขที่เช็ค (ตัวเลข 7–10 หลัก)';
  }
  if (
    !Number.isInteger(input.withholdingTax) ||
    input.withholdingTax < 0 ||
    (deka && input.withholdingTax > deka.amount)
  ) {
    errors.withholdingTax = 'ภาษีหัก ณ ที่จ่ายไม่ถูกต้อง';
  }
  if (deka && !errors.withholdingTax && input.netAmount !== deka.amount - input.withholdingTax) {
    errors.netAmount = 'จำนวนเงินสุทธิไม่เท่ากับจำนวนเงินตามฎีกาหักภาษี ณ ที่จ่าย';
  }
  return errors;
}

/** บันทึกการจ่ายเงิน. After the change the voucher comes later; before it, at once. */
export function recordPayment(
  state: SimState,
  username: string,
  input: RecordInput,
  now: number,
): Result<Payment> {
  advance(state, now);
  const user = findUser(state, username);
  if (!user) return { ok: false, message: 'ไม่พบผู้ใช้งาน' };
  const deka = state.dekas.find((d) => d.unitId === user.unitId && d.no === input.dekaNo);
  const errors = validate(state, user, input, deka);
  if (Object.keys(errors).length > 0 || !deka) {
    return { ok: false, message: 'กรุณาตรวจสอบข้อมูลให้ถูกต้อง', errors };
  }
  const mode = effectiveMode(state, now);
  const blocking = state.payments.some(
    (p) =>
      p.unitId === user.unitId &&
      p.dekaNo === deka.no &&
      (p.status === 'created' ||
        (mode === 'before' && (p.status === 'awaiting' || p.status === 'processing'))),
  );
  if (blocking) {
    return { ok: false, message: `ฎีกาเลขที่ ${deka.no} บันทึกการจ่ายเงินแล้ว`, errors: { dekaNo: 'ฎีกานี้จ่ายเงินแล้ว' } };
  }
  state.paymentSeq += 1;
  const fy = deka.fiscalYear;
  const p: Payment = {
    id: `p${pad(state.paymentSeq, 6)}`,
    ref: `PAY${fy}-${pad(state.paymentSeq, 6)}`,
    unitId: user.unitId,
    fiscalYear: fy,
    dekaNo: deka.no,
    payee: deka.payee,
    amount: deka.amount,
    withholdingTax: input.withholdingTax,
    netAmount: input.netAmount,
    payDate: input.payDate,
    method: input.method as PaymentMethod,
    bankAccount: input.bankAccount,
    chequeNo: input.method === 'cheque' ? (input.chequeNo ?? null) : null,
    recordedBy: user.username,
    recordedAt: now,
    status: 'awaiting',
    voucherNo: null,
    voucherCreatedAt: null,
    failureReason: null,
    history: [],
  };
  state.payments.push(p);
  state.byId.set(p.id, p);
  if (mode === 'before') {
    createVoucher(state, p, now);
  } else {
    transition(p, 'awaiting', now);
    const spec = SCENARIOS[state.config.scenario];
    state.queue.push({
      paymentId: p.id,
      readyAt: now + Math.round(state.rnd.between(spec.pickupMs[0], spec.pickupMs[1])),
    });
  }
  return { ok: true, value: p };
}

/** ยกเลิก: possible while awaiting, after a failure, or after the voucher exists; not mid-processing. */
export function cancelPayment(state: SimState, username: string, id: string, now: number): Result<Payment> {
  advance(state, now);
  const user = findUser(state, username);
  const p = state.byId.get(id);
  if (!user || !p || p.unitId !== user.unitId) return { ok: false, message: 'ไม่พบรายการจ่ายเงิน' };
  if (p.status === 'processing') return { ok: false, message: 'รายการอยู่ระหว่างประมวลผล ไม่สามารถยกเลิกได้' };
  if (p.status === 'cancelled') return { ok: false, message: 'รายการนี้ถูกยกเลิกแล้ว' };
  state.queue = state.queue.filter((j) => j.paymentId !== id);
  if (p.status === 'created') state.paid.delete(`${p.unitId}|${p.dekaNo}`);
  transition(p, 'cancelled', now);
  return { ok: true, value: p };
}

export interface ListFilter {
  fiscalYear?: number;
  status?: PaymentStatus;
  /** payDate range, YYYY-MM-DD inclusive. */
  from?: string;
  to?: string;
  dekaNo?: string;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

function paginate<T>(items: T[], page = 1, pageSize = 10): Page<T> {
  const size = Math.min(Math.max(1, Math.floor(pageSize)), 100);
  const p = Math.max(1, Math.floor(page));
  return { rows: items.slice((p - 1) * size, p * size), total: items.length, page: p, pageSize: size };
}

/** รายการจ่ายเงิน / ใบผ่านรายการจ่าย of one unit, newest first. */
export function listPayments(state: SimState, unitId: string, f: ListFilter, now: number): Page<Payment> {
  advance(state, now);
  const rows = state.payments.filter(
    (p) =>
      p.unitId === unitId &&
      (f.fiscalYear === undefined || p.fiscalYear === f.fiscalYear) &&
      (f.status === undefined || p.status === f.status) &&
      (f.from === undefined || p.payDate >= f.from) &&
      (f.to === undefined || p.payDate <= f.to) &&
      (f.dekaNo === undefined || p.dekaNo.includes(f.dekaNo)),
  );
  rows.sort((a, b) => b.recordedAt - a.recordedAt || b.id.localeCompare(a.id));
  return paginate(rows, f.page, f.pageSize ?? 5);
}

export interface DekaFilter {
  fiscalYear?: number;
  dekaNo?: string;
  payee?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** ฎีกาค้างจ่าย: approved ฎีกา without a voucher yet. */
export function unpaidDekas(state: SimState, unitId: string, f: DekaFilter, now: number): Page<Deka> {
  advance(state, now);
  const rows = state.dekas.filter(
    (d) =>
      d.unitId === unitId &&
      (f.fiscalYear === undefined || d.fiscalYear === f.fiscalYear) &&
      (!f.dekaNo || d.no.includes(f.dekaNo)) &&
      (!f.payee || d.payee.includes(f.payee)) &&
      (!f.from || d.approvedOn >= f.from) &&
      (!f.to || d.approvedOn <= f.to) &&
      !dekaPaid(state, unitId, d.no),
  );
  return paginate(rows, f.page, f.pageSize ?? 5);
}

export function findPayment(state: SimState, unitId: string, id: string, now: number): Payment | null {
  advance(state, now);
  const p = state.byId.get(id);
  return p && p.unitId === unitId ? p : null;
}

export function findVoucher(state: SimState, unitId: string, voucherNo: string, now: number): Payment | null {
  advance(state, now);
  return state.payments.find((p) => p.unitId === unitId && p.voucherNo === voucherNo) ?? null;
}

/** Ground truth for tests: every payment with its whole history (copies). */
export function truth(state: SimState, now: number): Payment[] {
  advance(state, now);
  return state.payments.map((p) => ({ ...p, history: p.history.map((h) => ({ ...h })) }));
}

/** How many payments wait, and how many are being processed now. */
export function queueStats(
  state: SimState,
  now: number,
): { waiting: number; processing: number; workers: number } {
  advance(state, now);
  return {
    waiting: state.queue.length,
    processing: state.workers.filter((w) => w.paymentId !== null).length,
    workers: state.workers.length,
  };
}
