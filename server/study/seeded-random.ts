/**
 * A small seeded random number generator (mulberry32): the same seed gives the
 * same quiz, which is what makes a quiz link shareable.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  below(n: number): number;
  shuffle<T>(items: readonly T[]): T[];
  /**
   * Items in random order, drawn one at a time (a lazy Fisher–Yates shuffle):
   * taking ten of a hundred thousand costs ten swaps, not a whole shuffle.
   */
  draw<T>(items: readonly T[]): () => T | undefined;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    next,
    below,
    draw<T>(items: readonly T[]): () => T | undefined {
      // Only the positions swapped so far are remembered; the list itself is never copied.
      const swapped = new Map<number, T>();
      const at = (i: number) => (swapped.has(i) ? (swapped.get(i) as T) : (items[i] as T));
      let taken = 0;
      return () => {
        if (taken >= items.length) return undefined;
        const j = taken + below(items.length - taken);
        const picked = at(j);
        swapped.set(j, at(taken));
        taken++;
        return picked;
      };
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = below(i + 1);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}
