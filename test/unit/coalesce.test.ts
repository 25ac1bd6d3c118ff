import { describe, expect, it } from 'vitest';
import { coalesced, oneAtATime } from '../../core/coalesce';

/** A task whose runs the test ends one by one, recording what each run saw. */
function controlledTask() {
  const ends: Array<() => void> = [];
  const fails: Array<(e: Error) => void> = [];
  let runs = 0;
  let inFlight = 0;
  let most = 0;
  const task = () => {
    runs += 1;
    inFlight += 1;
    most = Math.max(most, inFlight);
    return new Promise<void>((resolve, reject) => {
      ends.push(() => {
        inFlight -= 1;
        resolve();
      });
      fails.push((e) => {
        inFlight -= 1;
        reject(e);
      });
    });
  };
  return {
    task,
    runs: () => runs,
    most: () => most,
    end: async () => {
      fails.shift();
      ends.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    fail: async (e: Error) => {
      ends.shift();
      fails.shift()?.(e);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('coalesced', () => {
  it('runs at once when idle; calls during a run share one run after it', async () => {
    const t = controlledTask();
    const run = coalesced(t.task);
    const settled: string[] = [];
    const first = run().then(() => settled.push('first'));
    const during = [1, 2, 3, 4, 5].map((i) => run().then(() => settled.push(`during ${i}`)));
    expect(t.runs()).toBe(1);
    await t.end();
    await first;
    // The calls made during the first run wait for a run begun after them: the second.
    expect(settled).toEqual(['first']);
    expect(t.runs()).toBe(2);
    await t.end();
    await Promise.all(during);
    expect(settled).toHaveLength(6);
    expect(t.runs()).toBe(2);
    expect(t.most()).toBe(1);
  });

  it('a failed run rejects its own callers only; the queued run still happens', async () => {
    const t = controlledTask();
    const run = coalesced(t.task);
    const first = run();
    const second = run();
    await t.fail(new Error('database busy'));
    await expect(first).rejects.toThrow('database busy');
    expect(t.runs()).toBe(2);
    await t.end();
    await expect(second).resolves.toBeUndefined();
    // Idle again: the next call runs at once.
    const third = run();
    expect(t.runs()).toBe(3);
    await t.end();
    await expect(third).resolves.toBeUndefined();
  });

  it('with a gap: a burst costs one run per gap; a call when all is quiet runs at once', async () => {
    const t = controlledTask();
    const run = coalesced(t.task, 60);
    const first = run();
    const during = run();
    await t.end();
    await first;
    // The second run waits out the gap after the first.
    await new Promise((r) => setTimeout(r, 20));
    expect(t.runs()).toBe(1);
    await new Promise((r) => setTimeout(r, 80));
    expect(t.runs()).toBe(2);
    await t.end();
    await during;
    // Quiet again once the gap after the second run has passed.
    await new Promise((r) => setTimeout(r, 80));
    void run();
    expect(t.runs()).toBe(3);
    await t.end();
  });
});

describe('oneAtATime', () => {
  it('runs tasks one after another, in the order they came; a failure does not stop the next', async () => {
    const inTurn = oneAtATime();
    const log: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        running++;
        log.push(`${name} start${running > 1 ? ' (overlapping)' : ''}`);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([inTurn(task('a')), inTurn(task('b', true)), inTurn(task('c'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseFulfilledResult<string>).value).toBe('c');
  });
});
