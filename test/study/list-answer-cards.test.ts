/**
 * A relation with several current targets ("a virtual machine is managed by hypervisors and cloud platforms")
 * makes one card per target, the others shown: a front with one gap and one answer. The seeds may hold no
 * such relation today, so the test gives a copy of them one (a second "managed by" to the virtual machine),
 * and checks the engine whatever the seeds say.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { allCards } from "../../server/study/flashcards/card-index.ts";
import type { Flashcard } from "../../server/study/flashcards/generate-flashcards.ts";
import { loadGraphSnapshot } from "../../server/study/graph-snapshot.ts";
import { copyOfSeedsWith, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

const SUBJECT = "virtual-machine";
const TYPE = "managed-by";
const ADDED = "cloud-platform";
let database: TestDatabase;
let cards: Flashcard[];
let targets: string[] = [];
const nouns = new Map<string, string>();

beforeAll(async () => {
  const dir = copyOfSeedsWith((concept) => {
    if (concept.noun) nouns.set(concept.slug, concept.noun);
    if (concept.slug !== SUBJECT) return;
    const first = (concept.relations ?? []).find((r) => r.type === TYPE && !r.outdated);
    if (!first) throw new Error(`the seeds' ${SUBJECT} has no ${TYPE} relation to add a second target beside`);
    concept.relations = [...(concept.relations ?? []), { type: TYPE, to: ADDED, cite: first.cite }];
    targets = [first.to, ADDED];
  });
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: dir, sourcesDir: SOURCES_DIR });
  cards = allCards(await loadGraphSnapshot(database.db, "list-answers"));
});
afterAll(() => database?.drop());

describe("a relation with several answers", () => {
  it("makes one card per answer, with one gap and the others shown, said in the plural", () => {
    const items = cards.filter((c) => c.id.startsWith(`relation:${SUBJECT}:${TYPE}:`));
    expect(items.map((c) => c.id.split(":").at(-1)).sort()).toEqual([...targets].sort());
    for (const item of items) {
      expect(item.front.split("[…]"), item.front).toHaveLength(2);
      // The other target is shown on the front; this one is the back.
      const other = targets.find((t) => t !== item.id.split(":").at(-1)) as string;
      expect(item.front.toLowerCase(), item.front).toContain((nouns.get(other) ?? other).toLowerCase());
      // Said together, common nouns are kinds of thing: "managed by cloud platforms and hypervisors",
      // not "a cloud platform and a hypervisor".
      for (const slug of targets) {
        const noun = nouns.get(slug);
        if (noun) expect(`${item.front} ${item.explanation}`.toLowerCase(), item.id).not.toContain(`a ${noun.toLowerCase()}`);
      }
    }
  });
});
