/**
 * The training's e-LAAS: the simulator's own model (simulator/model, not a copy) on a simulated
 * clock, in the page. The replica pages render it; the in-page host answers status checks from
 * it; the presenter controls change it.
 */

import type { StatusRow } from '../../core/records';
import { createClock, type SimClock } from '../../simulator/model/clock';
import {
  advance,
  CHANGE_EFFECTIVE_AT,
  createSimulation,
  effectiveMode,
  type RecordInput,
  recordPayment,
  type SimState,
  setScenario,
  truth,
  unpaidDekas,
} from '../../simulator/model/model';
import type { Deka, Payment } from '../../simulator/model/types';

/** The clerk the trainee plays (simulator seed data: a finance officer of อบต.นาโพธิ์). */
export const TRAINEE = 'somsri';
/** A morning before the change, and one after it (Bangkok 09:00). */
export const BEFORE = CHANGE_EFFECTIVE_AT - 15 * 3600_000;
export const AFTER = CHANGE_EFFECTIVE_AT + 9 * 3600_000;
export const SPEEDS = [1, 10, 60] as const;

export interface World {
  sim: SimState;
  clock: SimClock;
  now(): number;
  mode(): 'before' | 'after';
  unitId: string;
  unitName: string;
  userName: string;
  dekas(): Deka[];
  payments(): Payment[];
  record(input: RecordInput): ReturnType<typeof recordPayment>;
  setPeriod(period: 'before' | 'after'): void;
  setSpeed(speed: number): void;
  failNext(): void;
  setMonthEnd(on: boolean): void;
  monthEnd(): boolean;
  /** Jump simulated time ahead. */
  skip(ms: number): void;
  /** What e-LAAS' payments list would answer a status check (the clerk's unit, from a day). */
  statusRows(dateFrom: string): StatusRow[];
  reset(): void;
  /** The duplicate guard has warned the trainee (the last step's lesson). */
  guardSeen: boolean;
  /** Steps the trainee has done (entrypoints/training/steps.ts). */
  stepsDone: Set<string>;
  subscribe(listener: () => void): () => void;
  changed(): void;
}

export function createWorld(seed = 2569): World {
  let sim = createSimulation({ seed, dekasPerUnit: 12 });
  const clock = createClock(BEFORE, Date.now(), 1);
  const listeners = new Set<() => void>();
  const user = sim.users.find((u) => u.username === TRAINEE);
  if (!user) throw new Error('the simulator has no trainee user');
  const now = () => clock.now(Date.now());
  const world: World = {
    get sim() {
      return sim;
    },
    clock,
    now,
    mode: () => effectiveMode(sim, now()),
    unitId: user.unitId,
    unitName: sim.units.find((u) => u.id === user.unitId)?.name ?? user.unitId,
    userName: user.username,
    dekas() {
      return unpaidDekas(sim, user.unitId, { page: 1, pageSize: 50 }, now()).rows;
    },
    payments() {
      advance(sim, now());
      return truth(sim, now()).filter((p) => p.unitId === user.unitId);
    },
    record(input) {
      const result = recordPayment(sim, user.username, input, now());
      world.changed();
      return result;
    },
    setPeriod(period) {
      clock.set(period === 'before' ? BEFORE : AFTER, Date.now());
      world.changed();
    },
    setSpeed(speed) {
      clock.setSpeed(speed, Date.now());
      world.changed();
    },
    failNext() {
      sim.config.failNext += 1;
      world.changed();
    },
    setMonthEnd(on) {
      // The model's fiscal-year-end queue (hours): slow enough that a payment runs overdue.
      setScenario(sim, on ? 'year-end' : 'normal');
      world.changed();
    },
    monthEnd: () => sim.config.scenario === 'year-end',
    skip(ms) {
      clock.advance(ms, Date.now());
      world.changed();
    },
    statusRows(dateFrom) {
      return world
        .payments()
        .filter((p) => p.payDate >= dateFrom)
        .map((p) => ({
          elaasId: p.id,
          ref: p.ref,
          dekaNo: p.dekaNo,
          amount: p.netAmount,
          payDate: p.payDate,
          status: p.status,
          voucherNo: p.voucherNo,
          voucherCreatedAt: p.voucherCreatedAt,
          failureReason: p.failureReason,
        }));
    },
    guardSeen: false,
    stepsDone: new Set(),
    reset() {
      world.guardSeen = false;
      world.stepsDone.clear();
      sim = createSimulation({ seed, dekasPerUnit: 12 });
      clock.set(BEFORE, Date.now());
      clock.setSpeed(1, Date.now());
      world.changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changed() {
      for (const l of listeners) l();
    },
  };
  return world;
}
