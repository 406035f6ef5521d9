/** Flashcards and decks as a learner and as an Anki user meet them. */
import { describe, expect, it } from "vitest";
import { seedFacts } from "../support/seed-graph.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();
const facts = seedFacts();

type Card = { id: string; type: string; front: string; back: string; explanation: string; concept: { slug: string }; citations: { locator: string; passage: string | null }[] };
const CARDS = `query ($deck: String, $first: Int, $offset: Int) { flashcards(deck: $deck, first: $first, offset: $offset) {
  id type front back explanation concept { slug } citations { locator passage } } }`;

async function cards(deck: string): Promise<Card[]> {
  const { body } = await api.server.graphql<{ flashcards: Card[] }>(CARDS, { deck, first: 500 });
  expect(body.errors).toBeUndefined();
  return body.data?.flashcards ?? [];
}

describe("flashcards", () => {
  it("exist for every concept (term, definition, kind) and every pro or con", async () => {
    const all = await cards("all");
    const ids = new Set(all.map((c) => c.id));
    for (const concept of facts.seeds.concepts) {
      for (const type of ["term", "definition", "kind"]) expect(ids.has(`${type}:${concept.slug}`), `${type}:${concept.slug}`).toBe(true);
    }
    for (const claim of facts.seeds.claims.filter((c) => c.polarity !== "neutral")) expect(ids.has(`polarity:${claim.key}`)).toBe(true);
    expect(new Set(all.map((c) => c.type))).toEqual(new Set(["TERM", "DEFINITION", "KIND", "RELATION", "POLARITY", "COMPARISON"]));
  });

  it("put the right answer on the back, with an explanation and a citation", async () => {
    const all = await cards("all");
    const term = all.find((c) => c.id === "term:cgroups");
    expect(term?.back).toBe(facts.summaryOf("cgroups"));
    const relation = all.find((c) => c.id === "relation:xen:instance-of");
    expect(relation).toMatchObject({ front: "Xen is an instance of …", back: "Type 1 hypervisor" });
    const polarity = all.find((c) => c.id === "polarity:virtual-machine/startup-time");
    expect(polarity?.back).toBe("Drawback");
    const comparison = all.find((c) => c.id === "comparison:container:virtual-machine:startup-time");
    expect(comparison?.back).toMatch(/Container: seconds .* Virtual machine: minutes/);
    for (const card of all) {
      expect(card.explanation.length, card.id).toBeGreaterThan(5);
      expect(card.citations.length, card.id).toBeGreaterThan(0);
    }
  });

  it("group into decks by kind and by topic", async () => {
    const { body } = await api.server.graphql<{ decks: { id: string; cardCount: number; title: string }[] }>(`{ decks { id kind title cardCount } }`);
    const decks = body.data?.decks ?? [];
    expect(decks[0]).toMatchObject({ id: "all" });
    const hypervisors = decks.find((d) => d.id === "topic:hypervisor");
    expect(hypervisors?.cardCount).toBe((await cards("topic:hypervisor")).length);
    const topicSubjects = new Set((await cards("topic:hypervisor")).map((c) => c.concept.slug));
    expect([...topicSubjects].sort()).toEqual(["hyper-v", "hypervisor", "qemu", "type-1-hypervisor", "type-2-hypervisor", "virtualbox", "vmware-esxi", "vmware-workstation", "xen"]);
    const runtimes = await cards("kind:container-runtime");
    expect(new Set(runtimes.map((c) => facts.kindOf(c.concept.slug)))).toEqual(new Set(["container-runtime"]));
    const unknown = await api.server.graphql(CARDS, { deck: "topic:nowhere" });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("page through a deck without gaps or repeats", async () => {
    const whole = (await cards("all")).map((c) => c.id);
    const paged: string[] = [];
    for (let offset = 0; offset < whole.length; offset += 100) {
      const { body } = await api.server.graphql<{ flashcards: Card[] }>(CARDS, { deck: "all", first: 100, offset });
      paged.push(...(body.data?.flashcards ?? []).map((c) => c.id));
    }
    expect(paged).toEqual(whole);
  });

  it("download as CSV that Anki imports: front, back, tags", async () => {
    const response = await fetch(`${api.server.url}/decks/topic:hypervisor/anki.csv`);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="graphdeck-topic-hypervisor\.csv"/);
    const text = await response.text();
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual(["#separator:Comma", "#html:false", "#columns:Front,Back,Tags", "#tags column:3"]);
    // Each record: three quoted fields; quotes inside are doubled.
    const records = text.slice(text.indexOf('"')).match(/"(?:[^"]|"")*","(?:[^"]|"")*","(?:[^"]|"")*"\n/g) ?? [];
    expect(records.length).toBe((await cards("topic:hypervisor")).length);
    expect(records.some((r) => r.startsWith('"Xen is an instance of …","Type 1 hypervisor'))).toBe(true);
    expect((await fetch(`${api.server.url}/decks/nowhere/anki.csv`)).status).toBe(404);
  });
});
