import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../bench/machine';

describe("bench:compare's round-by-round difference", () => {
  it('is exactly the shift when every load moved by it, and nothing when none did', () => {
    const before = [10.2, 11.8, 9.9, 12.4, 10.7, 13.1];
    expect(pairedDifference(before, before)).toEqual({ median: 0, low: 0, high: 0 });
    const after = before.map((x) => x - 0.5);
    const d = pairedDifference(before, after);
    expect(d.median).toBeCloseTo(-0.5, 9);
    expect(d.low).toBeCloseTo(-0.5, 9);
    expect(d.high).toBeCloseTo(-0.5, 9);
  });

  it("cancels the machine's drift that both builds' loads share", () => {
    // The machine slows down over the run; the second build is 0.3 ms quicker throughout, give or
    // take 0.1: its medians alone (drift spread over 5 ms) could not tell, its pairs can.
    const drift = Array.from({ length: 40 }, (_, i) => 10 + i / 8);
    const before = drift.map((x, i) => x + ((i * 7) % 3) / 20);
    const after = drift.map((x, i) => x - 0.3 + ((i * 5) % 3) / 20);
    const d = pairedDifference(before, after);
    expect(d.median).toBeGreaterThanOrEqual(-0.4);
    expect(d.median).toBeLessThanOrEqual(-0.2);
    expect(d.low).toBeLessThanOrEqual(d.median);
    expect(d.high).toBeGreaterThanOrEqual(d.median);
    expect(d.high).toBeLessThan(0); // the change shows
  });

  it('gives an interval holding 0 for noise with no change in it', () => {
    // Independent noise of ±0.5 ms on each load of each build (a fixed pseudo-random sequence).
    const noise = (i: number) => {
      const x = Math.sin(i * 12.9898) * 43758.5453;
      return x - Math.floor(x) - 0.5;
    };
    const before = Array.from({ length: 40 }, (_, i) => 10 + noise(i));
    const after = Array.from({ length: 40 }, (_, i) => 10 + noise(i + 100));
    const d = pairedDifference(before, after);
    expect(d.low).toBeLessThanOrEqual(0);
    expect(d.high).toBeGreaterThanOrEqual(0);
  });

  it('reads the same loads the same way every time, and refuses loads that are not paired', () => {
    const before = [1, 4, 2, 8, 5, 7];
    const after = [2, 3, 2, 9, 4, 9];
    expect(pairedDifference(before, after)).toEqual(pairedDifference(before, after));
    expect(() => pairedDifference([1, 2], [1])).toThrow(/paired/);
    expect(() => pairedDifference([], [])).toThrow(/paired/);
  });
});
