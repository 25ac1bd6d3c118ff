/**
 * The simulated clock: a start time and a speed. Pure: the real time is always passed in, so
 * tests and the training page drive it as they like.
 */
export interface SimClock {
  /** Simulated time at real time `real` (ms since the epoch). */
  now(real: number): number;
  speed(): number;
  /** Change the speed from now on, without a jump. */
  setSpeed(speed: number, real: number): void;
  /** Jump to a simulated time. */
  set(sim: number, real: number): void;
  /** Jump ahead by `ms` of simulated time. */
  advance(ms: number, real: number): void;
}

export function createClock(startSim: number, real: number, speed = 1): SimClock {
  let anchorSim = startSim;
  let anchorReal = real;
  let rate = speed;
  const now = (r: number) => anchorSim + (r - anchorReal) * rate;
  return {
    now,
    speed: () => rate,
    setSpeed(s, r) {
      anchorSim = now(r);
      anchorReal = r;
      rate = s;
    },
    set(sim, r) {
      anchorSim = sim;
      anchorReal = r;
    },
    advance(ms, r) {
      anchorSim = now(r) + ms;
      anchorReal = r;
    },
  };
}
