import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.ts';

describe('batcher', () => {
  it('gathers calls made together into one batch and answers each caller in order', async () => {
    const batches: number[][] = [];
    const batcher = createBatcher<number, number>(async (items) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    const results = await Promise.all([1, 2, 3].map((n) => batcher.run(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('rejects only the caller whose item failed; a failed batch rejects all of its callers', async () => {
    const batcher = createBatcher<number, number>(async (items) => items.map((n) => (n === 2 ? new Error('two') : n)));
    const settled = await Promise.allSettled([1, 2, 3].map((n) => batcher.run(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const failing = createBatcher<number, number>(() => Promise.reject(new Error('down')));
    await expect(Promise.all([failing.run(1), failing.run(2)])).rejects.toThrow('down');
  });

  it('splits at maxSize and lets items wait while maxInFlight batches run', async () => {
    const sizes: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = createBatcher<number, number>(
      async (items) => {
        sizes.push(items.length);
        await gate;
        return items;
      },
      { maxSize: 2, maxInFlight: 1 },
    );
    const pending = [1, 2, 3, 4, 5].map((n) => batcher.run(n));
    await new Promise((r) => setImmediate(r));
    expect(sizes).toEqual([2]);
    release();
    expect(await Promise.all(pending)).toEqual([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });
});
