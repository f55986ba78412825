import { describe, expect, it } from 'vitest';
import { choiceOrder, drawSet, questionStatistics, roundPool, withinTimer } from './policy.ts';

const pool = Array.from({ length: 12 }, (_, i) => ({
  id: `q${String(i).padStart(2, '0')}`,
  topic: i < 9 ? 'origin' : 'other',
  difficulty: (i % 3) + 1,
}));

describe('contest policy', () => {
  it('draws the same set for the same seed, different sets for others, spread over difficulties', () => {
    const a = drawSet(pool, 6, 42);
    expect(drawSet(pool, 6, 42)).toEqual(a);
    expect(new Set(a).size).toBe(6);
    const levels = a.map((id) => pool.find((q) => q.id === id)!.difficulty);
    expect([1, 2, 3].map((l) => levels.filter((x) => x === l).length)).toEqual([2, 2, 2]);
    const sets = new Set(Array.from({ length: 20 }, (_, seed) => drawSet(pool, 6, seed).join()));
    expect(sets.size).toBeGreaterThan(10);
    expect(roundPool(pool, { topics: ['other'], difficulties: [] })).toHaveLength(3);
  });

  it('shuffles choices per participant and position, as a permutation', () => {
    const order = choiceOrder(4, 7, 2);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(choiceOrder(4, 7, 2)).toEqual(order);
  });

  it('accepts answers only within the timer and its grace', () => {
    const served = new Date('2026-11-23T03:00:00Z');
    expect(withinTimer(served, 10, new Date(served.getTime() + 10_000))).toBe(true);
    expect(withinTimer(served, 10, new Date(served.getTime() + 12_000))).toBe(false);
    expect(withinTimer(served, 10, new Date(served.getTime() - 1))).toBe(false);
  });

  it('computes share correct, discrimination and the most-picked wrong choice', () => {
    // Four participants; q1 is answered right by the two strongest, q3 by everyone.
    const answers = [
      ['a', 'q1', 0, true],
      ['a', 'q2', 0, true],
      ['a', 'q3', 0, true],
      ['b', 'q1', 0, true],
      ['b', 'q2', 2, false],
      ['b', 'q3', 0, true],
      ['c', 'q1', 2, false],
      ['c', 'q2', 2, false],
      ['c', 'q3', 0, true],
      ['d', 'q1', 2, false],
      ['d', 'q2', 1, false],
      ['d', 'q3', 0, true],
    ].map(
      ([attemptId, questionId, choice, correct]) =>
        ({ attemptId, questionId, choice, correct }) as {
          attemptId: string;
          questionId: string;
          choice: number;
          correct: boolean;
        },
    );
    const stats = new Map(questionStatistics(answers).map((s) => [s.questionId, s]));
    expect(stats.get('q1')).toMatchObject({
      answers: 4,
      shareCorrect: 0.5,
      mostPickedWrong: { choice: 2, share: 0.5 },
    });
    expect(stats.get('q1')!.discrimination).toBeGreaterThan(0);
    expect(stats.get('q3')!.discrimination).toBeNull();
    expect(stats.get('q3')!.mostPickedWrong).toBeNull();
  });
});
