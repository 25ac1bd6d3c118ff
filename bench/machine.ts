/** The machine a benchmark ran on, for the report, and the statistics the figures are read with. */
import { cpus, totalmem } from 'node:os';
import { createRandom } from '../simulator/model/random';

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The median of unsorted figures (as `percentile` reads it: the upper middle of an even count). */
export const medianOf = (xs: number[]) =>
  percentile(
    [...xs].sort((x, y) => x - y),
    50,
  );

export interface PairedDifference {
  /** Median of the loads' differences (after − before). */
  median: number;
  /** A 95% interval of that median (bootstrap, percentile): holding 0, the run cannot tell a change. */
  low: number;
  high: number;
}

/**
 * How much `after` moved from `before`, round by round: the builds take turns (bench:compare), so the
 * i-th of each ran side by side and the machine's drift over the run mostly cancels out in their
 * difference. The interval is a bootstrap of the median difference (resampled pairs, from a seeded
 * generator: the same loads give the same interval on every reading).
 */
export function pairedDifference(
  before: number[],
  after: number[],
  resamples = 2000,
  seed = 1,
): PairedDifference {
  if (before.length !== after.length || before.length === 0)
    throw new Error(`paired loads needed: ${before.length} before, ${after.length} after`);
  const diffs = after.map((x, i) => x - (before[i] as number));
  const random = createRandom(seed);
  const medians: number[] = [];
  for (let k = 0; k < resamples; k++) {
    medians.push(medianOf(diffs.map(() => diffs[Math.floor(random.next() * diffs.length)] as number)));
  }
  medians.sort((x, y) => x - y);
  return {
    median: medianOf(diffs),
    low: percentile(medians, 2.5),
    high: percentile(medians, 97.5),
  };
}
