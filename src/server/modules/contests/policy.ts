// Pure rules of the contest: seeded shuffles, drawing a participant's set from a
// pool, the answer window, and per-question statistics (share correct, the
// discrimination index as Moodle computes it: the correlation of the question's
// score with the rest of the participant's score, first attempts only).
import { ANSWER_GRACE_MS } from '../../../contracts/contests.ts';

/** mulberry32: a small seeded generator, so a participant's order can be rebuilt from the seed alone. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface PoolQuestion {
  id: string;
  topic: string;
  difficulty: number;
}

/** The questions a round may draw from: those of its topics and difficulties (none chosen: all). */
export function roundPool<T extends PoolQuestion>(
  questions: readonly T[],
  round: { topics: readonly string[]; difficulties: readonly number[] },
): T[] {
  return questions.filter(
    (q) =>
      (round.topics.length === 0 || round.topics.includes(q.topic)) &&
      (round.difficulties.length === 0 || round.difficulties.includes(q.difficulty)),
  );
}

/**
 * A participant's set: `count` questions of the pool, spread over difficulties as
 * evenly as the pool allows, in a shuffled order fixed by the seed.
 */
export function drawSet(pool: readonly PoolQuestion[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const byLevel = new Map<number, PoolQuestion[]>();
  for (const q of shuffled(
    [...pool].sort((a, b) => a.id.localeCompare(b.id)),
    random,
  ))
    byLevel.set(q.difficulty, [...(byLevel.get(q.difficulty) ?? []), q]);
  const levels = [...byLevel.keys()].sort();
  const picked: string[] = [];
  while (picked.length < Math.min(count, pool.length))
    for (const level of levels) {
      const next = byLevel.get(level)!.shift();
      if (next && picked.length < count) picked.push(next.id);
    }
  return shuffled(picked, random);
}

/** The order a participant sees a question's choices in: display position -> original index. */
export function choiceOrder(choiceCount: number, seed: number, position: number): number[] {
  return shuffled(
    Array.from({ length: choiceCount }, (_, i) => i),
    seededRandom((seed ^ Math.imul(position + 1, 0x9e3779b1)) >>> 0),
  );
}

/** Milliseconds left to answer a question served at `servedAt`; the grace is not shown. */
export function remainingMs(servedAt: Date, seconds: number, now: Date): number {
  return Math.max(0, servedAt.getTime() + seconds * 1000 - now.getTime());
}

/** Whether an answer arriving now is inside the server's timer (with the network grace). */
export function withinTimer(servedAt: Date, seconds: number, now: Date): boolean {
  const elapsed = now.getTime() - servedAt.getTime();
  return elapsed >= 0 && elapsed <= seconds * 1000 + ANSWER_GRACE_MS;
}

export interface ScoredAnswer {
  attemptId: string;
  questionId: string;
  choice: number | null;
  correct: boolean;
}

export interface QuestionStats {
  questionId: string;
  answers: number;
  shareCorrect: number | null;
  discrimination: number | null;
  mostPickedWrong: { choice: number; share: number } | null;
}

function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Per question: how many answered (a question served and left unanswered counts
 * as wrong), the share right, the discrimination index (the correlation of the
 * question's score with the rest of the score, as Moodle's quiz statistics), and
 * the wrong choice picked most.
 */
export function questionStatistics(answers: readonly ScoredAnswer[]): QuestionStats[] {
  const totals = new Map<string, number>();
  for (const a of answers) totals.set(a.attemptId, (totals.get(a.attemptId) ?? 0) + (a.correct ? 1 : 0));
  const byQuestion = new Map<string, ScoredAnswer[]>();
  for (const a of answers) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  return [...byQuestion].map(([questionId, rows]) => {
    const right = rows.filter((r) => r.correct).length;
    const wrongPicks = new Map<number, number>();
    for (const r of rows)
      if (!r.correct && r.choice !== null) wrongPicks.set(r.choice, (wrongPicks.get(r.choice) ?? 0) + 1);
    const top = [...wrongPicks].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    const item = rows.map((r) => (r.correct ? 1 : 0));
    const rest = rows.map((r) => (totals.get(r.attemptId) ?? 0) - (r.correct ? 1 : 0));
    return {
      questionId,
      answers: rows.length,
      shareCorrect: rows.length ? right / rows.length : null,
      discrimination: correlation(item, rest),
      mostPickedWrong: top ? { choice: top[0], share: top[1] / rows.length } : null,
    };
  });
}
