/**
 * What study-graphs.ts keeps of what it made (regions, quizzes): entries by key, the most recently used
 * last, kept while their weights together (a region's concepts, a quiz's questions) stay within a
 * budget. An entry weighs nothing until it is made and weighed; the one just weighed is kept whatever its
 * weight, and the least recently used others make room for it.
 */
export interface KeptWithinBudget<V> {
  /** The entry of this key, now the most recently used; undefined when none is kept. */
  use(key: string): V | undefined;
  /** The entry of this key, leaving the order as it is. */
  peek(key: string): V | undefined;
  /** Keeps a new entry under this key, weighing nothing yet. */
  add(key: string, value: V): void;
  /** Whether this very entry is still kept under its key (not forgotten, nor replaced). */
  holds(key: string, value: V): boolean;
  /** Gives the entry of this key its weight, then forgets the least recently used others past the budget. */
  weigh(key: string, weight: number): void;
  forget(key: string): void;
}

export function keptWithinBudget<V>(budget: number, onForget: (value: V) => void = () => {}): KeptWithinBudget<V> {
  const entries = new Map<string, { value: V; weight: number }>();
  let held = 0;
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    held -= entry.weight;
    onForget(entry.value);
  };
  return {
    use(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    peek: (key) => entries.get(key)?.value,
    add(key, value) {
      forget(key);
      entries.set(key, { value, weight: 0 });
    },
    holds: (key, value) => entries.get(key)?.value === value,
    weigh(key, weight) {
      const entry = entries.get(key);
      if (!entry) return;
      held += weight - entry.weight;
      entry.weight = weight;
      for (const oldest of entries.keys()) {
        if (held <= budget || oldest === key) break;
        forget(oldest);
      }
    },
    forget,
  };
}
