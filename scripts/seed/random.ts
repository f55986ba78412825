import { vietnamInstant } from '../../src/contracts/vietnam-time.ts';
// Deterministic randomness for the demo data. Every stream is seeded from a
// string (e.g. `team:03NK01`), so one part of the data does not shift when
// another part changes size: more enterprises do not rename an officer.

/** 32-bit FNV-1a of a string, the seed of a named stream. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** cyrb53: a 53-bit hash, to remember many strings in little memory. */
export function hash53(value: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; `weights` is parallel to `items`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let roll = this.next() * total;
    for (let index = 0; index < items.length; index += 1) {
      roll -= weights[index] ?? 0;
      if (roll < 0) return items[index] as T;
    }
    return items[items.length - 1] as T;
  }

  /** `count` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const take = Math.min(count, copy.length);
    for (let index = 0; index < take; index += 1) {
      const other = index + Math.floor(this.next() * (copy.length - index));
      const swap = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = swap;
    }
    return copy.slice(0, take);
  }

  /** A fixed date between two ISO dates, at a working hour (Vietnam time). */
  dateBetween(fromIso: string, toIso: string): Date {
    const from = Date.parse(fromIso);
    const to = Date.parse(toIso);
    const day = new Date(from + this.next() * (to - from)).toISOString().slice(0, 10);
    const hour = 7 + this.int(1, 9); // 08:00–16:59
    const minute = this.int(0, 59);
    return vietnamInstant(day, `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
  }
}

/**
 * A uniform sample of fixed size from a stream of unknown length (reservoir
 * sampling): memory stays bounded however many enterprises are generated.
 */
export class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;

  constructor(
    readonly capacity: number,
    private readonly rng: Rng,
  ) {}

  offer(item: T): void {
    this.seen += 1;
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    const slot = Math.floor(this.rng.next() * this.seen);
    if (slot < this.capacity) this.items[slot] = item;
  }
}

/** "Hải Phòng" -> "Hai Phong", for English names. */
export function stripDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
