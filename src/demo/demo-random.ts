import { createHash } from 'node:crypto';
import { seededRandom } from '../../test/support/fake-telegram/seeded-random.js';

/**
 * The demo's only source of chance. Every decision draws from a stream named after what it decides
 * (`commune:19333:2025-03-05`), so that the same seed gives the same run, and a change in how one
 * commune behaves does not reshuffle every other commune's day.
 */
export class DemoRandom {
  readonly #next: () => number;

  constructor(
    readonly seed: string,
    label = '',
  ) {
    this.#next = seededRandom(createHash('sha256').update(`${seed}\u0000${label}`).digest().readUInt32LE(0));
  }

  /** An independent stream for one subject. */
  fork(label: string): DemoRandom {
    return new DemoRandom(this.seed, label);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.#next() < p;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.#next() * (max - min);
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}
