/** Flashcards and decks as a learner and as an Anki user meet them. */
import { describe, expect, it } from "vitest";
import { seedFacts } from "../support/seed-graph.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();
const facts = seedFacts();

type Card = { id: string; type: string; front: string; back: string; explanation: string; concept: { slug: string }; citations: { locator: string; passage: string | null; source: { id: string } }[] };
const CARDS = `query ($deck: String, $first: Int, $offset: Int) { flashcards(deck: $deck, first: $first, offset: $offset) {
  id type front back explanation concept { slug } citations { locator passage source { id } } } }`;

async function cards(deck: string): Promise<Card[]> {
  const { body } = await api.server.graphql<{ flashcards: Card[] }>(CARDS, { deck, first: 500 });
  expect(body.errors).toBeUndefined();
  return body.data?.flashcards ?? [];
}

describe("flashcards", () => {
  it("exist for every concept (term, and definition for most), and never ask 'advantage or drawback?'", async () => {
    const all = await cards("all");
    const ids = new Set(all.map((c) => c.id));
    for (const concept of facts.seeds.concepts) expect(ids.has(`term:${concept.slug}`), `term:${concept.slug}`).toBe(true);
    const defined = facts.seeds.concepts.filter((c) => ids.has(`definition:${c.slug}`));
    // Not all: a summary that defines by a list of siblings, one several concepts share (ESXi, Hyper-V
    // and Xen are each "a type 1 hypervisor…"), or one that half says the name ("built to run an
    // application" for Application container), or one that defines by likeness to a sibling ("like Docker"
    // for Podman) makes no definition card.
    expect(defined.length).toBeGreaterThan(facts.seeds.concepts.length * 0.6);
    // The word that sets a compound name apart, when few names share it, is not on the front.
    const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
    const namesHolding = (word: string) => facts.seeds.concepts.filter((c) => [c.name, ...c.aliases].some((n) => words(n).includes(word))).length;
    for (const card of all.filter((c) => c.type === "DEFINITION")) {
      const [first, ...rest] = words(card.back);
      if (!first || rest.length === 0 || namesHolding(first) > 2) continue;
      expect(words(card.front).some((w) => w.startsWith(first) || first.startsWith(w)), `${card.id}: "${card.front}"`).toBe(false);
    }
    // Nor is one defined by likeness to another of its kind ("a container tool that, like Docker, …"): every
    // tool like that one fits it.
    const kindOf = new Map(facts.seeds.concepts.map((c) => [c.name, c.kind]));
    for (const card of all.filter((c) => c.type === "DEFINITION")) {
      for (const [name, kind] of kindOf) {
        if (name === card.back || kind !== kindOf.get(card.back)) continue;
        expect(card.front.toLowerCase(), card.id).not.toMatch(new RegExp(`(^|[^\\p{L}])like ${name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "u"));
      }
    }
    // A statement's own words gave its verdict away in most such cards ("…a security risk"): pros and
    // cons are taught by comparison cards and asked by pros-and-cons quizzes instead.
    for (const card of all) expect(card.front, card.id).not.toMatch(/^An advantage or a drawback/);
    expect(new Set(all.map((c) => c.type))).toEqual(new Set(["TERM", "DEFINITION", "KIND", "RELATION", "COMPARISON"]));
  });

  it("put the right answer on the back, with an explanation and a citation", async () => {
    const all = await cards("all");
    const term = all.find((c) => c.id === "term:cgroups");
    expect(term?.back).toBe(facts.summaryOf("cgroups"));
    // A summary several concepts share (ESXi, Hyper-V and Xen) is followed by what the description says of
    // each one alone, so most such backs differ.
    const summaries = new Map<string, number>();
    for (const c of facts.seeds.concepts) summaries.set(c.summary, (summaries.get(c.summary) ?? 0) + 1);
    const shared = all.filter((c) => c.type === "TERM" && (summaries.get(facts.summaryOf(c.concept.slug) ?? "") ?? 0) > 1);
    expect(shared.length).toBeGreaterThan(5);
    expect(new Set(shared.map((c) => c.back)).size, shared.map((c) => c.back).join("\n")).toBeGreaterThan(shared.length * 0.6);
    for (const card of shared) expect(card.back.startsWith(facts.summaryOf(card.concept.slug) ?? "?"), card.id).toBe(true);
    // Such a back holds the description's first sentence, so the explanation goes on to what the description
    // says next ("Flatpak is a packaging tool." alone was all a review found below Flatpak's back).
    const sentences = (text: string) => text.replace(/\s+/g, " ").trim().split(/(?<=[.!?]) /).length;
    for (const card of shared) {
      const concept = facts.seeds.concepts.find((c) => c.slug === card.concept.slug);
      if (!concept || sentences(concept.description) < 2) continue;
      expect(sentences(card.explanation.replace(/ Also called .*$/, "")), card.id).toBeGreaterThanOrEqual(2);
    }
    const relation = all.find((c) => c.id === "relation:virtualbox:owned-by");
    expect(relation).toMatchObject({ front: "VirtualBox is owned by …", back: "Oracle" });
    const comparison = all.find((c) => c.id === "comparison:container:virtual-machine:startup-time");
    expect(comparison?.back).toMatch(/^A container starts [^.]*seconds\. A virtual machine starts [^.]*minutes\.$/);
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
    expect(records.some((r) => r.startsWith('"VirtualBox is owned by …","Oracle'))).toBe(true);
    expect((await fetch(`${api.server.url}/decks/nowhere/anki.csv`)).status).toBe(404);
  });

  it("ask something worth learning: no kind its name says, no pair that says itself, no contrast of equal values", async () => {
    const all = await cards("all");
    const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4));
    const comparing = new Set(facts.seeds.vocabulary.relation_types.filter((t) => t.compares).map((t) => t.slug));
    const carded = new Set(facts.seeds.vocabulary.relation_types.filter((t) => t.flashcards).map((t) => t.slug));
    for (const card of all) {
      // "What kind of thing is a host operating system? — System software" answers itself.
      if (card.type === "KIND") {
        const subject = card.front.replace(/^What kind of [\w ]+? (is|are) /, "").replace(/\?$/, "");
        expect([...words(subject)].filter((w) => words(card.back).has(w)), card.front).toEqual([]);
      }
      // "Type 2 hypervisor contrasts with …" all but names its answer, "Docker uses …" has many: only the
      // relation types the vocabulary marks for flashcards are asked.
      if (card.type === "RELATION") {
        expect(comparing.has(card.id.split(":")[2] ?? ""), card.id).toBe(false);
        expect(carded.has(card.id.split(":")[2] ?? ""), card.id).toBe(true);
      }
      // "A cloud platform is a cloud platform", "A type 2 hypervisor is a hypervisor."
      expect(card.explanation, card.id).not.toMatch(/\b(an? [\w -]+) is \1\b/i);
      const concept = facts.seeds.concepts.find((c) => c.slug === card.concept.slug);
      const kind = facts.seeds.vocabulary.kinds.find((k) => k.slug === concept?.kind)?.label.toLowerCase() ?? "?";
      if ((concept?.noun ?? concept?.name ?? "").toLowerCase().endsWith(kind)) expect(card.explanation.toLowerCase(), card.id).not.toContain(` is a ${kind}`);
      if (card.type === "COMPARISON") {
        const [, a, b, aspect] = card.id.split(":");
        const values = (slug: string) =>
          facts.seeds.claims.filter((c) => c.concept === slug && c.aspect === aspect && c.value && !c.outdated).map((c) => c.value?.toLowerCase()).sort().join("|");
        expect(values(a ?? ""), card.id).not.toBe(values(b ?? ""));
      }
    }
  });

  it("ask the sort of a concept filed under a category of its own kind, not the kind its category shares", async () => {
    // "What kind of thing is VirtualBox? — Hypervisor" was on three kind cards of four, and "type 2
    // hypervisor" a fair answer it marked wrong, a review found.
    const all = await cards("all");
    const classifying = new Set(facts.seeds.vocabulary.relation_types.filter((t) => t.classifies).map((t) => t.slug));
    const bySlug = new Map(facts.seeds.concepts.map((c) => [c.slug, c]));
    let asked = 0;
    for (const card of all.filter((c) => c.type === "KIND")) {
      const concept = bySlug.get(card.concept.slug);
      const sorts = facts.seeds.relations.filter((r) => r.from === concept?.slug && classifying.has(r.type) && !r.outdated && bySlug.get(r.to)?.kind === concept?.kind);
      if (sorts.length !== 1) continue;
      const sort = bySlug.get(sorts[0]?.to ?? "");
      expect(card.back, card.front).toBe(sort?.name);
      expect(card.front, card.id).toMatch(/^What kind of [a-z0-9 ]+ (is|are) .+\?$/);
      asked++;
    }
    expect(asked).toBeGreaterThanOrEqual(2);
  });

  it("explain in plain English: no article before an uncountable kind, no other name twice or as a mere plural", async () => {
    const all = await cards("all");
    // A kind whose plural is its label ("System software") is uncountable: "a kernel is system software".
    const uncountableKinds = facts.seeds.vocabulary.kinds.filter((k) => k.plural === k.label);
    const uncountable = uncountableKinds.map((k) => k.label.toLowerCase());
    const ofUncountableKind = new Set(facts.seeds.concepts.filter((c) => uncountableKinds.some((k) => k.slug === c.kind)).map((c) => c.slug));
    const saidOfKind = all.filter((c) => c.type === "TERM" && ofUncountableKind.has(c.concept.slug) && uncountable.some((label) => c.explanation.toLowerCase().includes(` is ${label}.`)));
    expect(saidOfKind.length).toBeGreaterThan(0);
    for (const card of all) {
      // A name that ends in a full stop ("VMware Inc.") ends its sentence once: no "Also called VMware Inc..".
      for (const text of [card.front, card.back, card.explanation]) expect(text, card.id).not.toMatch(/(^|[^.])\.\.($|[^.])/);
      for (const label of uncountable) expect(card.explanation, card.id).not.toMatch(new RegExp(`\\ban? ${label}\\b`, "i"));
      const also = /Also called (.+)\.$/.exec(card.explanation)?.[1]?.toLowerCase();
      if (!also) continue;
      const concept = facts.seeds.concepts.find((c) => c.slug === card.concept.slug);
      const items = (name: string) => also.split(new RegExp(`(?:^|, | or )${name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=, | or |$)`)).length - 1;
      // "k8s and K8s", "cgroups and cgroup" list one name twice; "Linux containers" is only the plural of "Linux container".
      for (const alias of concept?.aliases ?? []) expect(items(alias) + items(`${alias}s`), `${card.id}: ${alias}`).toBeLessThanOrEqual(1);
      for (const name of [concept?.name, concept?.noun].filter((n): n is string => !!n)) {
        expect(items(name), card.id).toBe(0);
        expect(items(`${name}s`), card.id).toBe(0);
      }
    }
  });

  it("give as another name only what the sources say: one only the description's part beyond the sources gives is said there, marked", async () => {
    const all = await cards("all");
    const holds = (text: string, name: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}\\p{N}])`, "iu").test(text);
    const checked: string[] = [];
    for (const concept of facts.seeds.concepts) {
      const beyond = concept.description.replace(/\s+/g, " ").split("Beyond the sources:")[1];
      const unsourced = beyond === undefined ? [] : concept.aliases.filter((alias) => holds(beyond, alias));
      if (unsourced.length === 0) continue;
      const card = all.find((c) => c.id === `term:${concept.slug}`);
      const also = /Also called ([^.]+)\./.exec(card?.explanation ?? "")?.[1] ?? "";
      for (const alias of unsourced) {
        expect(holds(also, alias), `${concept.slug}: "${alias}" listed as another name`).toBe(false);
        // Said in a sentence marked as beyond the sources.
        expect(card?.explanation.split("Beyond the sources:").slice(1).some((part) => holds(part, alias)), `${concept.slug}: "${alias}"`).toBe(true);
      }
      checked.push(concept.slug);
    }
    expect(checked).toContain("docker-desktop");
  });

  it("explain in whole sentences, each backed passage cited once", async () => {
    const all = await cards("all");
    // A summary is a noun phrase ("A type 1 hypervisor, one that runs…"): after a full stop it stood as a sentence without a verb.
    const nounPhrases = facts.seeds.concepts.map((c) => c.summary.trim().replace(/\s+/g, " ")).filter((s) => /^(A|An|The)\s/.test(s));
    const kindCards = all.filter((c) => c.type === "KIND");
    expect(kindCards.length).toBeGreaterThan(0);
    for (const card of all) {
      for (const summary of nounPhrases) expect(card.explanation.includes(`. ${summary}`), `${card.id}: ${card.explanation}`).toBe(false);
      // Both sides of a comparison often cite the one paragraph that contrasts them.
      const locators = card.citations.map((c) => `${c.source.id}: ${c.locator}`);
      expect(new Set(locators).size, `${card.id}: ${locators.join(" · ")}`).toBe(locators.length);
    }
    // Said of the concept ("It is a no-cost…"), or what its description adds beside its sort.
    for (const card of kindCards) expect(card.explanation, card.id).toMatch(/^[^.]+ (is|are) [^.]+\. \S/);
    // A term card's explanation says more than what kind of thing its term is, for most terms: what the
    // description adds to the back ("Xen is a hypervisor." alone said less than the back had).
    const terms = all.filter((c) => c.type === "TERM");
    const more = terms.filter((c) => c.explanation.replace(/ Also called .*$/, "").split(/(?<=\.) /).length >= 2);
    expect(more.length, terms.filter((c) => !more.includes(c)).map((c) => c.explanation).join("\n")).toBeGreaterThan(terms.length * 0.6);
    // A target the graph names in the plural is said so: a container has several namespaces.
    const isolated = all.find((c) => c.id === "relation:linux-containers:isolates-with");
    expect(isolated?.explanation).toMatch(/^A Linux container is walled off from other containers by Linux namespaces\. /);
    const limited = all.find((c) => c.id === "relation:linux-containers:resources-limited-by");
    expect(limited?.explanation).toMatch(/^A Linux container has its resources allocated and limited by control groups\. /);
  });

  it("never show their answer on their front: not the back, nor the answer's name or aliases", async () => {
    const all = await cards("all");
    const conceptBySlug = new Map(facts.seeds.concepts.map((c) => [c.slug, c]));
    const conceptByName = new Map(facts.seeds.concepts.map((c) => [c.name.toLowerCase(), c]));
    const kindLabels = new Map(facts.seeds.vocabulary.kinds.map((k) => [k.label.toLowerCase(), [k.label, k.plural]]));
    // Whole words, any case, with an optional plural or possessive ending: written apart from the server's code.
    const shows = (front: string, phrase: string) => {
      const words = phrase.trim().split(/[\s-]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      return new RegExp(`(^|[^\\p{L}\\p{N}])${words.join("[\\s-]+")}(s|es)?($|[^\\p{L}\\p{N}])`, "iu").test(front);
    };
    const giveaways: string[] = [];
    for (const card of all) {
      if (card.type === "TERM") continue; // the front is the name, the back its summary
      const names: string[] = [];
      if (card.type === "COMPARISON") names.push(...card.back.split(/ · |; |: /).filter((part) => !conceptByName.has(part.toLowerCase())));
      else names.push(card.back);
      const named = conceptByName.get(card.back.toLowerCase());
      if (named && card.type !== "COMPARISON") names.push(...named.aliases, ...(named.noun ? [named.noun] : []));
      if (card.type === "KIND") names.push(...(kindLabels.get(card.back.toLowerCase()) ?? []));
      for (const name of names) if (shows(card.front, name)) giveaways.push(`${card.id}: “${card.front}” shows “${name}”`);
      if (card.type === "DEFINITION") {
        const concept = conceptBySlug.get(card.concept.slug);
        expect(card.back).toBe(concept?.name);
        // One gap at most: two ("the company behind […] ESXi and […] Workstation") leave a riddle.
        expect(card.front.split("[…]").length, card.id).toBeLessThanOrEqual(2);
        // Its clue (or, without one, its summary) is there, masked where it named the answer.
        expect(card.front.includes("[…]") || card.front === (concept?.clue ?? concept?.summary), card.id).toBe(true);
      }
    }
    expect(giveaways).toEqual([]);
    // No two cards share a front but not a back.
    const backs = new Map<string, Set<string>>();
    for (const card of all) backs.set(card.front.toLowerCase(), (backs.get(card.front.toLowerCase()) ?? new Set()).add(card.back.toLowerCase()));
    expect([...backs].filter(([, b]) => b.size > 1).map(([front]) => front)).toEqual([]);
  });

  it("ask one concept per relation card, never an outdated one", async () => {
    const all = await cards("all");
    const names = new Set(facts.seeds.concepts.map((c) => c.name));
    for (const card of all.filter((c) => c.type === "RELATION")) {
      // The back is always one concept, never "A, B and C".
      expect(names.has(card.back), `${card.id}: ${card.back}`).toBe(true);
    }
    // A relation with several targets makes a card per target: test/study/list-answer-cards.test.ts.
    // Outdated statements are never an answer.
    for (const r of facts.seeds.relations.filter((r) => r.outdated)) {
      expect(all.some((c) => c.id === `relation:${r.from}:${r.type}:${r.to}` || (c.id === `relation:${r.from}:${r.type}` && c.back === facts.seeds.concepts.find((x) => x.slug === r.to)?.name))).toBe(false);
    }
  });

  it("explain a relation card's answer without saying the relation again", async () => {
    const all = await cards("all");
    // "Hyper-V is made by Microsoft. Microsoft: the company behind the Hyper-V hypervisor…" taught the card
    // twice, a review found: what follows the answer's name never names the card's subject.
    const namesOf = new Map(facts.seeds.concepts.map((c) => [c.slug, [c.name, ...c.aliases]]));
    const relationCards = all.filter((c) => c.type === "RELATION");
    let explained = 0;
    for (const card of relationCards) {
      const about = card.explanation.split(`. ${card.back}: `)[1];
      if (about === undefined) continue;
      explained++;
      for (const name of namesOf.get(card.concept.slug) ?? []) expect(about.toLowerCase(), card.id).not.toContain(name.toLowerCase());
    }
    const hyperV = all.find((c) => c.id === "relation:hyper-v:made-by");
    expect(hyperV?.explanation).toBe("Hyper-V is made by Microsoft.");
    // Most still say what the answer is.
    expect(explained).toBeGreaterThan(relationCards.length / 2);
  });

  it("grade a typed answer on the server: case, punctuation, aliases and small typos forgiven, with the difference shown", async () => {
    const CHECK = `query ($id: ID!, $answer: String!) { checkTypedAnswer(cardId: $id, answer: $answer) { correct exact expected diff { kind text } } }`;
    type Checked = { checkTypedAnswer: { correct: boolean; exact: boolean; expected: string; diff: { kind: string; text: string }[] } };
    const check = async (id: string, answer: string) => {
      const { body } = await api.server.graphql<Checked>(CHECK, { id, answer });
      expect(body.errors).toBeUndefined();
      return body.data?.checkTypedAnswer;
    };
    const all = await cards("all");
    const typed = await api.server.graphql<{ flashcards: { id: string; typeIn: boolean; type: string }[] }>(`{ flashcards(first: 500) { id type typeIn } }`);
    const typeIn = new Map((typed.body.data?.flashcards ?? []).map((c) => [c.id, c.typeIn]));
    expect(all.filter((c) => c.type === "TERM").every((c) => typeIn.get(c.id) === false)).toBe(true);
    expect(all.filter((c) => c.type === "DEFINITION").every((c) => typeIn.get(c.id) === true)).toBe(true);
    // A definition card whose answer is a long single word, and one with an alias.
    const long = all.find((c) => c.type === "DEFINITION" && /^[A-Za-z]{8,}$/.test(c.back));
    expect(long).toBeDefined();
    const name = long?.back as string;
    expect(await check(long?.id as string, name.toUpperCase())).toMatchObject({ correct: true, exact: true });
    expect(await check(long?.id as string, ` ${name}! `)).toMatchObject({ correct: true, exact: true });
    const typo = `${name.slice(0, 2)}${name[3]}${name[2]}${name.slice(4, -1)}`; // a swap and a missing last letter
    const graded = await check(long?.id as string, typo);
    expect(graded).toMatchObject({ correct: true, exact: false, expected: name });
    expect(graded?.diff.map((p) => p.kind)).toContain("MISSING");
    expect((await check(long?.id as string, "something else entirely"))?.correct).toBe(false);
    const aliased = facts.seeds.concepts.find((c) => all.some((x) => x.id === `definition:${c.slug}`) && c.aliases.some((a) => a.toLowerCase() !== c.name.toLowerCase() && a.length > 3));
    const alias = aliased?.aliases.find((a) => a.toLowerCase() !== aliased.name.toLowerCase() && a.length > 3) as string;
    expect(await check(`definition:${aliased?.slug}`, alias.toLowerCase())).toMatchObject({ correct: true, exact: true });
    // Cards whose back is not a name take no typed answer.
    const term = await api.server.graphql(CHECK, { id: `term:${aliased?.slug}`, answer: "x" });
    expect(term.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("study a deck as Anki does: siblings apart, a wait for learning steps, a goal and a streak", async () => {
    const as = async <T>(token: string | null, query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(`${api.server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    };
    const start = await as<{ startLearner: { token: string } }>(null, "mutation { startLearner { token } }");
    const token = start.data?.startLearner.token as string;
    const { body } = await api.server.graphql<{ decks: { id: string; cardCount: number }[] }>(`{ decks { id cardCount } }`);
    // The smallest deck of a few concepts.
    const deck = [...(body.data?.decks ?? [])].filter((d) => d.cardCount >= 8).sort((a, b) => a.cardCount - b.cardCount)[0]?.id as string;
    const NEXT = `query ($deck: String) { studyNext(deck: $deck) { card { id concept { slug } } waitUntil nextDue buried newToday due { learning review new } } }`;
    type Step = { studyNext: { card: { id: string; concept: { slug: string } } | null; waitUntil: string | null; nextDue: string | null; buried: number; newToday: number; due: { learning: number; review: number; new: number } } };
    expect((await as(null, NEXT, { deck })).errors?.[0]?.message).toMatch(/token/i);
    const seen: { id: string; concept: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const step = (await as<Step>(token, NEXT, { deck })).data?.studyNext;
      if (!step?.card) {
        // Every card was rated Good (learning, back in 10 minutes): the session waits rather than ends.
        expect(step?.waitUntil).not.toBeNull();
        expect(new Date(step?.waitUntil as string).getTime() - Date.now()).toBeLessThanOrEqual(20 * 60_000);
        expect(step?.buried).toBeGreaterThan(0);
        break;
      }
      seen.push({ id: step.card.id, concept: step.card.concept.slug });
      const rated = await as(token, `mutation ($c: ID!, $r: ID!) { review(cardId: $c, rating: GOOD, reviewId: $r) { due } }`, { c: step.card.id, r: `s${i}` });
      expect(rated.errors).toBeUndefined();
    }
    expect(seen.length).toBeGreaterThan(1);
    // One card per concept (the siblings are buried until tomorrow), so none follows its sibling.
    expect(new Set(seen.map((s) => s.concept)).size).toBe(seen.length);
    const streak = await as<{ studyStreak: { reviewsToday: number; goalMet: boolean; streak: number } }>(token, `query ($goal: Int) { studyStreak(dailyGoal: $goal) { reviewsToday goalMet streak longest dailyGoal } }`, { goal: seen.length });
    expect(streak.data?.studyStreak).toMatchObject({ reviewsToday: seen.length, goalMet: true, streak: 1 });
    const short = await as<{ studyStreak: { goalMet: boolean; streak: number } }>(token, `{ studyStreak(dailyGoal: 1000) { goalMet streak } }`);
    expect(short.data?.studyStreak).toEqual({ goalMet: false, streak: 0 });
    expect((await as(token, `{ studyStreak(dailyGoal: 0) { streak } }`)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await as(token, `{ studyNext(timeZone: "Mars/Olympus") { buried } }`)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
