/**
 * Which graph a quiz, a matching round, a deck or a card is made from.
 *
 * Up to `wholeGraphLimit` concepts (the seeds have 84) it is the whole graph,
 * held in memory once per graph version: every question may draw on all of it.
 * Above, the whole graph would not fit (a million concepts made 7.9 million
 * cards), so each is made from a region (graph-region.ts) read by SQL when
 * asked for and kept in a small cache: a quiz or round from its topic, or
 * from the neighbourhood its seed picks (grading regenerates the quiz from its
 * seed, so it meets the same region); a card from its subject's region; a deck
 * from its window, the first concepts of the deck.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../db/connect.ts";
import { queryRows } from "../db/query-rows.ts";
import { perGraphVersion, type GraphVersion } from "../graph-version.ts";
import { cardById, slugsOfCardId } from "./flashcards/card-index.ts";
import type { Flashcard } from "./flashcards/generate-flashcards.ts";
import { listDecks, parseDeckId, unknownDeck, windowDeck, type Deck } from "./flashcards/decks.ts";
import { graphWideFacts, loadRegion, regionKey, ROUND_SEED_NEAREST, SEED_NEAREST, type RegionScope } from "./graph-region.ts";
import { keptWithinBudget } from "./kept-within-budget.ts";
import { loadGraphSnapshot, type GraphSnapshot } from "./graph-snapshot.ts";
import { generateQuiz, UnknownTopicError, type GeneratedQuiz, type QuizSpec } from "./quiz/generate-quiz.ts";

export interface RoundSpec {
  seed: number;
  topic: string | null;
  /** A weak-spots quiz's concepts. */
  focus?: readonly string[] | undefined;
  /** A matching round rather than a quiz: its seed's focus keeps more of the concepts nearest its start (ROUND_SEED_NEAREST). */
  matching?: boolean;
}

export interface StudyGraphs {
  /** The whole graph, or null when it is studied in regions. */
  whole(): Promise<GraphSnapshot | null>;
  /** What a quiz or matching round of this spec is made from; throws UnknownTopicError for a topic that names nothing. */
  forRound(spec: RoundSpec): Promise<GraphSnapshot>;
  /**
   * The quiz of this spec, as generateQuiz makes it from forRound's graph, kept while recently asked for
   * (see QUESTIONS_KEPT) unless `keep` is false (a look back at past quizzes must not push out those being
   * answered); shared by whoever asks, so never to be changed. Throws UnknownTopicError as forRound does.
   */
  quiz(spec: QuizSpec, options?: { keep: boolean }): Promise<GeneratedQuiz>;
  /** What holds these cards and the names their typed answers are weighed against (a region with an empty focus when they name no concept). */
  forCards(ids: readonly string[]): Promise<GraphSnapshot>;
  /** The cards of these ids that exist, by id (any number of them: read a few dozen subjects at a time). */
  cardsById(ids: readonly string[]): Promise<Map<string, Flashcard>>;
  /** What holds these concepts' cards and questions. */
  forConcepts(slugs: readonly string[]): Promise<GraphSnapshot>;
  /** What holds a deck's cards; throws UnknownDeckError for an id that names no deck. */
  forDeck(deckId: string): Promise<GraphSnapshot>;
  /** The decks to offer, with their sizes. */
  decks(): Promise<Deck[]>;
}

export interface StudyGraphsOptions {
  /** Above this many concepts the graph is studied in regions. */
  wholeGraphLimit: number;
  /** How many concepts the regions kept may hold together (default REGION_CONCEPTS_KEPT). */
  regionConcepts?: number;
  /** How many questions the quizzes kept may hold together (default QUESTIONS_KEPT). */
  quizQuestions?: number;
}

/**
 * How many concepts the kept regions hold together: about what a whole graph at the limit holds (each
 * concept brings its relations, claims, cards and candidate questions). At 40,000 a server of a 100k
 * graph peaked at 1 GB resident under load.
 */
const REGION_CONCEPTS_KEPT = 20_000;

/**
 * How many questions the generated quizzes kept hold together, the most recently asked for last. Each
 * answer to a quiz is graded against the quiz made again from the spec its id carries (quiz-id.ts): ten
 * answers made it ten times more (20 ms each on the seeds' graph), and on a large graph read its region
 * again once the regions kept had moved on. A question kept is 3–4 KB of heap (a region's is megabytes):
 * about 500 quizzes of ten, 20 MB.
 */
const QUESTIONS_KEPT = 5_000;

/** The most subjects a region for cards is made around (a card's comparison names two). */
const CARD_SUBJECTS_PER_REGION = 50;

/**
 * How many "cards" regions a process reads at once; subjects asked for meanwhile wait and are read
 * together in the next (see cardsRegionAbout). One: on a million concepts, one at a time served 334
 * cards a second, two 284–299, three 250 (more reads at once are smaller ones); each worker (WORKERS,
 * one per core) has its own.
 */
const CARD_READS_AT_ONCE = 1;
/**
 * After this long a read stops holding up the next: one slow region (a concept with thousands of
 * relations) or a stalled connection must not stop every card behind it. Regions of cards take
 * milliseconds.
 */
const SLOW_CARD_READ_MS = 500;

export function createStudyGraphs(database: Pick<Database, "db" | "query">, graphVersion: GraphVersion, options: StudyGraphsOptions): StudyGraphs {
  const { db } = database;
  const wholeGraph = perGraphVersion(graphVersion, (version) => loadGraphSnapshot(db, version));
  const size = perGraphVersion(graphVersion, async () => {
    const [row] = await queryRows<{ concepts: number }>(db, sql`select count(*)::int as concepts from concepts`);
    return Number(row?.concepts ?? 0);
  });
  const wide = perGraphVersion(graphVersion, () => graphWideFacts(db));
  const inRegions = async () => (await size()) > options.wholeGraphLimit;
  const whole = async () => ((await inRegions()) ? null : wholeGraph());

  // Regions by graph version and scope, the most recently used last, kept while the concepts they hold
  // together stay within the budget (the newest is kept whatever its size); a failed read is not kept.
  const budget = options.regionConcepts ?? REGION_CONCEPTS_KEPT;
  interface Kept {
    snapshot: Promise<GraphSnapshot>;
    resolved?: GraphSnapshot;
    /** When it was last asked for (a count of uses): the freshest of several regions holding a card wins. */
    used: number;
    /** A "cards" region: it holds less than a full one (graph-region.ts), so it serves only cards. */
    cardsOnly: boolean;
  }
  // Kept regions by the concepts they are about: a card opened by id looks among those of its subject
  // rather than through every kept region (hundreds once many cards have been opened).
  const about = new Map<string, Set<Kept>>();
  const regions = keptWithinBudget<Kept>(budget, (entry) => {
    for (const slug of entry.resolved?.focus ?? []) {
      const holders = about.get(slug);
      holders?.delete(entry);
      if (holders?.size === 0) about.delete(slug);
    }
  });
  let uses = 0;
  function region(scope: RegionScope): Promise<GraphSnapshot> {
    const version = graphVersion.current();
    const key = `${version}|${regionKey(scope)}`;
    const known = regions.use(key);
    if (known) {
      known.used = ++uses;
      return known.snapshot;
    }
    const made = wide().then((facts) => loadRegion(database, version, scope, facts));
    const entry: Kept = { snapshot: made, used: ++uses, cardsOnly: scope.type === "cards" };
    regions.add(key, entry);
    made.then(
      (snapshot) => {
        if (!regions.holds(key, entry)) return;
        entry.resolved = snapshot;
        for (const slug of snapshot.focus ?? []) {
          const holders = about.get(slug);
          if (holders) holders.add(entry);
          else about.set(slug, new Set([entry]));
        }
        regions.weigh(key, snapshot.concepts.length);
      },
      () => regions.holds(key, entry) && regions.forget(key),
    );
    return made;
  }

  /**
   * The most recently used kept region already about all these concepts, and holding what `scope` needs
   * (a "cards" region does not serve typed-answer grading): the deck window a learner studies holds the
   * cards they open and rate next. Only for cards, which read the same from any region
   * about their subject (test/study/study-regions.test.ts); a quiz is always made from its own region
   * (and then kept as a quiz, see `quiz`).
   */
  const holding = (slugs: readonly string[], scope: "cards" | "concepts"): GraphSnapshot | undefined => {
    const version = graphVersion.current();
    let found: Kept | undefined;
    const asked = new Set(slugs).size;
    for (const entry of about.get(slugs[0] ?? "") ?? []) {
      // A region of an earlier version stays until the budget drops it; it holds what a re-seed changed.
      if (entry.resolved?.version !== version || (entry.cardsOnly && scope !== "cards") || (found && found.used > entry.used)) continue;
      const focus = entry.resolved.focus;
      // A region cut at its most concepts holds what its nearest subjects read, maybe not what these do.
      if (entry.resolved.cut && (focus?.size ?? 0) > asked) continue;
      if (focus && slugs.every((slug) => focus.has(slug))) found = entry;
    }
    return found?.resolved;
  };
  const aboutSubjects = (type: "cards" | "concepts", slugs: readonly string[]): RegionScope => ({ type, slugs: [...new Set(slugs)].slice(0, CARD_SUBJECTS_PER_REGION) });

  // Cards of subjects no kept region is about, waiting for a "cards" region to be read. Card links
  // opened at the same moment (many learners on a large graph, or one import of progress) share a
  // read: a region of fifty subjects costs the database a few times one of a single subject, not fifty
  // times. A card asked for while no read is under way is read at once; under load the reads queue
  // and each takes all the subjects that have waited for it.
  interface Waiting {
    slugs: readonly string[];
    resolve: (snapshot: GraphSnapshot) => void;
    reject: (error: unknown) => void;
  }
  const waiting: Waiting[] = [];
  let reading = 0;
  const readWaiting = () => {
    while (reading < CARD_READS_AT_ONCE && waiting.length > 0) {
      const batch: Waiting[] = [];
      const subjects = new Set<string>();
      while (waiting.length > 0) {
        const next = waiting[0] as Waiting;
        // A region read while this one waited may be about its subjects by now.
        const kept = holding(next.slugs, "cards");
        if (kept) {
          waiting.shift();
          next.resolve(kept);
          continue;
        }
        const more = next.slugs.filter((slug) => !subjects.has(slug)).length;
        if (batch.length > 0 && subjects.size + more > CARD_SUBJECTS_PER_REGION) break;
        waiting.shift();
        batch.push(next);
        for (const slug of next.slugs) subjects.add(slug);
      }
      if (batch.length === 0) return;
      reading++;
      // A read still under way after SLOW_CARD_READ_MS gives up its turn: the next one starts meanwhile.
      let done = false;
      const release = () => {
        if (done) return;
        done = true;
        clearTimeout(slow);
        reading--;
        readWaiting();
      };
      const slow = setTimeout(release, SLOW_CARD_READ_MS).unref();
      Promise.resolve()
        .then(() => region(aboutSubjects("cards", [...subjects])))
        .then(
          (snapshot) => {
            for (const asked of batch) {
              // A shared read cut at its most concepts may lack what one subject's cards read (another
              // subject with thousands of relations took the room): each then reads a region of its own.
              if (snapshot.cut && batch.length > 1) region(aboutSubjects("cards", asked.slugs)).then(asked.resolve, asked.reject);
              else asked.resolve(snapshot);
            }
          },
          (error: unknown) => batch.forEach((asked) => asked.reject(error)),
        )
        .finally(release);
    }
  };
  const cardsRegionAbout = (slugs: readonly string[]): Promise<GraphSnapshot> =>
    new Promise((resolve, reject) => {
      waiting.push({ slugs, resolve, reject });
      readWaiting();
    });

  /**
   * What holds these subjects' cards: a kept region about them, or one of their own — of the "cards" scope
   * (their own categories, all a card reads of the hierarchy; shared with the subjects of cards opened at the same
   * moment) to deal cards, or a full one to grade a typed answer, which also weighs every name the
   * region holds (a near miss that is another concept's name is wrong).
   */
  const forCardSubjects = async (slugs: readonly string[], scope: "cards" | "concepts"): Promise<GraphSnapshot> => {
    if (!(await inRegions())) return wholeGraph();
    const kept = holding(slugs, scope);
    if (kept) return kept;
    return scope === "cards" ? cardsRegionAbout(slugs) : region(aboutSubjects(scope, slugs));
  };

  const forConcepts = async (slugs: readonly string[]): Promise<GraphSnapshot> => {
    if (!(await inRegions())) return wholeGraph();
    return region(aboutSubjects("concepts", slugs));
  };

  const forDeck = async (deckId: string): Promise<GraphSnapshot> => {
    if (!(await inRegions())) return wholeGraph();
    const scope = parseDeckId(deckId);
    if (scope === null) throw unknownDeck(deckId);
    const found = await region(scope);
    if (!found.focus?.size) throw unknownDeck(deckId);
    return found;
  };

  const windowDecks = perGraphVersion(graphVersion, async (): Promise<Deck[]> => {
    const kinds = await queryRows<{ slug: string; label: string; plural: string; concepts: number }>(
      db,
      sql`select k.slug, k.label, k.plural, count(c.id)::int as concepts from kinds k join concepts c on c.kind = k.slug group by k.slug, k.label, k.plural, k.position order by k.position`,
    );
    const total = kinds.reduce((sum, k) => sum + Number(k.concepts), 0);
    const decks = [windowDeck(await forDeck("all"), { id: "all", kind: "ALL", title: "Everything", plural: "concepts", concepts: total })];
    for (const k of kinds) {
      const id = `kind:${k.slug}`;
      decks.push(windowDeck(await forDeck(id), { id, kind: "KIND", title: k.plural, plural: k.plural.toLowerCase(), concepts: Number(k.concepts) }));
    }
    return decks;
  });

  const forRound = async (spec: RoundSpec): Promise<GraphSnapshot> => {
    if (!(await inRegions())) return wholeGraph();
    if (spec.focus?.length) return forConcepts(spec.focus);
    if (spec.topic === null) return region({ type: "seed", seed: spec.seed, nearest: spec.matching ? ROUND_SEED_NEAREST : SEED_NEAREST });
    const found = await region({ type: "topic", slug: spec.topic });
    if (!found.focus?.size) throw new UnknownTopicError(`No concept "${spec.topic.slice(0, 80)}" to take a topic from.`);
    return found;
  };

  // Quizzes by graph version and spec, the most recently asked for last, kept while the questions they
  // hold together stay within the budget (the newest is kept whatever its size); one being made is
  // shared. Not kept: one that failed, one made from another version's graph (a re-seed meanwhile), and
  // one with no questions, which no id is given out for (else a stream of topics with nothing to ask
  // would pile them up at no cost to the budget).
  const quizzes = keptWithinBudget<Promise<GeneratedQuiz>>(options.quizQuestions ?? QUESTIONS_KEPT);
  const quiz = async (spec: QuizSpec, options = { keep: true }): Promise<GeneratedQuiz> => {
    const version = graphVersion.current();
    const key = `${version}|${JSON.stringify([spec.kind, spec.count, spec.seed, spec.topic, spec.focus ?? null, spec.single === true])}`;
    if (!options.keep) return quizzes.peek(key) ?? generateQuiz(await forRound(spec), spec);
    const known = quizzes.use(key);
    if (known) return known;
    const made = forRound(spec).then((graph) => {
      const generated = generateQuiz(graph, spec);
      if (!quizzes.holds(key, made)) return generated;
      if (graph.version !== version || generated.questions.length === 0) quizzes.forget(key);
      else quizzes.weigh(key, generated.questions.length);
      return generated;
    });
    quizzes.add(key, made);
    made.catch(() => quizzes.holds(key, made) && quizzes.forget(key));
    return made;
  };

  return {
    whole,
    forRound,
    quiz,
    forCards: async (ids) => forCardSubjects(ids.flatMap(slugsOfCardId), "concepts"),
    cardsById: async (ids) => {
      const found = new Map<string, Flashcard>();
      const graphWide = await whole();
      const lookIn = (graph: GraphSnapshot, some: readonly string[]) => {
        for (const id of some) {
          const card = cardById(graph, id);
          if (card) found.set(id, card);
        }
      };
      if (graphWide) {
        lookIn(graphWide, ids);
        return found;
      }
      // Ids in subject order, so that each region serves the cards of the subjects it was made for.
      const sorted = [...new Set(ids)].sort((x, y) => (slugsOfCardId(x)[0] ?? "").localeCompare(slugsOfCardId(y)[0] ?? ""));
      for (let start = 0; start < sorted.length; ) {
        const chunk: string[] = [];
        const subjects = new Set<string>();
        while (start < sorted.length) {
          const next = slugsOfCardId(sorted[start] as string);
          if (subjects.size + next.length > CARD_SUBJECTS_PER_REGION && chunk.length > 0) break;
          for (const slug of next) subjects.add(slug);
          chunk.push(sorted[start++] as string);
        }
        lookIn(await forCardSubjects([...subjects], "cards"), chunk);
      }
      return found;
    },
    forConcepts,
    forDeck,
    decks: async () => ((await inRegions()) ? windowDecks() : listDecks(await wholeGraph())),
  };
}
