/**
 * Re-seeding: the same seeds give the same graph, removed entries leave it,
 * nothing outside the graph tables is touched, and start-up seeds only when
 * the seeds changed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSeeded, seed } from "../../server/seed/ensure-seeded.ts";
import { copyOfSeeds, SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
const options = { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR };

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  // PGlite answers { rows }, postgres.js an array: normalise for the assertions.
  const result = (await database.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

/** The whole graph as text, by slugs and keys rather than ids. */
async function dumpGraph(): Promise<string> {
  const parts = await rows<{ part: string }>(sql`
    select 'c ' || slug || ' ' || id || ' ' || name || ' ' || kind || ' ' || summary || ' ' || array_to_string(aliases, ',') as part from concepts
    union all
    select 'r ' || r.type || ' ' || s.slug || ' ' || t.slug from relations r join concepts s on s.id = r.source_id join concepts t on t.id = r.target_id
    union all
    select 'k ' || key || ' ' || polarity || ' ' || coalesce(aspect, '-') || ' ' || statement from claims
    union all
    select 'x ' || x.source_id || ' ' || x.locator || ' ' || coalesce(c.slug, '') || coalesce(k.key, '') || coalesce(r.type, '')
      from citations x left join concepts c on c.id = x.concept_id left join claims k on k.id = x.claim_id left join relations r on r.id = x.relation_id
    union all
    select 'p ' || source_id || ' ' || locator from passages
    order by 1`);
  return parts.map((p) => p.part).join("\n");
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe("re-seeding", () => {
  it("gives the same graph, with the same concept ids, when run twice", async () => {
    const first = await seed(database.db, options);
    const dumpOnce = await dumpGraph();
    const second = await seed(database.db, options);
    expect(await dumpGraph()).toBe(dumpOnce);
    expect(second).toEqual(first);
    expect(dumpOnce.split("\n").filter((l) => l.startsWith("c ")).length).toBe(first.seeded ? first.counts.concepts : -1);
  });

  it("leaves learner data beside the graph untouched", async () => {
    await database.db.execute(sql`create table if not exists learner_notes (card text primary key, note text not null)`);
    await database.db.execute(sql`insert into learner_notes values ('concept:docker/term', 'remember the daemon')`);
    const dir = copyOfSeeds();
    const file = join(dir, "concepts/container-tools.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("A container runtime that keeps insecure features off", "A container runtime built security-first that keeps insecure features off"));
    await seed(database.db, { ...options, seedsDir: dir });
    expect(await rows(sql`select note from learner_notes`)).toEqual([{ note: "remember the daemon" }]);
    const [rkt] = await rows<{ summary: string }>(sql`select summary from concepts where slug = 'rkt'`);
    expect(rkt?.summary).toMatch(/^A container runtime built security-first/);
  });

  it("removes an entry that left the seeds, with its relations, claims and citations", async () => {
    const dir = copyOfSeeds();
    const file = join(dir, "concepts/container-tools.yaml");
    const text = readFileSync(file, "utf8");
    // Drop rkt, and the one relation elsewhere that points at it (none do; checked below).
    const withoutRkt = text.replace(/\n- slug: rkt\n[\s\S]*?(?=\n- slug: )/, "\n");
    expect(withoutRkt).not.toContain("slug: rkt");
    writeFileSync(file, withoutRkt);
    await seed(database.db, { ...options, seedsDir: dir });
    expect(await rows(sql`select 1 from concepts where slug = 'rkt'`)).toEqual([]);
    expect(await rows(sql`select 1 from claims where key like 'rkt/%'`)).toEqual([]);
    const [orphans] = await rows<{ n: number }>(sql`select count(*)::int as n from citations where concept_id is null and relation_id is null and claim_id is null`);
    expect(orphans?.n).toBe(0);
    // Putting it back restores it.
    await seed(database.db, options);
    expect(await rows(sql`select slug from concepts where slug = 'rkt'`)).toEqual([{ slug: "rkt" }]);
  });

  it("runs at start-up only when the seeds changed", async () => {
    await seed(database.db, options);
    const unchanged = await ensureSeeded(database.db, options);
    expect(unchanged.seeded).toBe(false);
    const dir = copyOfSeeds();
    const file = join(dir, "concepts/practices.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("A popular system-on-chip board", "A well-liked system-on-chip board"));
    const changed = await ensureSeeded(database.db, { ...options, seedsDir: dir });
    expect(changed.seeded).toBe(true);
    expect((await ensureSeeded(database.db, { ...options, seedsDir: dir })).seeded).toBe(false);
  });
});
