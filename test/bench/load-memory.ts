/**
 * `npx tsx test/bench/load-memory.ts [--connections 256] [--duration 60] [--postgres URL]`:
 * starts the real server (PGlite, or PostgreSQL with --postgres), loads it with
 * autocannon on a mix of reads (a concept, a search, a two-step neighbourhood,
 * cached and uncached) and prints requests/s, latencies, errors and the peak
 * resident memory of the whole process tree (primary and workers), sampled
 * every 500 ms from /proc.
 */
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { SOURCES_DIR } from "../support/seed-paths.ts";
import { spawnServer } from "../support/spawn-server.ts";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "256" },
    duration: { type: "string", default: "60" },
    postgres: { type: "string" },
    workers: { type: "string" },
  },
});

function treeRss(port: string): number {
  const listener = /pid=(\d+)/.exec(execSync(`ss -ltnpH 'sport = :${port}'`, { encoding: "utf8" }))?.[1];
  if (!listener) return 0;
  const pids = [listener, ...execSync(`ps -o pid= --ppid ${listener}`, { encoding: "utf8" }).split(/\s+/).filter(Boolean)];
  let kib = 0;
  for (const pid of pids) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kib / 1024;
}

const env: Record<string, string> = { SOURCES_DIR: SOURCES_DIR ?? "", ...(values.workers ? { WORKERS: values.workers } : {}) };
if (values.postgres) env.DATABASE_URL = values.postgres;
else env.DATA_DIR = execSync("mktemp -d", { encoding: "utf8" }).trim();
const server = await spawnServer(env);
await server.waitForOutput(/study material ready/, 120_000);
const port = new URL(server.url).port;
const idle = treeRss(port);
let peak = idle;
const sampler = setInterval(() => (peak = Math.max(peak, treeRss(port))), 500);

let n = 0;
const queries = [
  () => `{ concept(slug: "docker") { name summary relations { type target { slug name } } claims { statement } } }`,
  () => `{ search(query: "virtualbx ${n++ % 50}", first: 5) { slug name } }`,
  () => `{ neighborhood(slug: "container", depth: 2) { nodes { slug name kind } edges { type source { slug } target { slug } } } }`,
  () => `{ compare(a: "container", b: "virtual-machine") { aspects { aspect { label } a { statement } b { statement } } } }`,
];
let i = 0;
const result = await autocannon({
  url: `${server.url}/graphql`,
  connections: Number(values.connections),
  duration: Number(values.duration),
  requests: [
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: (queries[i++ % queries.length] as () => string)() }) }),
    },
  ],
});
clearInterval(sampler);
const after = treeRss(port);
await server.stop();
console.log(
  `${values.postgres ? "PostgreSQL" : "PGlite"}, ${values.connections} connections, ${values.duration} s: ${Math.round(result.requests.average)} req/s, ` +
    `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; 2xx ${result["2xx"]}, non-2xx ${result.non2xx} ` +
    `(${Object.entries(result.statusCodeStats ?? {}).filter(([code]) => code !== "200").map(([code, { count }]) => `${code}: ${count}`).join(", ") || "none"}), errors ${result.errors}, timeouts ${result.timeouts}; ` +
    `memory (all processes) idle ${Math.round(idle)} MB, peak ${Math.round(peak)} MB, after ${Math.round(after)} MB`,
);
