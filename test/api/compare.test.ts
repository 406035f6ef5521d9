/**
 * Comparing any two concepts: besides claims by aspect, what each is, how each
 * relates, what both relate to — checked against the seed files.
 */
import { describe, expect, it } from "vitest";
import { seedFacts } from "../support/seed-graph.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();
const facts = seedFacts();

type Value = { text: string; concepts: { slug: string }[]; outdated: string | null };
type Fact = { key: string; label: string; agreement: string; a: Value[]; b: Value[] };
type Comparison = { facts: Fact[]; aspects: { agreement: string; a: { value: string | null }[]; b: { value: string | null }[] }[] };
const COMPARE = `query ($a: String!, $b: String!) { compare(a: $a, b: $b) {
  facts { key label agreement a { text outdated concepts { slug } } b { text outdated concepts { slug } } }
  aspects { agreement a { value } b { value } } } }`;

async function compare(a: string, b: string): Promise<Comparison> {
  const { body } = await api.server.graphql<{ compare: Comparison }>(COMPARE, { a, b });
  expect(body.errors).toBeUndefined();
  return body.data?.compare as Comparison;
}

const filledRows = (c: Comparison) => c.facts.filter((f) => f.a.length && f.b.length).length + c.aspects.filter((r) => r.a.length && r.b.length).length;

describe("compare", () => {
  it("says what each concept is: its kind and the categories above it", async () => {
    const slugs = facts.seeds.concepts.map((c) => c.slug);
    for (const [a, b] of [[slugs[0], slugs[1]], [slugs[2], slugs[slugs.length - 1]], [slugs[5], slugs[9]]] as [string, string][]) {
      const c = await compare(a, b);
      const kind = c.facts.find((f) => f.key === "kind") as Fact;
      expect(kind.agreement).toBe(facts.kindOf(a) === facts.kindOf(b) ? "SAME" : "DIFFERENT");
      const categories = c.facts.find((f) => f.key === "categories");
      for (const [side, slug] of [["a", a], ["b", b]] as const) {
        const onPaths = new Set((categories?.[side] ?? []).flatMap((v) => v.concepts.map((x) => x.slug)));
        // Every category on a path is above the concept, and every direct category starts a path.
        for (const category of onPaths) expect(facts.categoriesAbove(slug).has(category), `${slug} under ${category}`).toBe(true);
        const direct = facts.seeds.relations.filter((r) => r.from === slug && facts.categoriesAbove(slug).has(r.to) && !r.outdated).map((r) => r.to);
        for (const category of direct) expect(onPaths.has(category), `${slug} → ${category}`).toBe(true);
      }
    }
  });

  it("lines up how each relates to others, and what both relate to", async () => {
    const c = await compare("container", "virtual-machine");
    const relationRows = c.facts.filter((f) => f.key.startsWith("relation:"));
    expect(relationRows.length).toBeGreaterThan(0);
    for (const row of relationRows) {
      expect(row.a.length + row.b.length).toBeGreaterThan(0);
      // Each other end is named once per side.
      for (const side of [row.a, row.b]) expect(new Set(side.map((v) => v.text)).size).toBe(side.length);
    }
    const neighbours = (slug: string) => new Set(facts.seeds.relations.flatMap((r) => (r.from === slug ? [r.to] : r.to === slug ? [r.from] : [])));
    const both = [...neighbours("container")].filter((s) => neighbours("virtual-machine").has(s));
    const sharedRows = c.facts.filter((f) => f.key.startsWith("shared:")).map((f) => f.key.slice("shared:".length));
    expect(sharedRows.length).toBeGreaterThan(0);
    for (const slug of sharedRows) expect(both).toContain(slug);
  });

  it("fills at least six rows on both sides for Docker vs VM and for Docker vs Podman", async () => {
    expect(filledRows(await compare("docker", "virtual-machine"))).toBeGreaterThanOrEqual(6);
    expect(filledRows(await compare("docker", "podman"))).toBeGreaterThanOrEqual(6);
  });

  it("says where values on an aspect agree and differ", async () => {
    for (const row of (await compare("container", "virtual-machine")).aspects) {
      const values = (side: { value: string | null }[]) => side.map((x) => x.value);
      if (!row.a.length) expect(row.agreement).toBe("ONLY_B");
      else if (!row.b.length) expect(row.agreement).toBe("ONLY_A");
      else expect(["SAME", "OVERLAP", "DIFFERENT"], JSON.stringify([values(row.a), values(row.b)])).toContain(row.agreement);
    }
  });

  it("refuses the same concept twice with a message saying what to do", async () => {
    const { body } = await api.server.graphql(COMPARE, { a: "docker", b: "docker" });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(/Pick two different concepts/);
  });
});
