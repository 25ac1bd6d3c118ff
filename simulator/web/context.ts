/** Everything one running simulator knows: the model, its clock, auth, faults and counters. */
import { createClock, type SimClock } from '../model/clock';
import { createSimulation, type SimState } from '../model/model';
import type { ModeSetting, Scenario } from '../model/types';
import { AuthStore } from './auth';
import { fiscalYearOf } from './format';

export type Design = 'A' | 'B';
export type Variant = 'default' | 'reordered' | 'reworded';
export type Malformed = 'truncated' | 'garbage' | 'html';

export interface Faults {
  /** Every page and API answers 503 "ระบบปิดปรับปรุง". */
  maintenance: boolean;
  /** Added to every answer. */
  latencyMs: number;
  /** The next N authenticated requests are refused as unauthorised (401 / back to login). */
  unauthorizedNext: number;
  /** API answers (design A) and list pages (design B) come out broken. */
  malformed: Malformed | null;
  /** The network is down: every connection is dropped unanswered (the browser sees a network error). */
  offline: boolean;
}

export interface SimOptions {
  design?: Design;
  seed?: number;
  /** Simulated start time (ms); default: the real time. */
  start?: number;
  speed?: number;
  scenario?: Scenario;
  mode?: ModeSetting;
  failureRate?: number;
  dekasPerUnit?: number;
}

export class SimContext {
  readonly design: Design;
  state: SimState;
  clock: SimClock;
  readonly auth: AuthStore;
  faults: Faults = { maintenance: false, latencyMs: 0, unauthorizedNext: 0, malformed: null, offline: false };
  variant: Variant = 'default';
  readonly counts = new Map<string, number>();

  constructor(
    private readonly options: SimOptions,
    readonly realNow: () => number = Date.now,
  ) {
    this.design = options.design ?? 'A';
    this.auth = new AuthStore(realNow);
    this.state = this.freshState();
    this.clock = createClock(options.start ?? realNow(), realNow(), options.speed ?? 1);
  }

  private freshState(): SimState {
    // ฎีกา for the fiscal year the simulation starts in and the one before it, so a clock set
    // back to June 2569 (before/after the change) still finds work.
    const fy = fiscalYearOf(this.options.start ?? this.realNow());
    return createSimulation({
      seed: this.options.seed,
      fiscalYears: fy > 2569 ? [fy, fy - 1] : [fy],
      dekasPerUnit: this.options.dekasPerUnit,
      config: {
        scenario: this.options.scenario ?? 'normal',
        mode: this.options.mode ?? 'auto',
        failureRate: this.options.failureRate ?? 0,
      },
    });
  }

  /** Simulated now. */
  now(): number {
    return this.clock.now(this.realNow());
  }

  /** The last requests, method and path with query, for tests that must say what was asked. */
  readonly requests: string[] = [];

  count(key: string, pathAndQuery = key): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.requests.push(pathAndQuery);
    if (this.requests.length > 200) this.requests.shift();
  }

  /** Back to the seed: no payments, no faults, default variant; sessions stay. */
  reset(): void {
    this.state = this.freshState();
    this.faults = { maintenance: false, latencyMs: 0, unauthorizedNext: 0, malformed: null, offline: false };
    this.variant = 'default';
    this.counts.clear();
    this.requests.length = 0;
    this.clock = createClock(this.options.start ?? this.realNow(), this.realNow(), this.options.speed ?? 1);
  }

  /** Consume one "unauthorised" fault, if any is pending. */
  takeUnauthorized(): boolean {
    if (this.faults.unauthorizedNext <= 0) return false;
    this.faults.unauthorizedNext -= 1;
    return true;
  }
}
