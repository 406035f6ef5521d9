// @ts-check
/**
 * Loaded into every server process by `test/bench/load-memory.ts --breakdown` (through
 * NODE_OPTIONS=--import): once a second it notes where the process's memory is, and on exit prints
 * one line with the peak of each part, so the bench can say which part grew. Plain JavaScript: it
 * also runs in the bundled server, which has no TypeScript loader.
 *
 * rss is what the bench sums; heap is V8's JavaScript heap; external is memory V8 objects hold
 * outside it (Buffers, and PGlite's WebAssembly memory); code is V8's code space; the rest of rss
 * is node's own binary and allocations (malloc), the compiled WebAssembly among them.
 */
import cluster from "node:cluster";
import v8 from "node:v8";

const role = cluster.isPrimary ? "primary" : "worker";
const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0, newSpace: 0, oldSpace: 0, largeObjects: 0, code: 0 };
const mb = (/** @type {number} */ bytes) => Math.round(bytes / 1048576);

function sample() {
  const usage = process.memoryUsage();
  /** Committed size of each of V8's heap spaces by name. */
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size]));
  const now = {
    rss: usage.rss,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    newSpace: (spaces.new_space ?? 0) + (spaces.new_large_object_space ?? 0),
    oldSpace: spaces.old_space ?? 0,
    largeObjects: spaces.large_object_space ?? 0,
    code: (spaces.code_space ?? 0) + (spaces.code_large_object_space ?? 0),
  };
  for (const key of /** @type {(keyof typeof peak)[]} */ (Object.keys(peak))) peak[key] = Math.max(peak[key], now[key]);
}

setInterval(sample, 1000).unref();
process.on("exit", () => {
  sample();
  const parts = Object.entries(peak).map(([name, bytes]) => `${name} ${mb(bytes)}`).join(", ");
  process.stderr.write(`[memory-probe] ${role} ${process.pid} peak MB: ${parts}\n`);
});
