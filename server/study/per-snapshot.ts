/**
 * A function of a snapshot and a key, remembered per snapshot: the rules ask the same concepts'
 * ancestors, lines and lists again and again while they weigh a question's choices. The memo goes
 * with its snapshot (a region dropped from the kept ones takes its memos with it).
 */
import type { GraphSnapshot } from "./graph-snapshot.ts";

export function rememberedPerSnapshot<V>(compute: (graph: GraphSnapshot, key: string) => V): (graph: GraphSnapshot, key: string) => V {
  const memos = new WeakMap<GraphSnapshot, Map<string, V>>();
  return (graph, key) => {
    let memo = memos.get(graph);
    if (!memo) {
      memo = new Map();
      memos.set(graph, memo);
    }
    if (memo.has(key)) return memo.get(key) as V;
    const value = compute(graph, key);
    memo.set(key, value);
    return value;
  };
}
