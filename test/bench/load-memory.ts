/**
 * `npx tsx test/bench/load-memory.ts [--connections 256] [--duration 60] [--postgres URL] [--workers N]
 * [--tsx] [--breakdown] [--data-dir DIR] [--node-options "--flag …"]`: starts the real server as `npm start` runs it (the
 * prebuilt bundle, rebuilt first when stale; `--tsx` runs server/main.ts through tsx instead, as
 * `npm start` did before), loads it with autocannon on a mix of reads (a concept, a search, a
 * two-step neighbourhood, a comparison, cached and uncached) and prints requests/s, latencies,
 * errors and the peak resident memory of the whole process tree (primary and workers), sampled
 * every 500 ms from /proc, with each process's own peak. `--breakdown` loads memory-probe.mjs into
 * every server process, which prints the peak of V8's heap, external memory and code space of each.
 * PGlite gets a fresh data folder (so the process seeds it) unless `--data-dir` names one.
 */
import { execSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { rssOf } from "./process-memory.ts";
import { SOURCES_DIR } from "../support/seed-paths.ts";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "256" },
    duration: { type: "string", default: "60" },
    postgres: { type: "string" },
    workers: { type: "string" },
    tsx: { type: "boolean", default: false },
    breakdown: { type: "boolean", default: false },
    "data-dir": { type: "string" },
    /** Extra node options for the server's processes (workers inherit them), to try V8 flags. */
    "node-options": { type: "string" },
  },
});


/** The server's process and its children (the workers). */
function serverTree(pid: number): number[] {
  let children: string[] = [];
  try {
    children = execSync(`ps -o pid= --ppid ${pid}`, { encoding: "utf8" }).split(/\s+/).filter(Boolean);
  } catch {
    // ps exits 1 when there are none (WORKERS=0)
  }
  return [pid, ...children.map(Number)];
}

const env: Record<string, string | undefined> = {
  ...process.env,
  PORT: "0",
  HOST: "127.0.0.1",
  SOURCES_DIR: SOURCES_DIR ?? "",
  ...(values.workers ? { WORKERS: values.workers } : {}),
  ...(values.breakdown ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${new URL("./memory-probe.mjs", import.meta.url).pathname}`.trim() } : {}),
};
if (values.postgres) env.DATABASE_URL = values.postgres;
else {
  env.DATABASE_URL = "";
  env.DATA_DIR = values["data-dir"] ?? mkdtempSync(join(tmpdir(), "graphdeck-load-"));
}

// Exactly what `npm start` runs (or ran, with --tsx), without npm's own process in between.
const nodeOptions = values["node-options"]?.split(/\s+/).filter(Boolean) ?? [];
const child = spawn(process.execPath, [...nodeOptions, ...(values.tsx ? ["--import", "tsx", "server/main.ts"] : ["scripts/start.mjs"])], { env, stdio: ["ignore", "pipe", "pipe"] });
let output = "";
child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
const started = Date.now();
while (!/study material ready/.test(output)) {
  if (child.exitCode !== null || Date.now() - started > 180_000) throw new Error(`the server did not get ready:\n${output}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const url = /listening on (http:\/\/localhost:\d+)/.exec(output)?.[1] as string;
const pids = serverTree(child.pid as number);
const total = () => pids.reduce((sum, pid) => sum + rssOf(pid), 0);
const idle = total();
const idleEach = pids.map(rssOf);
let peak = idle;
const peakEach = [...idleEach];
const sampler = setInterval(() => {
  peak = Math.max(peak, total());
  pids.forEach((pid, index) => (peakEach[index] = Math.max(peakEach[index] as number, rssOf(pid))));
}, 500);

let n = 0;
const queries = [
  () => `{ concept(slug: "docker") { name summary relations { type target { slug name } } claims { statement } } }`,
  () => `{ search(query: "virtualbx ${n++ % 50}", first: 5) { slug name } }`,
  () => `{ neighborhood(slug: "container", depth: 2) { nodes { slug name kind } edges { type source { slug } target { slug } } } }`,
  () => `{ compare(a: "container", b: "virtual-machine") { aspects { aspect { label } a { statement } b { statement } } } }`,
];
let i = 0;
const result = await autocannon({
  url: `${url}/graphql`,
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
const after = total();
child.kill("SIGTERM");
await exited;
const roles = pids.map((_, index) => (pids.length === 1 ? "server" : index === 0 ? "primary" : `worker ${index}`));
console.log(
  `${values.postgres ? "PostgreSQL" : "PGlite"} (${values.tsx ? "tsx" : "bundle"}${nodeOptions.length ? ` ${nodeOptions.join(" ")}` : ""}), ${values.connections} connections, ${values.duration} s: ${Math.round(result.requests.average)} req/s, ` +
    `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; 2xx ${result["2xx"]}, non-2xx ${result.non2xx} ` +
    `(${Object.entries(result.statusCodeStats ?? {}).filter(([code]) => code !== "200").map(([code, { count }]) => `${code}: ${count}`).join(", ") || "none"}), errors ${result.errors}, timeouts ${result.timeouts}; ` +
    `memory (all processes) idle ${Math.round(idle)} MB, peak ${Math.round(peak)} MB, after ${Math.round(after)} MB ` +
    `(${roles.map((role, index) => `${role} ${Math.round(idleEach[index] as number)} → ${Math.round(peakEach[index] as number)}`).join(", ")})`,
);
if (values.breakdown) for (const line of output.split("\n").filter((line) => line.startsWith("[memory-probe]"))) console.log(line);
