/**
 * Runs `slice(0)`, `slice(1)`, … one per macrotask, so that a request arriving meanwhile waits for
 * one slice at most, until `count` have run or `stop()` says real work has begun. For warm-ups
 * done while the editor is idle: a slice that throws ends the run quietly (the work it skipped is
 * done later, when first needed, and reports its own problems there). Resolves with the number of
 * slices that ran to the end.
 */
export function inIdleSlices(count: number, slice: (index: number) => void, stop: () => boolean = () => false): Promise<number> {
  return new Promise((resolve) => {
    let done = 0;
    const step = () => {
      if (done >= count || stop()) return resolve(done);
      try {
        slice(done);
      } catch {
        return resolve(done);
      }
      done++;
      setImmediate(step);
    };
    setImmediate(step);
  });
}
