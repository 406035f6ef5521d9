/**
 * Wrong choices, closest first: the caller gives tiers of candidates from the
 * closest (siblings under the same category) to the farthest, each with how
 * hard a pick from it makes the question, and a test that the candidate really
 * is wrong. Duplicates (same text) are skipped.
 */
import type { Random } from "../seeded-random.ts";

export interface Tier {
  refs: readonly string[];
  closeness: number;
}

// Past this size a tier is sampled rather than shuffled whole (huge graphs).
const SAMPLE = 64;

function sample(random: Random, refs: readonly string[]): string[] {
  if (refs.length <= SAMPLE) return random.shuffle(refs);
  const picked = new Set<string>();
  for (let tries = 0; tries < SAMPLE * 3 && picked.size < SAMPLE; tries++) picked.add(refs[random.below(refs.length)] as string);
  return [...picked];
}

/**
 * Whether any candidate of the tiers is wrong at all: when none is, no draw can pick one, and looking
 * first costs a fraction of the draws (each a sample, a text and a fit) when proofs are remembered.
 */
export function anyWrong(tiers: readonly Tier[], isWrong: (ref: string) => boolean): boolean {
  return tiers.some((tier) => tier.refs.some(isWrong));
}

export function pickDistractors(
  random: Random,
  tiers: Tier[],
  count: number,
  isWrong: (ref: string) => boolean,
  textOf: (ref: string) => string,
  taken: Iterable<string>,
  /** Whether a candidate can stand beside those already picked (e.g. not a category above one of them). */
  fitsWith: (ref: string, picked: readonly string[]) => boolean = () => true,
): { refs: string[]; difficulty: number } | null {
  const texts = new Set([...taken].map((t) => t.trim().toLowerCase()));
  const refs: string[] = [];
  let closeness = 0;
  for (const tier of tiers) {
    for (const ref of sample(random, tier.refs)) {
      if (refs.length === count) break;
      const text = textOf(ref).trim().toLowerCase();
      if (texts.has(text) || !isWrong(ref) || !fitsWith(ref, refs)) continue;
      texts.add(text);
      refs.push(ref);
      closeness += tier.closeness;
    }
  }
  return refs.length === count ? { refs, difficulty: closeness / count } : null;
}
