/**
 * One run at a time of a task whose latest run is all that matters (set the next alarm and the
 * badge from the pending records, tell the tabs that records changed): calls made while it runs
 * share one more run after it, however many they are. Each call's promise settles when a run that
 * began after the call has finished, so a caller still sees its own change taken into account.
 *
 * `gapMs`: a run after another waits this long after it ended, so a burst of calls costs at most
 * one run per gap; a call when all is quiet runs at once.
 */
export function coalesced(task: () => Promise<void>, gapMs = 0): () => Promise<void> {
  /** The run in flight, and its gap after it. */
  let busy: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const run = task();
    const settled = run
      .catch(() => undefined)
      .then(() => (gapMs > 0 ? new Promise<void>((r) => setTimeout(r, gapMs)) : undefined))
      .finally(() => {
        if (busy === settled) busy = null;
      });
    busy = settled;
    return run;
  };
  return () => {
    if (!busy) return start();
    queued ??= busy.then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}

/**
 * A line for tasks that must not overlap (read records, then write what follows from them: two at
 * once would each write over the other's change): each task starts when the one before it has
 * settled, in the order they came. A task that fails does not stop the next.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task);
    last = run.catch(() => undefined);
    return run;
  };
}
