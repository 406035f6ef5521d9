/**
 * The matching game over HTTP: every round is checked against the seed files
 * (not the generator's own answers) — each term fits its target and no other
 * target on the board — and a seed reproduces its round.
 */
import { describe, expect, it } from "vitest";
import { seedFacts } from "../support/seed-graph.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();
const facts = seedFacts();

type Round = {
  seed: number;
  topic: string | null;
  terms: { id: string; text: string; matchId: string; explanation: string; concept: { slug: string; name: string }; citations: { locator: string }[] }[];
  targets: { id: string; text: string }[];
};
const MATCHING = `query ($kind: MatchingKind!, $size: Int, $seed: Int, $topic: String) { matching(kind: $kind, size: $size, seed: $seed, topic: $topic) {
  seed topic terms { id text matchId explanation concept { slug name } citations { locator } } targets { id text } } }`;

async function round(variables: Record<string, unknown>): Promise<Round> {
  const { body } = await api.server.graphql<{ matching: Round }>(MATCHING, variables);
  expect(body.errors).toBeUndefined();
  return body.data?.matching as Round;
}

async function refusal(variables: Record<string, unknown>): Promise<{ message: string; code: string | undefined }> {
  const { status, body } = await api.server.graphql<{ matching: Round }>(MATCHING, variables);
  expect(status).toBeLessThan(500);
  expect(body.data?.matching ?? null).toBeNull();
  const error = body.errors?.[0] as { message: string; extensions?: { code?: string } };
  return { message: error.message, code: error.extensions?.code };
}

const slugOfTarget = (id: string) => id.slice(id.indexOf(":") + 1);

describe("matching game", () => {
  it("sorts terms into categories so that each fits exactly one category on the board", async () => {
    const categoriesSeen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const r = await round({ kind: "CATEGORY", size: 8, seed });
      expect(r.terms.length).toBeGreaterThanOrEqual(3);
      expect(r.terms.length).toBeLessThanOrEqual(8);
      expect(r.targets.length).toBeGreaterThanOrEqual(2);
      expect(new Set(r.terms.map((t) => t.concept.slug)).size).toBe(r.terms.length);
      const targetSlugs = r.targets.map((t) => slugOfTarget(t.id));
      for (const term of r.terms) {
        const above = facts.categoriesAbove(term.concept.slug);
        const fitting = targetSlugs.filter((c) => above.has(c));
        expect(fitting, `${term.text} in round ${seed}`).toEqual([slugOfTarget(term.matchId)]);
        // And the graph proves it belongs under none of the others (silence would prove nothing).
        for (const other of targetSlugs.filter((c) => c !== slugOfTarget(term.matchId))) {
          expect(facts.provablyNotUnder(term.concept.slug, other), `${term.text} not under ${other} in round ${seed}`).toBe(true);
        }
        expect(term.text).toBe(term.concept.name);
        expect(term.explanation).toContain(term.text);
      }
      // Every category on the board has at least one term.
      for (const target of r.targets) expect(r.terms.some((t) => t.matchId === target.id)).toBe(true);
      targetSlugs.forEach((c) => categoriesSeen.add(c));
    }
    // Rounds vary: over forty seeds, most categories that could share a board get their turn. A category
    // can when one of its members is provably not under some other category that has a member too.
    const classifying = new Set(facts.seeds.vocabulary.relation_types.filter((t) => t.classifies).map((t) => t.slug));
    const members = new Map<string, string[]>();
    for (const r of facts.seeds.relations) if (classifying.has(r.type) && !r.outdated) members.set(r.to, [...(members.get(r.to) ?? []), r.from]);
    const boardable = [...members.keys()].filter((c) =>
      [...members.keys()].some((d) => d !== c && (members.get(c) ?? []).some((m) => facts.provablyNotUnder(m, d)) && (members.get(d) ?? []).some((m) => facts.provablyNotUnder(m, c))),
    );
    expect(categoriesSeen.size).toBeGreaterThanOrEqual(Math.ceil(boardable.length * 0.6));
  });

  it("pairs concepts one to one with their own summaries", async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = await round({ kind: "SUMMARY", size: 6, seed });
      expect(r.terms).toHaveLength(6);
      expect(r.targets).toHaveLength(6);
      expect(new Set(r.terms.map((t) => t.matchId)).size).toBe(6);
      expect(new Set(r.targets.map((t) => t.text.toLowerCase())).size).toBe(6);
      for (const term of r.terms) {
        const target = r.targets.find((t) => t.id === term.matchId);
        expect(target?.text).toBe(facts.summaryOf(term.concept.slug));
      }
    }
  });

  it("writes explanations with one full stop, whatever the names end with", async () => {
    for (const kind of ["CATEGORY", "SUMMARY"]) {
      for (let seed = 1; seed <= 30; seed++) {
        for (const term of (await round({ kind, size: 8, seed })).terms) {
          expect(term.explanation, term.explanation).not.toMatch(/\.\.|\s[.,]|,,/);
          expect(term.explanation).toMatch(/[^.][.!?]$/);
        }
      }
    }
  });

  it("varies its rounds from seed to seed", async () => {
    for (const kind of ["SUMMARY", "CATEGORY"]) {
      const rounds: Set<string>[] = [];
      for (let seed = 1; seed <= 20; seed++) rounds.push(new Set((await round({ kind, size: 6, seed })).terms.map((t) => t.concept.slug)));
      const overlaps = rounds.flatMap((one, i) => rounds.slice(i + 1).map((other) => [...one].filter((s) => other.has(s)).length));
      if (kind === "SUMMARY") {
        // No two summary rounds of twenty share five of their six concepts.
        expect(Math.max(...overlaps)).toBeLessThan(5);
        expect(new Set(rounds.flatMap((r) => [...r])).size).toBeGreaterThanOrEqual(40);
      } else {
        // Boards need categories the graph proves apart, which few are: the same six terms may come
        // back now and then, but seldom (at most one pair of rounds in twenty-five).
        expect(overlaps.filter((n) => n === 6).length).toBeLessThanOrEqual(overlaps.length / 25);
        expect(new Set(rounds.flatMap((r) => [...r])).size).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it("draws a summary round from one neighbourhood, so the summaries resemble each other", async () => {
    let sameKindPairs = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const r = await round({ kind: "SUMMARY", size: 5, seed });
      const kinds = r.terms.map((t) => facts.kindOf(t.concept.slug));
      const counts = new Map<string | undefined, number>();
      for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
      if (Math.max(...counts.values()) >= 2) sameKindPairs++;
    }
    expect(sameKindPairs).toBeGreaterThanOrEqual(15);
  });

  it("reproduces a round from its seed and keeps to a topic", async () => {
    const a = await round({ kind: "CATEGORY", seed: 99, topic: "hypervisor" });
    const b = await round({ kind: "CATEGORY", seed: 99, topic: "hypervisor" });
    expect(b).toEqual(a);
    expect(a.topic).toBe("hypervisor");
    expect(a.terms.map((t) => t.concept.slug).every((slug) => facts.categoriesAbove(slug).has("hypervisor"))).toBe(true);
    // Every seed finds a round in a topic that has one (Type 1 and Type 2 hypervisors).
    const others = await Promise.all(Array.from({ length: 20 }, (_, seed) => round({ kind: "CATEGORY", seed, topic: "hypervisor" })));
    expect(others.some((o) => JSON.stringify(o.terms) !== JSON.stringify(a.terms))).toBe(true);
    // Without a seed, each request is a new round (never a cached one).
    const unseeded = await Promise.all([1, 2, 3].map(() => round({ kind: "SUMMARY" })));
    expect(unseeded.every((u) => Number.isInteger(u.seed))).toBe(true);
    expect(new Set(unseeded.map((u) => u.seed)).size).toBe(3);
  });

  it("refuses bad sizes, unknown topics and topics too small to play", async () => {
    expect(await refusal({ kind: "CATEGORY", size: 2 })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/size.*3 to 10/) });
    expect(await refusal({ kind: "SUMMARY", size: 500 })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await refusal({ kind: "CATEGORY", topic: "no-such-thing" })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/No concept "no-such-thing"/) });
    expect(await refusal({ kind: "CATEGORY", topic: "kaniko" })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/not enough/) });
    expect((await api.server.graphql(MATCHING, { kind: "EVERYTHING" })).body.errors?.[0]?.message).toMatch(/EVERYTHING/);
  });
});
