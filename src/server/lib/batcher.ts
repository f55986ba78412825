// Gathers calls made at about the same time into one: under load, many requests
// share one database round trip (and one commit) instead of one each.

export interface Batcher<I, O> {
  run(item: I): Promise<O>;
}

/**
 * `work` gets the items gathered since the last flush and returns one result per
 * item, in order (an Error result rejects only that item's caller). A flush starts
 * on the next turn of the event loop, or at once when `maxSize` items wait; at
 * most `maxInFlight` flushes run together, and items arriving meanwhile wait for
 * the next, which is what makes batches grow with the load.
 */
export function createBatcher<I, O>(
  work: (items: I[]) => Promise<(O | Error)[]>,
  options: { maxSize?: number; maxInFlight?: number } = {},
): Batcher<I, O> {
  const maxSize = options.maxSize ?? 64;
  const maxInFlight = options.maxInFlight ?? 4;
  let waiting: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;

  function flush() {
    scheduled = false;
    while (waiting.length > 0 && inFlight < maxInFlight) {
      const batch = waiting.slice(0, maxSize);
      waiting = waiting.slice(batch.length);
      inFlight++;
      work(batch.map((entry) => entry.item))
        .then(
          (results) =>
            batch.forEach((entry, i) => {
              const result = results[i];
              if (result instanceof Error) entry.reject(result);
              else entry.resolve(result as O);
            }),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          inFlight--;
          if (waiting.length > 0) schedule();
        });
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    run(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (waiting.length >= maxSize && inFlight < maxInFlight) flush();
        else schedule();
      });
    },
  };
}
