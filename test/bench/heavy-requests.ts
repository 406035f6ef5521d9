/**
 * How much one request can cost when it is as heavy as the limits allow (issue 13: no single request may use
 * more than 1 s of CPU or 50 MB); run by `npm run bench -- --heavy`, on PGlite and on PostgreSQL.
 *
 * For each shape of abuse (deep neighbourhoods, nested relation lists over a page of concepts, 50-slug
 * batches, typo searches, 50-question quizzes, flashcard pages, paths, comparisons), the heaviest variant the
 * server accepts is found by asking from the heaviest down (more nesting, then more aliases) until one is not
 * refused up front; that one is then sent three times with a fresh nonce (so the response cache cannot answer)
 * to a server of one process (`WORKERS=0`), alone (a request stopped while it ran, or refused after it for the
 * size of its response, counts as accepted: it cost what it cost), and the bench prints the server's CPU time for it
 * (user + system from /proc), its wall time, the response's size and how far the process's resident memory rose
 * above what it held just before (sampled every 2 ms). The hub of each shape is the concept with most
 * relations, found through the API, so nothing here knows the topic.
 */
import { readFileSync } from "node:fs";
import { LIMITS } from "../../server/http/limits.ts";
import { spawnServer } from "../support/spawn-server.ts";
import { SOURCES_DIR } from "../support/seed-paths.ts";
import { freshNonce } from "./fresh-nonce.ts";

const CLOCK_TICKS_PER_SECOND = 100;

function cpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14 and 15.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

interface Answer {
  status: number;
  bytes: number;
  code?: string;
  message?: string;
}

/**
 * Starts a server of one process with `env` (its database), finds the heaviest accepted variant of each
 * shape, measures it `repeat` times and returns the report's lines (a Markdown table and what it ran on).
 */
export async function heavyRequests(env: Record<string, string>, repeat = 3): Promise<string[]> {
  const server = await spawnServer({ WORKERS: "0", NODE_ENV: "production", SOURCES_DIR: SOURCES_DIR ?? "", ...env });
  const pid = server.pid ?? 0;
  const lines: string[] = [];

  async function post(query: string, nonce: number): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables: { nonce } }),
    });
    const text = await response.text();
    let error: { message?: string; extensions?: { code?: string } } | undefined;
    try {
      error = (JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string } }[] }).errors?.[0];
    } catch {
      error = { message: text.slice(0, 80) };
    }
    return { status: response.status, bytes: Buffer.byteLength(text), code: error?.extensions?.code, message: error?.message };
  }

  try {
    await server.waitForOutput(/study material ready/, 120_000);
    const listingResponse = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ concepts(first: 100) { edges { node { slug relations { id } } } } }` }),
    });
    const listing = (await listingResponse.json()) as { data?: { concepts: { edges: { node: { slug: string; relations: unknown[] } }[] } } };
    if (!listing.data) throw new Error(`listing concepts failed: ${listingResponse.status}`);
    const nodes = listing.data.concepts.edges.map((edge) => edge.node).sort((a, b) => b.relations.length - a.relations.length);
    const hub = nodes[0]?.slug ?? "";
    const second = nodes[1]?.slug ?? hub;
    const fifty = nodes.slice(0, 50).map((node) => JSON.stringify(node.slug)).join(", ");

    const aliased = (count: number, field: (i: number) => string) => `query Heavy { ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(" ")} }`;
    /** `relations { target { … } }` nested `levels` times around `inner`. */
    const nest = (levels: number, inner: string): string => (levels === 0 ? inner : `relations { target { slug ${nest(levels - 1, inner)} } }`);
    const conceptFields = "slug name summary description aliases claims { statement citations { locator passage } } citations { locator passage } mentions(first: 20) { text }";
    // Misspelt names (a letter dropped from the middle of each of 15 slugs): each one is a typo-tolerant search.
    const typos = nodes.slice(0, 15).map(({ slug }) => {
      const name = slug.replace(/-/g, " ");
      const middle = Math.floor(name.length / 2);
      return name.slice(0, middle) + name.slice(middle + 1);
    });

    interface Variant {
      label: string;
      query: string;
    }
    interface Shape {
      name: string;
      /** From the heaviest variant down. */
      variants: Variant[];
    }
    const counts = [15, 10, 5, 3, 2, 1];
    /** The field `make` gives, as 15 aliases, then 10, … down to 1; `what` says what else the variant varies. */
    const byAliases = (what: string, make: (i: number) => string): Variant[] =>
      counts.map((count) => ({ label: `${count} alias${count > 1 ? "es" : ""}${what ? `, ${what}` : ""}`, query: aliased(count, make) }));
    const levelsOf = (levels: number) => `relations nested ${levels} deep`;
    const shapes: Shape[] = [
      {
        name: "neighbourhood, nested relations",
        variants: [3, 2, 1].flatMap((depth) => [3, 2, 1].flatMap((levels) => byAliases(`depth ${depth}, ${levelsOf(levels)}`, () => `neighborhood(slug: "${hub}", depth: ${depth}) { nodes { ${nest(levels, conceptFields)} } }`))),
      },
      {
        name: "a page of concepts, nested relations",
        variants: [3, 2, 1].flatMap((levels) => [100, 50, 20].flatMap((first) => byAliases(`first ${first}, ${levelsOf(levels)}`, () => `concepts(first: ${first}) { edges { node { ${nest(levels, conceptFields)} } } }`))),
      },
      { name: "one concept, nested relations", variants: [4, 3, 2, 1].flatMap((levels) => byAliases(levelsOf(levels), () => `concept(slug: "${hub}") { ${nest(levels, conceptFields)} }`)) },
      { name: "50 slugs at once", variants: [2, 1, 0].flatMap((levels) => byAliases(levelsOf(levels), () => `conceptsBySlug(slugs: [${fifty}]) { ${nest(levels, conceptFields)} }`)) },
      { name: "typo searches, 50 hits", variants: byAliases("", (i) => `searchHits(query: "${typos[i % typos.length]}", first: 50) { concept { ${conceptFields} } }`) },
      { name: "quizzes of 50 questions", variants: byAliases("", (i) => `quiz(kind: MIXED, count: 50, seed: ${1000 + i}) { questions { prompt choices { text } } }`) },
      { name: "flashcard pages", variants: [200, 100, 50].flatMap((first) => byAliases(`first ${first}`, (i) => `flashcards(first: ${first}, offset: ${i * first}) { id front back }`)) },
      { name: "paths", variants: byAliases("", () => `path(from: "${hub}", to: "${nodes.at(-1)?.slug ?? hub}", maxDepth: 4) { source { ${conceptFields} } target { ${conceptFields} } }`) },
      { name: "comparisons", variants: byAliases("", () => `compare(a: "${hub}", b: "${second}") { a { ${conceptFields} } b { ${conceptFields} } }`) },
    ];

    lines.push(`hub concept ${hub} (${nodes[0]?.relations.length} relations)`);
    lines.push(`limits: cost ${LIMITS.queryCost}, aliases ${LIMITS.aliases}, depth ${LIMITS.queryDepth}, response ${LIMITS.responseBytes / 1024 / 1024} MiB, time ${LIMITS.requestMs} ms`);
    lines.push("| shape | heaviest accepted | status | server CPU ms (max of runs) | wall ms (max) | response KB | resident memory rise MB (max) |");
    lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (const shape of shapes) {
      let chosen: Variant | undefined;
      let refusal = "";
      for (const variant of shape.variants) {
        const answer = await post(variant.query, freshNonce());
        // Refused before it ran (cost, aliases, depth; graphql-armor's refusals carry no code and may come with
        // a 200 under application/json) — try a lighter one.
        // A request stopped while it ran (resolved values, time) or refused after it (response size) counts:
        // it cost what it cost.
        const ran = answer.code === "RESPONSE_TOO_LARGE" || /was stopped/.test(answer.message ?? "");
        if (!ran && (answer.status === 400 || /limit/i.test(answer.message ?? ""))) {
          refusal = answer.message ?? "";
          continue;
        }
        if (!ran && (answer.status !== 200 || answer.message)) throw new Error(`${shape.name}: ${answer.status} ${answer.code} ${answer.message}`);
        chosen = variant;
        break;
      }
      if (!chosen) {
        lines.push(`| ${shape.name} | every variant refused up front (${refusal}) | 400 | – | – | – | – |`);
        continue;
      }
      let cpu = 0;
      let wall = 0;
      let rise = 0;
      let last: Answer | undefined;
      for (let run = 0; run < repeat; run++) {
        const before = rssMb(pid);
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 2);
        const cpuBefore = cpuMs(pid);
        const started = performance.now();
        last = await post(chosen.query, freshNonce());
        wall = Math.max(wall, performance.now() - started);
        cpu = Math.max(cpu, cpuMs(pid) - cpuBefore);
        clearInterval(sampler);
        rise = Math.max(rise, Math.max(peak, rssMb(pid)) - before);
      }
      const status = `${last?.status}${last?.code ? ` ${last.code}` : ""}`;
      lines.push(`| ${shape.name} | ${chosen.label} | ${status} | ${Math.round(cpu)} | ${Math.round(wall)} | ${Math.round((last?.bytes ?? 0) / 1024)} | ${rise.toFixed(1)} |`);
    }
  } finally {
    await server.stop();
  }
  return lines;
}
