/**
 * `npm run bench -- --side-by-side [--rounds 3 --duration 5 --connections 10]`
 *
 * One fresh PostgreSQL database (graphdeck_bench_peers, seeded by Graphdeck at start) served at once by
 * Graphdeck (WORKERS=0: one process, unless --workers N), PostGraphile v4 and a hand-written node:http + postgres.js endpoint
 * (test/bench/peers/), each a process of its own on 127.0.0.1 with a pool of 10 connections and
 * NODE_ENV=production (as server/Dockerfile sets it; PostGraphile and graphql-js skip development checks). The load is the
 * web app's own concept-page operation for one concept; PostGraphile gets the query below, asking for the
 * same facts, and the three answers are checked to hold the same facts before anything is measured.
 * Rounds are interleaved (every server once per round, the order rotating), so a burst of load from
 * elsewhere on the machine falls on all of them rather than on one. CPU per request is read from /proc:
 * the server's process, and the database's backends serving that database.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { ConceptPageDocument, type ConceptPageQuery } from "../../web/app/api/generated/graphql.ts";
import { spawnServer } from "../support/spawn-server.ts";
import { freshNonce } from "./fresh-nonce.ts";

export interface SideBySideOptions {
  postgresUrl: string;
  duration: number;
  connections: number;
  rounds: number;
  slug: string;
  /** Graphdeck's WORKERS: 0 serves from one unsupervised process, N from N workers under a primary. */
  workers: number;
}

const DATABASE = "graphdeck_bench_peers";
const WARM_UP_SECONDS = 5;

/** The concept page's facts in PostGraphile v4's schema (its default inflection). */
export const POSTGRAPHILE_QUERY = `query ConceptPage($slug: String!) { conceptBySlug(slug: $slug) {
  slug name summary description aliases kindByKind { label }
  outgoing: relationsBySourceId { nodes { ...relation } }
  incoming: relationsByTargetId { nodes { ...relation } }
  claimsByConceptId(orderBy: POSITION_ASC) { nodes { key statement polarity aspectByAspect { label } value outdated } }
  citationsByConceptId(orderBy: POSITION_ASC) { nodes { locator passage sourceBySourceId { title } } } } }
fragment relation on Relation { type outdated relationTypeByType { label inverseLabel } conceptBySourceId { slug name } conceptByTargetId { slug name } }`;

type Ref = { slug: string; name: string };
interface PostGraphileRelation {
  type: string;
  outdated: string | null;
  relationTypeByType: { label: string; inverseLabel: string };
  conceptBySourceId: Ref;
  conceptByTargetId: Ref;
}
interface PostGraphileConcept {
  slug: string;
  name: string;
  summary: string;
  description: string;
  aliases: string[];
  kindByKind: { label: string };
  outgoing: { nodes: PostGraphileRelation[] };
  incoming: { nodes: PostGraphileRelation[] };
  claimsByConceptId: { nodes: { key: string; statement: string; polarity: string; aspectByAspect: { label: string } | null; value: string | null; outdated: string | null }[] };
  citationsByConceptId: { nodes: { locator: string; passage: string | null; sourceBySourceId: { title: string } }[] };
}
type Concept = NonNullable<ConceptPageQuery["concept"]>;

/** The facts of a concept page, in one order, whichever server told them. */
function facts(concept: Concept): unknown {
  const sorted = (items: unknown[]) => items.map((item) => JSON.stringify(item)).sort();
  return {
    ...concept,
    relations: sorted(concept.relations.map((r) => ({ type: r.type, label: r.label, inverseLabel: r.inverseLabel, source: r.source, target: r.target, outdated: r.outdated }))),
    claims: sorted(concept.claims.map((c) => ({ id: c.id, statement: c.statement, polarity: c.polarity, aspect: c.aspect, value: c.value, outdated: c.outdated }))),
    citations: sorted(concept.citations.map((c) => ({ locator: c.locator, passage: c.passage, source: c.source }))),
  };
}

function fromPostGraphile(c: PostGraphileConcept): Concept {
  const relation = (r: PostGraphileRelation) => ({
    type: r.type,
    label: r.relationTypeByType.label,
    inverseLabel: r.relationTypeByType.inverseLabel,
    source: r.conceptBySourceId,
    target: r.conceptByTargetId,
    outdated: r.outdated,
  });
  return {
    slug: c.slug,
    name: c.name,
    summary: c.summary,
    description: c.description,
    aliases: c.aliases,
    kindInfo: c.kindByKind,
    relations: [...c.outgoing.nodes, ...c.incoming.nodes].map(relation),
    claims: c.claimsByConceptId.nodes.map((x) => ({ id: x.key, statement: x.statement, polarity: x.polarity as Concept["claims"][number]["polarity"], aspect: x.aspectByAspect, value: x.value, outdated: x.outdated })),
    citations: c.citationsByConceptId.nodes.map((x) => ({ locator: x.locator, passage: x.passage, source: x.sourceBySourceId })),
  };
}

/** CPU time (ms) a process has used, or null when /proc cannot tell. */
function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
  } catch {
    return null;
  }
}

/** A process and its descendants (Graphdeck's workers under their primary), from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

/** CPU time (ms) of a process and its descendants, or null when /proc cannot tell. */
function treeCpuMs(pid: number): number | null {
  const times = processTree(pid).map(cpuMs);
  return times[0] === null ? null : times.reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
}

interface Peer {
  url: string;
  pid: number | undefined;
  stop: () => Promise<unknown>;
}

async function spawnPeer(script: string, databaseUrl: string): Promise<Peer> {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 60 s:\n${output}`)), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => reject(new Error(`${script} exited with ${String(code)}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid,
    stop: () => {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      return exited.finally(() => clearTimeout(killer));
    },
  };
}

interface Target {
  name: string;
  url: string;
  pid: number | undefined;
  query: string;
  /** A new nonce variable per request defeats Graphdeck's response cache. */
  nonce: boolean;
}

interface Run {
  target: string;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
  serverMs: number | null;
  databaseMs: number | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Runs the comparison and returns its section of docs/benchmarks.md. */
export async function sideBySide(options: SideBySideOptions): Promise<string> {
  const admin = postgres(options.postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
  await admin.unsafe(`create database ${DATABASE}`);
  const url = new URL(options.postgresUrl);
  url.pathname = `/${DATABASE}`;
  const databaseUrl = url.toString();
  const stops: (() => Promise<unknown>)[] = [];
  const load = [loadavg()[0] ?? 0];
  try {
    const graphdeck = await spawnServer({ DATABASE_URL: databaseUrl, WORKERS: String(options.workers), NODE_ENV: "production" }, { inheritErrors: true });
    stops.push(graphdeck.stop);
    await graphdeck.waitForOutput(/study material ready/, 300_000);
    // PostGraphile's computed column for a citation's passage (citations name passages by source and locator).
    const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await db.unsafe(`create or replace function citations_passage(c citations) returns text language sql stable as
      $$ select p.text from passages p where p.source_id = c.source_id and p.locator = c.locator $$`);
    await db.end();
    const postgraphile = await spawnPeer("test/bench/peers/postgraphile-server.ts", databaseUrl);
    stops.push(postgraphile.stop);
    const handWritten = await spawnPeer("test/bench/peers/hand-written-server.ts", databaseUrl);
    stops.push(handWritten.stop);

    const page = ConceptPageDocument.toString();
    const targets: Target[] = [
      { name: "Graphdeck uncached", url: graphdeck.url, pid: graphdeck.pid, query: page, nonce: true },
      { name: "Graphdeck cached", url: graphdeck.url, pid: graphdeck.pid, query: page, nonce: false },
      { name: "PostGraphile v4", url: postgraphile.url, pid: postgraphile.pid, query: POSTGRAPHILE_QUERY, nonce: false },
      { name: "hand-written", url: handWritten.url, pid: handWritten.pid, query: page, nonce: false },
    ];

    // The same facts from all three, or nothing is measured.
    const answer = async (target: Target) => {
      const response = await fetch(`${target.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query: target.query, variables: { slug: options.slug } }),
      });
      return (await response.json()) as { data?: { concept?: Concept | null; conceptBySlug?: PostGraphileConcept | null }; errors?: unknown };
    };
    const [a, b, c] = [await answer(targets[0] as Target), await answer(targets[2] as Target), await answer(targets[3] as Target)];
    const ours = a.data?.concept;
    const theirs = b.data?.conceptBySlug;
    const floor = c.data?.concept;
    if (!ours || !theirs || !floor) throw new Error(`a server did not find "${options.slug}": ${JSON.stringify([b, c]).slice(0, 3000)}`);
    if (!isDeepStrictEqual(facts(ours), facts(fromPostGraphile(theirs)))) throw new Error("PostGraphile's answer holds other facts than Graphdeck's");
    if (!isDeepStrictEqual(facts(ours), facts(floor))) throw new Error("the hand-written endpoint's answer holds other facts than Graphdeck's");
    const shape = `${ours.relations.length} relations, ${ours.claims.length} claims, ${ours.citations.length} citations`;
    console.log(`side by side: the three answers for ${options.slug} hold the same facts (${shape})`);

    const sampleDatabase = async (): Promise<Map<number, number>> => {
      const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${DATABASE}`;
      return new Map(rows.flatMap((r) => {
        const ms = cpuMs(r.pid);
        return ms === null ? [] : [[r.pid, ms] as [number, number]];
      }));
    };
    const measure = async (target: Target, seconds: number, round: number): Promise<Run> => {
      const body = (n: number | null) => JSON.stringify({ query: target.query, variables: { slug: options.slug, ...(n === null ? {} : { nonce: n }) } });
      const fixed = body(null);
      const serverBefore = target.pid ? treeCpuMs(target.pid) : null;
      const databaseBefore = await sampleDatabase();
      const result = await autocannon({
        url: `${target.url}/graphql`,
        connections: options.connections,
        duration: seconds,
        verifyBody: (responseBody) => !String(responseBody ?? "").includes('"errors"'),
        requests: [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (request) => ({ ...request, body: target.nonce ? body(freshNonce()) : fixed }) }],
      });
      const serverAfter = target.pid ? treeCpuMs(target.pid) : null;
      const databaseAfter = await sampleDatabase();
      const databaseMs = databaseAfter.size ? [...databaseAfter].reduce((sum, [pid, ms]) => sum + ms - (databaseBefore.get(pid) ?? 0), 0) : null;
      return {
        target: target.name,
        round,
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
        failures: result.errors + result.non2xx + result.mismatches,
        serverMs: serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore,
        databaseMs,
      };
    };

    // Warm up every server (JIT, prepared statements, query plans, Graphdeck's cache) before measuring.
    // 5 s each: on this shared 2-core machine V8's background compilers get little CPU, and a
    // server's throughput was still climbing 10-20 s after start (first rounds ran slowest).
    for (const target of targets) await measure(target, WARM_UP_SECONDS, 0);
    const runs: Run[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (let i = 0; i < targets.length; i++) {
        const target = targets[(i + round - 1) % targets.length] as Target;
        const run = await measure(target, options.duration, round);
        console.log(
          `round ${round} ${target.name.padEnd(19)} ${String(run.rps).padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms` +
            `${run.serverMs === null ? "" : `  cpu/request ${(run.serverMs / run.requests).toFixed(2)} + ${((run.databaseMs ?? 0) / run.requests).toFixed(2)} ms`}${run.failures ? `  ${run.failures} failed` : ""}`,
        );
        runs.push(run);
      }
    }
    load.push(loadavg()[0] ?? 0);

    const summary = targets.map((target) => {
      const mine = runs.filter((r) => r.target === target.name);
      const requests = mine.reduce((sum, r) => sum + r.requests, 0);
      const server = mine.every((r) => r.serverMs !== null) ? mine.reduce((sum, r) => sum + (r.serverMs ?? 0), 0) / requests : null;
      const database = mine.every((r) => r.databaseMs !== null) ? mine.reduce((sum, r) => sum + (r.databaseMs ?? 0), 0) / requests : null;
      const rps = mine.map((r) => r.rps);
      return {
        name: target.name,
        rps: median(rps),
        low: Math.min(...rps),
        high: Math.max(...rps),
        p50: median(mine.map((r) => r.p50)),
        p99: median(mine.map((r) => r.p99)),
        cpu: server === null ? "—" : `${server.toFixed(2)} ms + ${database === null ? "?" : database.toFixed(2)} ms`,
        failures: mine.reduce((sum, r) => sum + r.failures, 0),
      };
    });
    const rate = (name: string) => summary.find((s) => s.name === name)?.rps ?? 0;
    const ratio = (a: string, b: string) => (rate(b) ? (rate(a) / rate(b)).toFixed(2) : "?");
    const command = `npm run bench -- --side-by-side --rounds ${options.rounds} --duration ${options.duration} --connections ${options.connections}${options.workers ? ` --workers ${options.workers}` : ""}`;
    const graphdeckProcesses =
      options.workers === 0 ? "`WORKERS=0`, one process" : `\`WORKERS=${options.workers}\`, ${options.workers} worker process${options.workers === 1 ? "" : "es"} under a supervising primary, each with its own pool and response cache; CPU counted over all of them`;
    return `## Side by side: Graphdeck${options.workers ? ` (${options.workers} worker${options.workers === 1 ? "" : "s"})` : ""}, PostGraphile v4 and a hand-written endpoint

Made by \`${command}\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"},
PostgreSQL on 127.0.0.1. One fresh database (\`${DATABASE}\`, seeded by Graphdeck at start) served at once by
Graphdeck (${graphdeckProcesses}), PostGraphile v4 and a hand-written node:http + postgres.js endpoint
(\`test/bench/peers/\`), each process with a pool of 10 connections, all with \`NODE_ENV=production\`. The load is the web app's own
concept-page operation (\`ConceptPageDocument\`) for \`${options.slug}\` (${shape}); PostGraphile answers
\`POSTGRAPHILE_QUERY\` in \`test/bench/side-by-side.ts\` (the same facts in its schema; a citation's passage is a
computed column), the hand-written endpoint one prepared SQL statement that builds the JSON; all three answers
were checked to hold the same facts before measuring. autocannon, ${options.connections} connections,
${options.rounds} interleaved rounds of ${options.duration} s per server (the order rotating each round), after ${WARM_UP_SECONDS} s of warm-up each.
"uncached" adds a new nonce variable to every request, which Graphdeck's response cache keys on; PostGraphile
and the hand-written endpoint have no response cache. CPU per request is user + system time from \`/proc\`
(10 ms ticks) of the server's process, then of the PostgreSQL backends serving that database, over all rounds.

| server | requests/s (median) | range over rounds | p50 ms | p99 ms | CPU per request: server + database | failed |
| --- | ---: | ---: | ---: | ---: | --- | ---: |
${summary.map((s) => `| ${s.name} | ${s.rps} | ${s.low}–${s.high} | ${s.p50} | ${s.p99} | ${s.cpu} | ${s.failures} |`).join("\n")}

Graphdeck uncached is ${ratio("Graphdeck uncached", "PostGraphile v4")}× PostGraphile and ${ratio("Graphdeck uncached", "hand-written")}× the hand-written endpoint;
cached, ${ratio("Graphdeck cached", "PostGraphile v4")}× PostGraphile (medians). Load average (1 min) before and after: ${load.map((l) => l.toFixed(2)).join(" → ")} on ${cpus().length} cores;
autocannon itself runs on the same cores as the servers and the database.

Every round:

| round | server | requests/s | p50 ms | p99 ms |
| ---: | --- | ---: | ---: | ---: |
${runs.map((r) => `| ${r.round} | ${r.target} | ${r.rps} | ${r.p50} | ${r.p99} |`).join("\n")}
`;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.end();
  }
}
