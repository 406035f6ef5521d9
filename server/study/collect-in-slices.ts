/**
 * Collects a long synchronous iteration (a whole graph's cards or quiz
 * candidates) in slices of a few milliseconds, letting the event loop serve
 * requests between them: building ahead must not freeze the server for seconds.
 */
const SLICE_MS = 20;
// Reading the clock for every item would cost more than most items do.
const CHECK_EVERY = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function collectInSlices<T>(items: Iterable<T>): Promise<T[]> {
  const list: T[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    list.push(item);
    if (list.length % CHECK_EVERY === 0 && performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return list;
}

/** Runs a step of synchronous work on a later turn of the event loop. */
export async function onNextTurn<T>(step: () => T): Promise<T> {
  await nextTurn();
  return step();
}
