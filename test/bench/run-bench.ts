/**
 * `npm run bench [-- --duration 5 --connections 10 --synthetic 100000]`
 *
 * Starts the real server on PGlite and on PostgreSQL (when one answers at
 * DATABASE_URL, by default the local one), loads each with autocannon for
 * every operation, cached (the same request again) and uncached (a nonce
 * variable defeats the response cache), and prints requests/s and p50/p99.
 * With --synthetic N it repeats the runs on a random graph of N concepts.
 * The table is written to docs/benchmarks.md with the command that made it.
 *
 * `npm run bench -- --side-by-side [--rounds 3] [--workers N]` instead serves one PostgreSQL database with Graphdeck,
 * PostGraphile v4 and a hand-written endpoint and loads all three with the concept page (side-by-side.ts);
 * its section of docs/benchmarks.md is replaced, and kept when the other runs rewrite the file.
 *
 * `npm run bench -- --room [--players 200] [--questions 10]` instead plays one live room with that many
 * players holding its subscription, on PGlite and on PostgreSQL, and times from the host's "next" to
 * each player holding the question (room-bench.ts); it has its own section of the file, kept likewise.
 *
 * `npm run bench -- --scale 1000,100000,1000000 [--duration 10]` instead serves synthetic graphs of those sizes on
 * PostgreSQL, one process each, and reports readiness, memory and each user operation (scale-bench.ts); its own section.
 *
 * `npm run bench -- --heavy` instead sends, on PGlite and on PostgreSQL, the heaviest request of each kind the
 * limits accept to a server of one process, alone, and reports the CPU, time and memory each one took
 * (heavy-requests.ts); its own section, kept likewise.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import postgres from "postgres";
import { ConceptPageDocument } from "../../web/app/api/generated/graphql.ts";
import { spawnServer } from "../support/spawn-server.ts";
import { freshNonce } from "./fresh-nonce.ts";
import { heavyRequests } from "./heavy-requests.ts";
import { scaleRun, scaleSection } from "./scale-bench.ts";
import { percentile, roomBenchmark, type RoomBenchResult } from "./room-bench.ts";
import { sideBySide } from "./side-by-side.ts";
import { syntheticTarget } from "./synthetic-database.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    synthetic: { type: "string" },
    output: { type: "string", default: "docs/benchmarks.md" },
    "side-by-side": { type: "boolean", default: false },
    rounds: { type: "string", default: "3" },
    slug: { type: "string", default: "docker" },
    workers: { type: "string", default: "0" },
    room: { type: "boolean", default: false },
    heavy: { type: "boolean", default: false },
    scale: { type: "string" },
    players: { type: "string", default: "200" },
    questions: { type: "string", default: "10" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const postgresUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

// One section per Graphdeck WORKERS value, so runs with 0, 1 and 2 workers stand side by side.
const workers = Number(values.workers);
const SECTION_START = `<!-- side-by-side${workers ? ` --workers ${workers}` : ""}: written by npm run bench -- --side-by-side -->`;
const SECTION_END = `<!-- /side-by-side${workers ? ` --workers ${workers}` : ""} -->`;
/** The side-by-side section of the report file, markers included, or "". */
function sideBySideSection(): string {
  const text = existsSync(values.output) ? readFileSync(values.output, "utf8") : "";
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  return start >= 0 && end > start ? text.slice(start, end + SECTION_END.length) : "";
}

if (values["side-by-side"]) {
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 10 || !(duration > 0 && duration <= 30)) throw new Error("--rounds 1 to 10, --duration up to 30 s");
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new Error("--workers 0 (one process) to 64");
  const section = `${SECTION_START}\n${await sideBySide({ postgresUrl, duration, connections, rounds, slug: values.slug, workers })}${SECTION_END}`;
  const text = existsSync(values.output) ? readFileSync(values.output, "utf8") : "# Benchmarks\n";
  const old = sideBySideSection();
  writeFileSync(values.output, old ? text.replace(old, section) : `${text.trimEnd()}\n\n${section}\n`);
  console.log(`\nwritten to ${values.output}`);
  process.exit(0);
}

/** Replaces (or adds) a section of the report file between its markers. */
function writeSection(start: string, end: string, body: string): void {
  const text = existsSync(values.output) ? readFileSync(values.output, "utf8") : "# Benchmarks\n";
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const section = `${start}\n${body}${end}`;
  writeFileSync(values.output, from >= 0 && to > from ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${section}\n`);
  console.log(`\nwritten to ${values.output}`);
}

/**
 * Runs `run` on a fresh PGlite folder and, when PostgreSQL answers, on a fresh database named `database`
 * (the server migrates and seeds both at start); removes both afterwards.
 */
async function onFreshBackends(database: string, run: (backend: string, env: Record<string, string>) => Promise<void>): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), `${database}-`));
  const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  try {
    const backends: [string, Record<string, string>][] = [["pglite", { DATA_DIR: join(scratch, "data"), DATABASE_URL: "" }]];
    if (await postgresAnswers()) {
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.unsafe(`create database ${database}`);
      const url = new URL(postgresUrl);
      url.pathname = `/${database}`;
      backends.push(["postgres", { DATABASE_URL: url.toString() }]);
    }
    for (const [backend, env] of backends) await run(backend, env);
  } finally {
    await admin.unsafe(`drop database if exists ${database} with (force)`).catch(() => {});
    await admin.end();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (values.scale) {
  const sizes = values.scale.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error("--scale takes concept counts, e.g. 1000,100000,1000000");
  if (!(await postgresAnswers())) throw new Error(`--scale needs PostgreSQL at ${postgresUrl}`);
  const rows = [];
  for (const concepts of sizes) rows.push(await scaleRun(postgresUrl, concepts, duration));
  writeSection("<!-- scale: written by npm run bench -- --scale -->", "<!-- /scale -->", scaleSection(rows, `npm run bench -- ${process.argv.slice(2).join(" ")}`));
  process.exit(0);
}

if (values.heavy) {
  const parts: string[] = [];
  await onFreshBackends("graphdeck_heavy_bench", async (backend, env) => {
    const lines = await heavyRequests(env);
    console.log([backend, ...lines].join("\n"));
    parts.push(`### ${backend}\n\n${lines.join("\n")}\n`);
  });
  writeSection(
    "<!-- heavy: written by npm run bench -- --heavy -->",
    "<!-- /heavy -->",
    `## The heaviest requests the limits accept (issue 13)

Made by \`npm run bench -- --heavy\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}.
For each kind of request, the heaviest variant the server accepts (from the heaviest down: more nesting, then
more aliases, until one is not refused before it runs) is sent three times with a fresh nonce to a server of one
process (\`WORKERS=0\`), alone. "Server CPU" is the process's user + system time for the request (10 ms steps),
"memory rise" how far its resident memory went above what it held just before (sampled every 2 ms). A request
stopped while it ran (QUERY_TOO_COSTLY "resolved more than", TIMEOUT) or refused after it for its size counts:
it cost what it cost. PostgreSQL's own CPU is not included (PGlite's is: it runs inside the server's process). The goal:
no request over 1 s of CPU or 50 MB.

${parts.join("\n")}`,
  );
  console.log(`\nwritten to ${values.output}`);
  process.exit(0);
}

if (values.room) {
  const players = Number(values.players);
  const questions = Number(values.questions);
  if (!Number.isInteger(players) || players < 1 || players > 300 || !Number.isInteger(questions) || questions < 1 || questions > 50) {
    throw new Error("--players 1 to 300, --questions 1 to 50");
  }
  const runs: { backend: string; room: string; result: RoomBenchResult }[] = [];
  await onFreshBackends("graphdeck_room_bench", async (backend, env) => {
    // Each player's answers come from an address of their own, through one trusted proxy hop.
    const { url, stop, waitForOutput } = await spawnServer({ ...env, TRUST_PROXY: "1" }, { inheritErrors: true });
    try {
      await waitForOutput(/study material ready/, 600_000);
      // Two rooms, one after the other, on the same server: the first is a fresh server's first room
      // (its code paths still cold), the second one as a server that has been up a while runs it.
      for (const room of ["first after start", "second"]) {
        const result = await roomBenchmark({ url, players, questions });
        console.log(`${backend}, ${room} room: ${result.players} players, ${result.questions} questions: p50 ${percentile(result.deliveries, 50).toFixed(1)} ms, p99 ${percentile(result.deliveries, 99).toFixed(1)} ms, last player p50 ${percentile(result.lastPlayer, 50).toFixed(1)} ms, max ${Math.max(...result.lastPlayer).toFixed(1)} ms, host's call p50 ${percentile(result.hostCall, 50).toFixed(1)} ms, missed ${result.missed}`);
        runs.push({ backend, room, result });
      }
    } finally {
      await stop();
    }
  });
  const ms = (value: number) => value.toFixed(1);
  const rows = runs.map(({ backend, room, result: r }) =>
    `| ${backend} | ${room} | ${r.players} | ${r.questions} | ${ms(percentile(r.deliveries, 50))} | ${ms(percentile(r.deliveries, 99))} | ${ms(Math.max(...r.deliveries))} | ${ms(percentile(r.lastPlayer, 50))} | ${ms(Math.max(...r.lastPlayer))} | ${ms(percentile(r.hostCall, 50))} | ${r.missed} |`,
  );
  writeSection(
    "<!-- room: written by npm run bench -- --room -->",
    "<!-- /room -->",
    `## Live room: from the host's "next" to every player holding the question

Made by \`npm run bench -- --room --players ${players} --questions ${questions}\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version},
${cpus().length} × ${cpus()[0]?.model ?? "CPU"}. The server runs as \`npm start\` does, with \`TRUST_PROXY=1\` (on PGlite one
process; on PostgreSQL one worker per core, the players' connections spread over them, each worker
learning of the others' changes through the database's NOTIFY), the host and every player in one other
process on the same machine, each player holding the room's subscription
(server-sent events over its own connection) as the app does. For each question, the time from just before
the host's \`nextQuestion\` (\`startRoom\` for the first) is sent to each player's stream delivering that question;
then every player answers, which closes the question, and the host moves on. "last player" is, per question,
the time until the last of them held it; "host's call", how long the host's own call took to answer (the
question is saved and handed to every subscriber before it answers). Each server plays two rooms in a row:
the first after it started (code paths still cold), then a second. Goal: p99 under 200 ms.

| backend | room | players | questions | p50 ms | p99 ms | max ms | last player p50 ms | last player max ms | host's call p50 ms | missed |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}
`,
  );
  process.exit(0);
}

interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

// What the web app's concept page sends (web/app/api/operations/concept.graphql), not a query of our own.
const PAGE = ConceptPageDocument.toString();
const SEARCH = `query ($q: String!) { search(query: $q, first: 10) { slug name summary kind } }`;
const QUIZ = `query ($seed: Int) { quiz(kind: MIXED, count: 10, seed: $seed) {
  id seed questions { id kind prompt difficulty choices { id text } concept { slug name } } } }`;
const COMPARE = `query ($a: String!, $b: String!) { compare(a: $a, b: $b) {
  a { name } b { name } aspects { aspect { label } a { statement value polarity } b { statement value polarity } } shared { slug name } } }`;

const MATCHING = `query ($seed: Int) { matching(kind: CATEGORY, size: 8, seed: $seed) {
  seed terms { id text matchId explanation concept { slug } citations { locator source { title } } } targets { id text } } }`;
const NEIGHBOURHOOD = `query ($slug: String!) { neighborhood(slug: $slug, depth: 2) {
  center { slug name } nodes { slug name kind } edges { id label source { slug name } target { slug name } } } }`;

function operations(dataset: "seeds" | "synthetic"): Operation[] {
  const seeds = dataset === "seeds";
  return [
    { name: "concept page", query: PAGE, variables: { slug: seeds ? "docker" : "syn-4711" } },
    { name: "search (typo)", query: SEARCH, variables: { q: seeds ? "virtualbx" : "kubemanix" } },
    { name: "compare", query: COMPARE, variables: seeds ? { a: "container", b: "virtual-machine" } : { a: "syn-1", b: "syn-2" } },
    // Quizzes and matching rounds are never answered from the response cache (seedless ones are random): both rows execute.
    { name: "quiz (10, mixed)", query: QUIZ, variables: { seed: 7 } },
    { name: "matching round (8)", query: MATCHING, variables: { seed: 7 } },
    { name: "neighbourhood (2 steps)", query: NEIGHBOURHOOD, variables: { slug: seeds ? "docker" : "syn-4711" } },
  ];
}

interface Result {
  backend: string;
  dataset: string;
  operation: string;
  cache: "cached" | "uncached";
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

async function load(url: string, operation: Operation, cached: boolean, seconds = duration): Promise<Omit<Result, "backend" | "dataset">> {
  const body = (n: number | null) => JSON.stringify({ query: operation.query, variables: { ...operation.variables, ...(n === null ? {} : { nonce: n }) } });
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: seconds,
    // A GraphQL error still comes back as HTTP 200: count it as a failure, not a fast success.
    verifyBody: (responseBody) => !String(responseBody ?? "").includes('"errors"'),
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: body(cached ? null : freshNonce()) }),
      },
    ],
  });
  return {
    operation: operation.name,
    cache: cached ? "cached" : "uncached",
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx + result.mismatches,
  };
}

async function postgresAnswers(): Promise<boolean> {
  const client = postgres(postgresUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/** The first request of an operation, alone: cold query plans and database pages, cold response cache. */
async function coldRequest(url: string, operation: Operation): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: operation.query, variables: { ...operation.variables, nonce: -1 } }),
  });
  await response.text();
  return Math.round(performance.now() - started);
}

const coldRequests: string[] = [];

async function benchmark(backend: string, dataset: "seeds" | "synthetic", env: Record<string, string>): Promise<Result[]> {
  const started = performance.now();
  const { url, stop, waitForOutput } = await spawnServer(env, { inheritErrors: true });
  const results: Result[] = [];
  try {
    // The server builds its study material in the background after start; measure once it has.
    await waitForOutput(/study material ready/, 600_000);
    coldRequests.push(`${backend} ${dataset} study material ready after start: ${Math.round(performance.now() - started)} ms`);
    for (const operation of operations(dataset)) {
      const cold = await coldRequest(url, operation);
      coldRequests.push(`${backend} ${dataset} ${operation.name}: ${cold} ms`);
      // Warm up (JIT, query plans, database pages) before anything is measured.
      await load(url, operation, false, 1);
      for (const cached of [true, false]) {
        const result = { backend, dataset, ...(await load(url, operation, cached)) };
        console.log(`${backend.padEnd(8)} ${dataset.padEnd(9)} ${result.operation.padEnd(16)} ${result.cache.padEnd(8)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms${result.failures ? `  ${result.failures} failed` : ""}`);
        results.push(result);
      }
    }
  } finally {
    await stop();
  }
  return results;
}

const SYNTHETIC_DATABASE = "graphdeck_bench_synthetic";

function buildSynthetic(env: Record<string, string>, concepts: string): void {
  const run = spawnSync(process.execPath, ["--import", "tsx", "test/bench/seed-synthetic.ts", "--concepts", concepts, "--database", SYNTHETIC_DATABASE], {
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error("building the synthetic graph failed");
}

const results: Result[] = [];
const scratch = mkdtempSync(join(tmpdir(), "graphdeck-bench-"));
try {
  results.push(...(await benchmark("pglite", "seeds", { DATA_DIR: join(scratch, "seeds"), DATABASE_URL: "" })));
  const withPostgres = await postgresAnswers();
  if (withPostgres) {
    // A database of its own, so the benchmark never touches anyone's data.
    const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe("drop database if exists graphdeck_bench with (force)");
    await admin.unsafe("create database graphdeck_bench");
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = "/graphdeck_bench";
    try {
      results.push(...(await benchmark("postgres", "seeds", { DATABASE_URL: url.toString() })));
    } finally {
      const again = postgres(postgresUrl, { max: 1, onnotice: () => {} });
      await again.unsafe("drop database if exists graphdeck_bench with (force)");
      await again.end();
    }
  } else {
    console.log(`no PostgreSQL answers at ${postgresUrl}: PostgreSQL runs skipped`);
  }
  if (values.synthetic) {
    const pgliteDir = join(scratch, "synthetic-base");
    buildSynthetic({ DATA_DIR: pgliteDir, DATABASE_URL: "" }, values.synthetic);
    results.push(...(await benchmark("pglite", "synthetic", { DATA_DIR: join(pgliteDir, SYNTHETIC_DATABASE), DATABASE_URL: "", SEED_ON_START: "false" })));
    if (withPostgres) {
      buildSynthetic({ DATABASE_URL: postgresUrl }, values.synthetic);
      const target = await syntheticTarget(postgresUrl, SYNTHETIC_DATABASE);
      results.push(...(await benchmark("postgres", "synthetic", { DATABASE_URL: target.databaseUrl ?? "", SEED_ON_START: "false" })));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
const rows = results.map((r) => `| ${r.backend} | ${r.dataset} | ${r.operation} | ${r.cache} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.failures} |`);
const report = `# Benchmarks

Made by \`${command}\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"},
autocannon with ${connections} connections for ${duration} s per row, against the real server over HTTP.
"cached" repeats one request (answered by the response cache); "uncached" adds an unused nonce variable
to every request, which the cache key includes, so each one executes. A response with errors counts as failed. "seeds" is the real graph; "synthetic" a random graph built by
\`npm run seed:synthetic -- --concepts ${values.synthetic ?? "N"}\` (about 5 relations and 1 claim per concept).

| backend | dataset | operation | cache | requests/s | p50 ms | p99 ms | failed |
| --- | --- | --- | --- | ---: | ---: | ---: | ---: |
${rows.join("\n")}

How long after start the server had built its study material (graph snapshot, cards, quiz candidates,
matching index) in the background, and then the first request of each operation, timed alone before
the runs above:

${coldRequests.map((line) => `- ${line}`).join("\n")}
`;
// Every side-by-side section (one per --workers value, and the notes on them), the memory
// section (written by hand from test/bench/load-memory.ts), the live-room and the heavy-request sections survive this run.
const kept = (existsSync(values.output) ? readFileSync(values.output, "utf8") : "").match(/<!-- (?:side-by-side|memory|room|heavy|scale)[^>]*-->[\s\S]*?<!-- \/(?:side-by-side|memory|room|heavy|scale)[^>]*-->/g) ?? [];
writeFileSync(values.output, kept.length ? `${report}\n${kept.join("\n\n")}\n` : report);
console.log(`\nwritten to ${values.output}`);
