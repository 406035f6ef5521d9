/**
 * A region of a large graph holds its focus, the concepts one relation away, and the categories above
 * the focus only (server/study/graph-region.ts); what lies above the others comes from their study rows.
 * The rules that keep a wrong choice off the answer's line read both: a region that forgot what lies
 * above a neighbour would offer Xen as "not a hypervisor". Judged against the seeds themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { loadSeeds } from "../../server/seed/load-seeds.ts";
import { graphWideFacts, HOLDERS_EACH_SIDE, loadRegion, regionKey, ROUND_SEED_NEAREST, SEED_NEAREST, SEED_REACH, SEED_WALK_DEPTH, type RegionScope } from "../../server/study/graph-region.ts";
import type { GraphSnapshot } from "../../server/study/graph-snapshot.ts";
import { allCategories, ancestorsOf, categoriesOf, everyCategoryOf, everythingAbove, isCategory } from "../../server/study/hierarchy.ts";
import { truthOf } from "../../server/study/quiz/facts.ts";
import { seedFacts } from "../support/seed-graph.ts";
import { SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
const facts = seedFacts();
const seeds = loadSeeds({ seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
let idOf = new Map<string, number>();
const classifying = new Set(seeds.vocabulary.relation_types.filter((t) => t.classifies).map((t) => t.slug));
const disjoint = new Set(seeds.vocabulary.relation_types.filter((t) => t.disjoint).map((t) => t.slug));

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  const rows = await database.query("select id, slug from concepts", []);
  idOf = new Map(rows.map((r) => [String(r.slug), Number(r.id)]));
}, 120_000);
afterAll(async () => database?.drop());

const SCOPES: RegionScope[] = [
  { type: "concepts", slugs: ["docker"] },
  { type: "concepts", slugs: ["xen"] },
  { type: "concepts", slugs: ["hypervisor", "container-image"] },
  { type: "seed", seed: 1, nearest: SEED_NEAREST },
  { type: "seed", seed: 31677, nearest: ROUND_SEED_NEAREST },
  { type: "topic", slug: "hypervisor" },
  // Every concept's own region too: a neighbour filed above only from outside it is a case the seeds reach there.
  ...seeds.concepts.map((c): RegionScope => ({ type: "concepts", slugs: [c.slug] })),
];

async function region(scope: RegionScope): Promise<GraphSnapshot> {
  return loadRegion(database, "v", scope, await graphWideFacts(database.db));
}

/** Whether a concept is one relation away from one of these (its own categories are), or shares a summary with one. */
function isNear(slugs: string[], slug: string): boolean {
  return slugs.some(
    (s) => seeds.relations.some((r) => (r.from === s && r.to === slug) || (r.to === s && r.from === slug)) || facts.summaryOf(s) === facts.summaryOf(slug),
  );
}

/**
 * The value holders a quiz region reads for a focus concept (graph-region.ts): for each current value it
 * states, the nearest concept by id on either side of its kind holding another value on the aspect.
 */
const kindOf = new Map(seeds.concepts.map((c) => [c.slug, c.kind]));
const values = seeds.claims.filter((c) => c.aspect !== undefined && c.value !== undefined && !c.outdated);
const norm = (value: string | undefined) => (value ?? "").trim().toLowerCase();
function expectedHolders(subject: string): string[] {
  const id = idOf.get(subject) ?? 0;
  const found: string[] = [];
  for (const claim of values.filter((c) => c.concept === subject)) {
    const others = [
      ...new Set(
        values
          .filter((c) => c.aspect === claim.aspect && c.concept !== subject && kindOf.get(c.concept) === kindOf.get(subject) && norm(c.value) !== norm(claim.value))
          .map((c) => c.concept),
      ),
    ].sort((a, b) => (idOf.get(a) ?? 0) - (idOf.get(b) ?? 0));
    found.push(...others.filter((slug) => (idOf.get(slug) ?? 0) > id).slice(0, HOLDERS_EACH_SIDE));
    found.push(...others.filter((slug) => (idOf.get(slug) ?? 0) < id).slice(-HOLDERS_EACH_SIDE));
  }
  return found;
}

/** A region's name for a category: its slug where the region holds it, else `#<id>`. */
function asRegionSays(graph: GraphSnapshot, slug: string): string {
  return graph.concept.has(slug) ? slug : `#${idOf.get(slug)}`;
}

describe("a region's hierarchy", () => {
  it("holds the focus, what is one relation away, the categories above the focus and what is set apart from them, not those above the rest", async () => {
    for (const slugs of [["docker"], ["xen"], ["hypervisor", "container-image"]]) {
      const graph = await region({ type: "concepts", slugs });
      const expected = new Set(slugs);
      for (const slug of slugs) {
        for (const r of seeds.relations) {
          if (r.from === slug) expected.add(r.to);
          if (r.to === slug) expected.add(r.from);
        }
        const summary = facts.summaryOf(slug);
        for (const c of seeds.concepts) if (c.summary === summary) expected.add(c.slug);
        for (const category of facts.categoriesAbove(slug)) expected.add(category);
        // The concepts of its kind holding other values of its aspects: the false versions of its values.
        for (const holder of expectedHolders(slug)) expected.add(holder);
        // What a disjoint relation sets apart from it or its own categories: what proves a category wrong.
        const line = [slug, ...seeds.relations.filter((r) => r.from === slug && classifying.has(r.type) && !r.outdated).map((r) => r.to)];
        for (const r of seeds.relations) {
          if (!disjoint.has(r.type) || r.outdated) continue;
          if (line.includes(r.from)) expected.add(r.to);
          if (line.includes(r.to)) expected.add(r.from);
        }
      }
      expect(new Set(graph.concepts.map((c) => c.slug)), slugs.join(",")).toEqual(expected);
      // A cards region: the subjects' own categories only, which is all a card reads of the hierarchy.
      const cards = await region({ type: "cards", slugs });
      // …and no value holders: a card states no false value.
      const expectedCards = new Set([...slugs, ...[...expected].filter((slug) => isNear(slugs, slug))]);
      expect(new Set(cards.concepts.map((c) => c.slug)), `cards ${slugs.join(",")}`).toEqual(expectedCards);
    }
  });

  it("knows every category above each of its concepts, held or not, says 'under' exactly where the seeds do, and which are categories", async () => {
    let beyondRegion = 0;
    let missedByWalk = 0;
    let parentsBeyondRegion = 0;
    for (const scope of SCOPES) {
      const graph = await region(scope);
      expect(graph.concepts.length, JSON.stringify(scope)).toBeGreaterThan(0);
      for (const concept of graph.concepts) {
        const above = facts.categoriesAbove(concept.slug);
        expect(new Set(everythingAbove(graph, concept.slug)), concept.slug).toEqual(new Set([...above].map((c) => asRegionSays(graph, c))));
        beyondRegion += [...above].filter((c) => !graph.concept.has(c)).length;
        for (const category of seeds.concepts.map((c) => c.slug).filter((c) => graph.concept.has(c))) {
          const truth = truthOf(graph, concept.slug, { category });
          const label = `${concept.slug} under ${category} in ${JSON.stringify(scope)}`;
          expect(truth === true, label).toBe(above.has(category));
          // Falsehood needs a proof the region can show step by step: it may not find one, never a wrong one.
          if (truth === false) expect(facts.provablyNotUnder(concept.slug, category), label).toBe(true);
          if (above.has(category) && !ancestorsOf(graph, concept.slug).has(category)) missedByWalk++;
        }
      }
      // Only categories of the region are offered, and each is one.
      for (const category of allCategories(graph)) expect(graph.concept.has(category)).toBe(true);
      for (const concept of graph.concepts) {
        // What a concept is directly filed under, whether the region holds it or not: siblings are told by it.
        const parents = seeds.relations.filter((r) => r.from === concept.slug && classifying.has(r.type) && !r.outdated).map((r) => r.to);
        expect(new Set(everyCategoryOf(graph, concept.slug)), concept.slug).toEqual(new Set(parents.map((c) => asRegionSays(graph, c))));
        // A category is one in the seeds, whether or not the region holds what is filed under it.
        const filedUnder = seeds.relations.some((r) => r.to === concept.slug && classifying.has(r.type) && !r.outdated);
        if (isCategory(graph, concept.slug)) expect(filedUnder, `${concept.slug} is a category`).toBe(true);
        if (parents.some((c) => !categoriesOf(graph, concept.slug).includes(c))) parentsBeyondRegion++;
      }
    }
    // The seeds' graph reaches these cases: categories the regions do not hold, ones their walk alone would
    // miss, and parents of a concept the region does not hold.
    expect(beyondRegion).toBeGreaterThan(0);
    expect(missedByWalk).toBeGreaterThan(0);
    expect(parentsBeyondRegion).toBeGreaterThan(0);
  });
});

describe("a seed's focus", () => {
  it("starts at the first concept with a relation from the seed's pick, walks past two steps while those hold too few, and holds the nearest and the nearest stating each theme", async () => {
    const neighbours = new Map<string, Set<string>>();
    for (const r of seeds.relations.filter((r) => !r.outdated)) {
      for (const [a, b] of [[r.from, r.to], [r.to, r.from]] as const) neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    }
    const themeOf = new Map(seeds.vocabulary.aspects.map((a) => [a.slug, a.theme ?? a.slug]));
    const themesOf = (slug: string) =>
      new Set(seeds.claims.filter((c) => c.concept === slug && c.aspect !== undefined && c.value !== undefined && !c.outdated).map((c) => themeOf.get(c.aspect as string)));
    const byId = [...idOf.entries()].sort((a, b) => a[1] - b[1]);
    const minId = byId[0]?.[1] ?? 0;
    let widened = 0;
    let themedBeyondNearest = 0;
    for (const [picked, id] of byId) {
      // The start: the picked concept if it has a relation, else the next one that has (from the first, past the last).
      const start = (byId.find(([slug, other]) => other >= id && neighbours.has(slug)) ?? byId.find(([slug]) => neighbours.has(slug)))?.[0] as string;
      // Two steps out always; one step more at a time, up to SEED_WALK_DEPTH, while fewer than SEED_REACH.
      const depth = new Map([[start, 0]]);
      for (let step = 1; step <= SEED_WALK_DEPTH && (step <= 2 || depth.size < SEED_REACH); step++) {
        for (const [slug, at] of [...depth]) {
          if (at !== step - 1) continue;
          for (const next of neighbours.get(slug) ?? []) if (!depth.has(next)) depth.set(next, step);
        }
        if (step > 2) widened++;
      }
      const walked = [...depth].sort((a, b) => a[1] - b[1] || (idOf.get(a[0]) ?? 0) - (idOf.get(b[0]) ?? 0)).map(([slug]) => slug);
      // A quiz's seed and a matching round's keep different numbers of the nearest.
      for (const keep of [SEED_NEAREST, ROUND_SEED_NEAREST]) {
        const expected = new Set(walked.slice(0, keep));
        const themes = new Set(walked.flatMap((slug) => [...themesOf(slug)]));
        for (const theme of themes) {
          const first = walked.find((slug) => themesOf(slug).has(theme)) as string;
          if (!expected.has(first)) themedBeyondNearest++;
          expected.add(first);
        }
        const graph = await region({ type: "seed", seed: id - minId, nearest: keep });
        expect([...(graph.focus ?? [])].sort(), `${picked}, ${keep} nearest`).toEqual([...expected].sort());
      }
    }
    // The seeds reach every case: starts whose two steps hold too few, picks without a relation, and
    // themes first stated beyond the nearest concepts.
    expect(themedBeyondNearest).toBeGreaterThan(0);
    expect(widened).toBeGreaterThan(0);
    expect(byId.some(([slug]) => !neighbours.has(slug))).toBe(true);
  }, 120_000);
});

describe("a quiz region's other values", () => {
  // A seed's pick of every concept, each concept on its own (a learner's weak spot, say), and a topic.
  const scopes = (): RegionScope[] => {
    const ids = [...idOf.values()].sort((a, b) => a - b);
    return [
      ...ids.map((id): RegionScope => ({ type: "seed", seed: id - (ids[0] ?? 0), nearest: SEED_NEAREST })),
      ...seeds.concepts.map((c): RegionScope => ({ type: "concepts", slugs: [c.slug] })),
      { type: "topic", slug: "hypervisor" },
    ];
  };

  it("hold, for each value a focus concept states, the nearest by id on either side of its kind holding another value on the aspect", async () => {
    let checked = 0;
    for (const scope of scopes()) {
      const graph = await region(scope);
      const focus = [...(graph.focus ?? [])];
      for (const subject of focus) {
        for (const slug of expectedHolders(subject)) {
          expect(graph.concept.has(slug), `${regionKey(scope)}: ${subject} → ${slug}`).toBe(true);
          checked++;
        }
      }
    }
    // The seeds' holders are the other sides of comparisons, one relation away as well: value-holders.test.ts
    // adds concepts no relation links to theirs.
    expect(checked).toBeGreaterThan(50);
  }, 120_000);
});
