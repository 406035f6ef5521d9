/**
 * The rows a study region of a large graph reads (concept_study_rows, server/seed/study-rows.ts):
 * prepared by every seed from the graph's tables, and at start-up for a graph seeded before they
 * existed. A row that disagreed with the graph would put wrong categories or claims into quizzes.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../server/db/query-rows.ts";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { refreshStaleStudyRows, refreshStudyRows } from "../../server/seed/study-rows.ts";
import { graphWideFacts, loadRegion } from "../../server/study/graph-region.ts";
import { loadSeeds } from "../../server/seed/load-seeds.ts";
import { seedFacts } from "../support/seed-graph.ts";
import { SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
const facts = seedFacts();
const seeds = loadSeeds({ seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
}, 120_000);
afterAll(async () => database?.drop());

interface Row {
  slug: string;
  ancestors: { slug: string; depth: number }[];
}

async function studyRows(): Promise<Row[]> {
  const rows = await queryRows<{ slug: string; ancestors: { slug: string; depth: number }[] | null }>(
    database.db,
    sql`select s.slug, (select json_agg(json_build_object('slug', c.slug, 'depth', a.depth)) from unnest(s.ancestor_ids, s.ancestor_depths) as a(id, depth) join concepts c on c.id = a.id) as ancestors
        from concept_study_rows s order by s.slug`,
  );
  return rows.map((r) => ({ slug: r.slug, ancestors: r.ancestors ?? [] }));
}

describe("study rows", () => {
  it("hold, for every concept, each category above it as the seeds file it, at its nearest distance", async () => {
    const rows = await studyRows();
    expect(new Set(rows.map((r) => r.slug))).toEqual(new Set(seeds.concepts.map((c) => c.slug)));
    expect(rows).toHaveLength(seeds.concepts.length);
    const classifying = new Set(seeds.vocabulary.relation_types.filter((t) => t.classifies).map((t) => t.slug));
    let deepest = 0;
    for (const row of rows) {
      expect(new Set(row.ancestors.map((a) => a.slug)), row.slug).toEqual(facts.categoriesAbove(row.slug));
      const direct = seeds.relations.filter((r) => r.from === row.slug && classifying.has(r.type) && !r.outdated).map((r) => r.to);
      expect(new Set(row.ancestors.filter((a) => a.depth === 1).map((a) => a.slug)), row.slug).toEqual(new Set(direct));
      // Each category further up is one step above one nearer.
      for (const a of row.ancestors.filter((x) => x.depth > 1)) {
        const below = row.ancestors.filter((b) => b.depth === a.depth - 1).map((b) => b.slug);
        expect(below.some((b) => facts.categoriesAbove(b).has(a.slug)), `${row.slug} → ${a.slug}`).toBe(true);
      }
      deepest = Math.max(deepest, ...row.ancestors.map((a) => a.depth));
    }
    // The seeds' hierarchy has chains several steps deep, so the test reaches past direct categories.
    expect(deepest).toBeGreaterThanOrEqual(3);
  });

  it("hold, for every concept, what a region holds one step from it: every other end of its relations, outdated too, and every concept sharing its summary", async () => {
    const rows = await queryRows<{ slug: string; near: string[] | null }>(
      database.db,
      sql`select s.slug, (select json_agg(c.slug) from unnest(s.near_ids) as n(id) join concepts c on c.id = n.id) as near from concept_study_rows s`,
    );
    const summaryOf = new Map(seeds.concepts.map((c) => [c.slug, c.summary.trim()]));
    let outdatedEnds = 0;
    let sharing = 0;
    for (const row of rows) {
      const ends = seeds.relations.flatMap((r) => (r.from === row.slug ? [r.to] : r.to === row.slug ? [r.from] : []));
      outdatedEnds += seeds.relations.filter((r) => r.outdated && (r.from === row.slug || r.to === row.slug)).length;
      const alike = seeds.concepts.filter((c) => c.slug !== row.slug && summaryOf.get(c.slug) === summaryOf.get(row.slug)).map((c) => c.slug);
      sharing += alike.length;
      expect(new Set(row.near ?? []), row.slug).toEqual(new Set([...ends, ...alike]));
      expect(row.near ?? [], row.slug).toHaveLength(new Set([...ends, ...alike]).size);
    }
    // The seeds have both: relations marked outdated, and concepts sharing a summary.
    expect(outdatedEnds).toBeGreaterThan(0);
    expect(sharing).toBeGreaterThan(0);
  });

  it("hold, for every concept, the other ends of its current relations, and the aspects it states a current value on", async () => {
    const rows = await queryRows<{ slug: string; linked: string[] | null; aspects: string[] }>(
      database.db,
      sql`select s.slug, (select json_agg(c.slug) from unnest(s.linked_ids) as n(id) join concepts c on c.id = n.id) as linked, s.value_aspects as aspects
          from concept_study_rows s`,
    );
    let dropped = 0;
    for (const row of rows) {
      const current = seeds.relations.filter((r) => !r.outdated).flatMap((r) => (r.from === row.slug ? [r.to] : r.to === row.slug ? [r.from] : []));
      dropped += seeds.relations.filter((r) => r.outdated && (r.from === row.slug || r.to === row.slug)).length;
      expect(new Set(row.linked ?? []), row.slug).toEqual(new Set(current));
      expect(row.linked ?? [], row.slug).toHaveLength(new Set(current).size);
      const valued = seeds.claims.filter((c) => c.concept === row.slug && c.aspect !== undefined && c.value !== undefined && !c.outdated).map((c) => c.aspect);
      expect(new Set(row.aspects), row.slug).toEqual(new Set(valued));
      expect(row.aspects, row.slug).toHaveLength(new Set(valued).size);
    }
    // An outdated relation links nothing: the seeds have some.
    expect(dropped).toBeGreaterThan(0);
  });

  it("list, by kind and aspect, every concept stating a current value on the aspect, as the seeds say", async () => {
    const rows = await queryRows<{ kind: string; aspect: string; slug: string }>(
      database.db,
      sql`select v.kind, v.aspect, c.slug from value_holders v join concepts c on c.id = v.concept_id`,
    );
    const kindOf = new Map(seeds.concepts.map((c) => [c.slug, c.kind]));
    const expected = new Set(
      seeds.claims.filter((c) => c.aspect !== undefined && c.value !== undefined && !c.outdated).map((c) => `${kindOf.get(c.concept)}|${c.aspect}|${c.concept}`),
    );
    expect(new Set(rows.map((r) => `${r.kind}|${r.aspect}|${r.slug}`))).toEqual(expected);
    expect(rows).toHaveLength(expected.size);
    // An outdated value holds nothing: the seeds have one, on an aspect its concept states no current value on.
    const outdated = seeds.claims.filter((c) => c.aspect !== undefined && c.value !== undefined && c.outdated);
    expect(outdated.some((o) => !expected.has(`${kindOf.get(o.concept)}|${o.aspect}|${o.concept}`))).toBe(true);
  });

  it("are made again at start-up when missing or made before the last seed, and left alone when current", async () => {
    const wide = await graphWideFacts(database.db);
    const docker = () => loadRegion(database, "v", { type: "cards", slugs: ["docker"] }, wide);
    const shape = (s: Awaited<ReturnType<typeof docker>>) => ({ concepts: s.concepts, relations: s.relations, claims: s.claims, focus: [...(s.focus ?? [])] });
    const before = await docker();
    expect(before.claimsOf.get("docker")?.length).toBeGreaterThan(0);
    expect(await refreshStaleStudyRows(database.db)).toBe(0);

    // A graph seeded before the tables existed: no rows, and regions hold nothing.
    const holders = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from value_holders`))[0]?.n;
    const heldBefore = await holders();
    expect(heldBefore).toBeGreaterThan(0);
    await database.db.execute(sql`delete from concept_study_rows`);
    await database.db.execute(sql`delete from value_holders`);
    await database.db.execute(sql`delete from seed_state where id = 'study-rows'`);
    expect((await docker()).concepts).toHaveLength(0);
    expect(await refreshStaleStudyRows(database.db)).toBe(seeds.concepts.length);
    expect(shape(await docker())).toEqual(shape(before));
    expect(await holders()).toBe(heldBefore);

    // Re-seeded by a server that did not make rows: a summary changed, the rows still say the old one.
    await database.db.execute(sql`update concepts set summary = 'A summary changed by a seed.' where slug = 'docker'`);
    await database.db.execute(sql`update seed_state set hash = 'a later seed' where id = 'graph'`);
    expect((await docker()).concept.get("docker")?.summary).not.toBe("A summary changed by a seed.");
    expect(await refreshStaleStudyRows(database.db)).toBe(seeds.concepts.length);
    expect((await docker()).concept.get("docker")?.summary).toBe("A summary changed by a seed.");
    expect(await refreshStaleStudyRows(database.db)).toBe(0);
  });

  it("are rewritten only where the graph changed, so a re-seed leaves no dead copy of every row", async () => {
    // A row's xmin is the transaction that last wrote it.
    const written = async () =>
      new Map(
        (await queryRows<{ slug: string; x: string }>(database.db, sql`select slug, xmin::text as x from concept_study_rows`)).map((r) => [r.slug, r.x]),
      );
    const held = async () =>
      (await queryRows<{ row: string }>(database.db, sql`select concat_ws('|', kind, aspect, concept_id, value, xmin::text) as row from value_holders order by 1`)).map(
        (r) => r.row,
      );
    await refreshStudyRows(database.db);
    const [rows, holders] = [await written(), await held()];
    await refreshStudyRows(database.db);
    expect(await written()).toEqual(rows);
    expect(await held()).toEqual(holders);

    // One concept's summary and one value change: that concept's row and that holder are written, nothing else.
    await database.db.execute(sql`update concepts set summary = 'Another summary.' where slug = 'podman'`);
    await database.db.execute(sql`update claims set value = 'a kernel of its very own' where key = 'virtual-machine/kernel'`);
    await refreshStudyRows(database.db);
    const after = await written();
    expect([...after].filter(([slug, x]) => rows.get(slug) !== x).map(([slug]) => slug).sort()).toEqual(["podman", "virtual-machine"]);
    const heldAfter = await held();
    expect(heldAfter.filter((row) => !holders.includes(row))).toEqual([expect.stringMatching(/\|kernel\|\d+\|a kernel of its very own\|/)]);
    expect(holders.filter((row) => !heldAfter.includes(row))).toEqual([expect.stringMatching(/\|kernel\|\d+\|a kernel of its own, not the host's\|/)]);
  });
});
