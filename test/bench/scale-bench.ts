/**
 * `npm run bench -- --scale 1000,100000,1000000 [--duration 10]`: how the server grows with the graph.
 *
 * For each size, a synthetic graph in a PostgreSQL database of its own (graphdeck_scale_<N>, built by
 * seed-synthetic.ts when missing, kept for the next run) is served as `npm start` serves it (the
 * prebuilt bundle, Node's default heap), by one process (WORKERS=0) so its memory is one number. It
 * reports how long the server took to be ready (listening, and its study material built ahead), its
 * resident memory then and at its peak while loaded, and for what users do — a concept page, a typo
 * search, a quiz, a quiz of a new seed each time, a flashcard opened by id, a deck's first page —
 * and answering a question of one of many quizzes under way —
 * requests/s, p50 and p99 with 10 connections, each request uncached (a fresh nonce).
 */
import { spawn, spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { freshNonce } from "./fresh-nonce.ts";
import { rssOf } from "./process-memory.ts";
import postgres from "postgres";
import { ConceptPageDocument } from "../../web/app/api/generated/graphql.ts";

export interface ScaleRow {
  concepts: number;
  readyMs: number;
  rssReady: number;
  rssPeak: number;
  operations: { name: string; rps: number; p50: number; p99: number; failures: number }[];
}

const SEARCH = `query ($q: String!) { search(query: $q, first: 10) { slug name summary kind } }`;
const QUIZ = `query ($seed: Int) { quiz(kind: MIXED, count: 10, seed: $seed) { id questions { id kind prompt choices { id text } concept { slug name } } } }`;
const CARD = `query ($id: ID!) { flashcard(id: $id) { id front back explanation concept { slug name } } }`;
const DECK = `query { flashcards(deck: "all", first: 20) { id front back } }`;
const ANSWER = `mutation ($quiz: ID!, $question: ID!, $choice: ID!) { answer(quizId: $quiz, questionId: $question, choiceId: $choice) { correct correctChoiceId explanation } }`;
/** How many quizzes of new seeds the "answer" row's learners have under way, as many learners at once would. */
const QUIZZES_UNDER_WAY = 100;
const SETTLE_SECONDS = 15;


async function ensureGraph(adminUrl: string, concepts: number): Promise<string> {
  const name = `graphdeck_scale_${concepts}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let have = -1;
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const graph = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        const [row] = await graph`select count(*)::int as n from concepts where slug like 'syn-%'`;
        have = Number(row?.n ?? -1);
      } catch {
        have = -1;
      } finally {
        await graph.end();
      }
    }
  } finally {
    await admin.end();
  }
  if (have !== concepts) {
    const run = spawnSync(process.execPath, ["--import", "tsx", "test/bench/seed-synthetic.ts", "--concepts", String(concepts), "--database", name], {
      env: { ...process.env, DATABASE_URL: adminUrl },
      stdio: "inherit",
    });
    if (run.status !== 0) throw new Error(`building the ${concepts}-concept graph failed`);
  }
  return url.toString();
}

/**
 * What a region, a search and a concept page read of a graph: its study rows, the indexes that walk
 * relations, the concepts and their summaries' index, and the name dictionaries.
 */
const READ_AHEAD = [
  "concept_study_rows",
  "concept_study_rows_pkey",
  "relations_source",
  "relations_target",
  "concepts",
  "concepts_pkey",
  "concepts_summary_hash",
  "claims_concept",
  "value_holders_kind_aspect_concept_id_pk",
  "name_words",
  "name_words_pkey",
  "name_words_trgm",
  "concept_words_word_concept_id_pk",
];

/**
 * Reads those into the operating system's cache before the server starts, as a server that has run a
 * while finds them. On this machine a million concepts' database (3.7 GB) does not all stay cached: a
 * run right after building or serving another graph measured its disk (a new seed's quiz waited
 * seconds for pages, 20 of them timed out). Needs pg_prewarm (PostgreSQL's contrib); without it the
 * run says so and goes on cold.
 */
async function readAhead(url: string): Promise<void> {
  const graph = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await graph`create extension if not exists pg_prewarm`;
    const [read] = await graph`
      select coalesce(sum(pg_prewarm(to_regclass(name), 'read')), 0)::bigint as blocks
      from unnest(${READ_AHEAD}::text[]) as name where to_regclass(name) is not null`;
    console.log(`read ${Math.round((Number(read?.blocks ?? 0) * 8) / 1024)} MB of the graph's tables into the cache ahead`);
  } catch (error) {
    console.log(`could not read the graph's tables ahead (${error instanceof Error ? error.message : String(error)}): this run starts cold`);
  } finally {
    await graph.end();
  }
}

/**
 * `asked` numbers the operation's requests: it goes on from the warm-up into the measured run, so that a
 * run of "any concept" or "a new seed" does not ask again for what its warm-up read (and kept).
 */
async function load(url: string, query: string, variables: (n: number) => Record<string, unknown>, seconds: number, asked: () => number, fromMany = false) {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: 10,
    duration: seconds,
    verifyBody: (body) => !String(body ?? "").includes('"errors"'),
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => {
          const n = asked();
          // Many learners, each from an address of its own behind the proxy the server trusts (TRUST_PROXY=1):
          // one address would soon meet the limit on changes per address.
          const headers = fromMany ? { ...request.headers, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } : request.headers;
          return { ...request, headers, body: JSON.stringify({ query, variables: { ...variables(n), nonce: freshNonce() } }) };
        },
      },
    ],
  });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, failures: result.errors + result.non2xx + result.mismatches };
}

export async function scaleRun(adminUrl: string, concepts: number, seconds: number): Promise<ScaleRow> {
  const databaseUrl = await ensureGraph(adminUrl, concepts);
  await readAhead(databaseUrl);
  // Exactly what `npm start` runs, without npm's own process in between.
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SEED_ON_START: "false", WORKERS: "0", PORT: "0", HOST: "127.0.0.1", TRUST_PROXY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const pid = child.pid as number;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 250);
  try {
    while (!/study material ready/.test(output)) {
      if (child.exitCode !== null || performance.now() - started > 600_000) throw new Error(`the server did not get ready:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const readyMs = Math.round(performance.now() - started);
    const rssReady = Math.round(rssOf(pid));
    const url = /listening on (http:\/\/localhost:\d+)/.exec(output)?.[1] as string;
    const synthetic = (i: number) => `syn-${1 + ((i * 7919) % concepts)}`;
    // The cards a learner opens next: those of the deck page they study.
    const page = (await (await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: DECK }) })).json()) as {
      data?: { flashcards: { id: string }[] };
    };
    const deckIds = page.data?.flashcards.map((c) => c.id) ?? [];
    // The answers learners send: every choice of every question of quizzes of new seeds, made before the row.
    const answers: { quiz: string; question: string; choice: string }[] = [];
    const startQuizzes = async () => {
      for (let i = 0; i < QUIZZES_UNDER_WAY; i++) {
        const made = (await (
          await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUIZ, variables: { seed: 900_001 * (i + 1) } }) })
        ).json()) as { data?: { quiz: { id: string; questions: { id: string; choices: { id: string }[] }[] } } };
        const quiz = made.data?.quiz;
        for (const question of quiz?.questions ?? []) for (const choice of question.choices) answers.push({ quiz: quiz?.id ?? "", question: question.id, choice: choice.id });
      }
    };
    // The first seconds after start run slower (V8 still optimising, the heap settling after the
    // warm-up's regions): a settling load first, so that every row measures the server as it runs.
    await load(url, ConceptPageDocument.toString(), () => ({ slug: "syn-471" }), SETTLE_SECONDS, () => 0);
    const operations: { name: string; query: string; variables: (i: number) => Record<string, unknown>; prepare?: () => Promise<void>; fromMany?: boolean }[] = [
      { name: "concept page", query: ConceptPageDocument.toString(), variables: () => ({ slug: "syn-471" }) },
      { name: "search (typo)", query: SEARCH, variables: () => ({ q: "kubmeanix" }) },
      { name: "quiz (10, mixed)", query: QUIZ, variables: () => ({ seed: 7 }) },
      { name: "quiz, a new seed each time", query: QUIZ, variables: (i: number) => ({ seed: 100_003 * (i + 1) }) },
      { name: "flashcard by id, any concept", query: CARD, variables: (i: number) => ({ id: `term:${synthetic(i)}` }) },
      { name: "flashcard by id, from a deck page", query: CARD, variables: (i: number) => ({ id: deckIds[i % deckIds.length] }) },
      { name: "deck's first page", query: DECK, variables: () => ({}) },
      // In a scattered order across the quizzes, as many learners answering at once send them.
      { name: `answer, ${QUIZZES_UNDER_WAY} quizzes under way`, query: ANSWER, variables: (i: number) => ({ ...answers[(i * 7919) % Math.max(1, answers.length)] }), prepare: startQuizzes, fromMany: true },
    ];
    const rows: ScaleRow["operations"] = [];
    for (const operation of operations) {
      await operation.prepare?.();
      let asked = 0;
      const next = () => asked++;
      await load(url, operation.query, operation.variables, 3, next, operation.fromMany); // warm up: JIT, query plans, pages
      const result = await load(url, operation.query, operation.variables, seconds, next, operation.fromMany);
      // The resident peak so far: which row raised it.
      console.log(
        `${String(concepts).padStart(8)} ${operation.name.padEnd(28)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  peak ${Math.round(peak)} MB${result.failures ? `  ${result.failures} failed` : ""}`,
      );
      rows.push({ name: operation.name, ...result });
    }
    return { concepts, readyMs, rssReady, rssPeak: Math.round(peak), operations: rows };
  } finally {
    clearInterval(sampler);
    child.kill("SIGTERM");
    await exited;
  }
}

/** The markdown section: one table of readiness and memory, one of each operation against the smallest graph. */
export function scaleSection(rows: ScaleRow[], command: string): string {
  const base = rows[0];
  const head = `| concepts | ready after start | resident when ready | resident at peak |\n| ---: | ---: | ---: | ---: |\n${rows
    .map((r) => `| ${r.concepts.toLocaleString("en")} | ${(r.readyMs / 1000).toFixed(1)} s | ${r.rssReady} MB | ${r.rssPeak} MB |`)
    .join("\n")}`;
  const names = base?.operations.map((o) => o.name) ?? [];
  const table = `| operation | ${rows.map((r) => `${r.concepts.toLocaleString("en")}: req/s · p50 · p99`).join(" | ")} | largest against smallest |\n| --- | ${rows.map(() => "---").join(" | ")} | --- |\n${names
    .map((name) => {
      const cells = rows.map((r) => r.operations.find((o) => o.name === name)).map((o) => (o ? `${o.rps} · ${o.p50} ms · ${o.p99} ms${o.failures ? ` (${o.failures} failed)` : ""}` : "–"));
      const first = base?.operations.find((o) => o.name === name);
      const last = rows.at(-1)?.operations.find((o) => o.name === name);
      const ratio = first && last ? `${(last.rps / first.rps).toFixed(2)}× req/s, p99 ${(last.p99 / Math.max(1, first.p99)).toFixed(2)}×` : "–";
      return `| ${name} | ${cells.join(" | ")} | ${ratio} |`;
    })
    .join("\n")}`;
  return `## A graph of a thousand to a million concepts (issue 14)

Made by \`${command}\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, PostgreSQL on this machine.
Each graph is synthetic (\`npm run seed:synthetic -- --concepts N --database graphdeck_scale_N\`: about 5 random
relations and one claim per concept, beside the 84 real ones) and served as \`npm start\` serves it, by one
process (\`WORKERS=0\`) on Node's default heap. "Ready" is from start until it has listened and built its study
material ahead; resident memory is the process's own, at that moment and at its peak during the runs. Every
request is uncached (a fresh nonce); 10 connections. Above 20,000 concepts (\`STUDY_WHOLE_GRAPH_LIMIT\`) quizzes,
rounds, decks and cards are made from regions of the graph read on demand (server/study/study-graphs.ts): the
"quiz (10, mixed)" row asks the same seed each time, so its quiz is made once and kept; "a new seed each time"
reads a new region and makes a new quiz for nearly every request; "flashcard by id, any concept" opens a different concept's card each
time (a region of its own), "from a deck page" the cards of the deck page a learner studies (its region is kept);
"answer" grades a choice of one of ${QUIZZES_UNDER_WAY} quizzes of new seeds started just before it, every choice of
each, in a scattered order (each answer is graded against its quiz as it was made: server/study/study-graphs.ts).
Before the server starts, the tables and indexes regions and searches read are read into the operating system's
cache (pg_prewarm), as a server that has run a while finds them: on this machine a million concepts' database does
not all stay cached, and a cold run measured the disk. Before the rows, 15 s of concept pages let the server settle
after start; each row has 3 s of warm-up of its own, whose concepts and seeds its measured run does not ask again.

${head}

${table}
`;
}
