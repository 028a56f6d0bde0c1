/**
 * A seeded source of randomness for generated taxonomies, so that one seed always gives the same pages.
 *
 * The generator is mulberry32 (Tommy Ettinger's public-domain 32-bit generator): one 32-bit word of state,
 * a period of 2^32, and statistically good enough for sampling test data, which is all it is used for. It is
 * kept here rather than taken from a package because it is six lines and must never change under a seed.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.below(items.length)] as T;
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** The numbers 0..n-1 in a random order (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const order = Int32Array.from({ length: n }, (_, index) => index);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = this.below(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return order;
  }
}

/** Draws indexes 0..n-1 with probability proportional to their weights: a cumulative table and a binary search. */
export class WeightedSampler {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let index = 0; index < weights.length; index += 1) {
      total += weights[index] as number;
      this.cumulative[index] = total;
    }
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
  }

  draw(random: Random): number {
    const target = random.next() * (this.cumulative[this.cumulative.length - 1] as number);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** Zipf weights 1/rank^exponent for ranks 1..n: a few items get most of the draws, most items get few. */
export function zipfWeights(n: number, exponent: number): Float64Array {
  return Float64Array.from({ length: n }, (_, index) => 1 / Math.pow(index + 1, exponent));
}
