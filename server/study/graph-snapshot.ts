/**
 * The graph in memory, indexed for generating flashcards and quiz questions:
 * the whole graph, loaded once per graph version (a re-seed makes a new one),
 * so generating a quiz costs no SQL at all — or, on a graph too large for
 * that, a region of it (see graph-region.ts), which carries its `focus`.
 */
import { asc, sql } from "drizzle-orm";
import { aspects, kinds, relationTypes } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { queryRows } from "../db/query-rows.ts";
import { push } from "../lists-by-key.ts";

export interface SnapshotConcept {
  id: number;
  slug: string;
  name: string;
  kind: string;
  summary: string;
  /** The paragraph that says more: what a definition question's explanation teaches. */
  description: string;
  aliases: string[];
  /** How a common noun reads in a sentence ("container runtime"); null for a proper name. */
  noun: string | null;
  nounPlural: string | null;
  /** A proper name that takes a plural verb. */
  plural: boolean;
  /** The noun takes no article. */
  uncountable: boolean;
  /** What a definition question shows when the summary would give the name away. */
  clue: string | null;
}

export interface SnapshotRelation {
  id: number;
  type: string;
  from: string;
  to: string;
  label: string;
}

export interface SnapshotClaim {
  id: number;
  key: string;
  concept: string;
  statement: string;
  polarity: "pro" | "con" | "neutral";
  aspect: string | null;
  value: string | null;
}

export interface SnapshotCitation {
  sourceId: string;
  locator: string;
}

/**
 * Each passage once, in first-seen order: what a card or question states is often backed by one passage
 * twice (both sides of a comparison cite the paragraph that contrasts them), and a reader sees it once.
 */
export function distinctCitations(citations: readonly SnapshotCitation[]): SnapshotCitation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.sourceId}|${c.locator}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a region cannot see for itself, read from the whole graph once per version (graph-region.ts). */
/** The vocabulary's tables, as read: kinds and aspects in order, relation types. */
export interface Vocabulary {
  kinds: (typeof kinds.$inferSelect)[];
  aspects: (typeof aspects.$inferSelect)[];
  types: (typeof relationTypes.$inferSelect)[];
}

export async function readVocabulary(db: Db): Promise<Vocabulary> {
  const [kindRows, aspectRows, typeRows] = await Promise.all([
    db.select().from(kinds).orderBy(asc(kinds.position)),
    db.select().from(aspects).orderBy(asc(aspects.position)),
    db.select().from(relationTypes),
  ]);
  return { kinds: kindRows, aspects: aspectRows, types: typeRows };
}

export interface GraphWideFacts {
  vocabulary: Vocabulary;
  /** Kinds at least half of whose concepts are categories (see generate-flashcards.ts). */
  categoryKinds: ReadonlySet<string>;
  /** Kinds the graph also holds as a concept ("Hypervisor"). */
  taughtKinds: ReadonlySet<string>;
}

export interface GraphSnapshot {
  version: string;
  /** For a region, what it reads of the whole graph; null for the whole graph, which holds it all. */
  wide: GraphWideFacts | null;
  /**
   * For a region, how many of the whole graph's concepts' names hold each first word of its focus's
   * names (from name_words); null for the whole graph, which counts for itself.
   */
  nameWordCounts: ReadonlyMap<string, number> | null;
  /**
   * Null for the whole graph. For a region: the concepts it is about, whose every relation and claim
   * it holds, with every category above them (a "cards" region: one level of them, see graph-region.ts);
   * only these are asked about, dealt as cards or played.
   * The region's other concepts (their neighbours and categories, and in a quiz's region concepts of a
   * focus concept's kind holding other values of its aspects) serve as wrong choices and context.
   */
  focus: ReadonlySet<string> | null;
  /**
   * Null for the whole graph, which walks its hierarchy. For a region: the categories within
   * ANCESTOR_DEPTH steps above each of its concepts as the concept's study row records them from the
   * whole graph, by slug where the region holds the category and by `#<id>` where it does not (a region
   * holds the categories above its focus, not those above every neighbour). See everythingAbove
   * (hierarchy.ts); `parents` are those one step up.
   */
  recordedAbove: ReadonlyMap<string, { all: ReadonlySet<string>; parents: ReadonlySet<string> }> | null;
  /**
   * Whether the region stopped at its most concepts (graph-region.ts), nearest first: what lies beyond
   * (a far subject's neighbours, when one subject has thousands) is missing. False for the whole graph.
   */
  cut: boolean;
  /**
   * Only current statements are indexed below. Those the seeds mark outdated are
   * kept apart, so that nothing generated from the graph asserts them — nor denies
   * them, since a learner who read the source would rightly be confused.
   */
  outdatedRelations: SnapshotRelation[];
  outdatedClaims: SnapshotClaim[];
  /** Sorted by slug, so every walk over them is deterministic. */
  concepts: SnapshotConcept[];
  /** The concepts asked about and dealt as cards: all of them, or a region's focus (in the same order). */
  studied: SnapshotConcept[];
  concept: Map<string, SnapshotConcept>;
  relations: SnapshotRelation[];
  outgoing: Map<string, SnapshotRelation[]>;
  incoming: Map<string, SnapshotRelation[]>;
  claims: SnapshotClaim[];
  claimsOf: Map<string, SnapshotClaim[]>;
  kinds: ReadonlyMap<string, { label: string; plural: string; alike: boolean }>;
  /** In vocabulary order. */
  aspects: ReadonlyMap<string, string>;
  relationLabels: ReadonlyMap<string, string>;
  /** Sentence patterns ("{subject} {uses|use} {object}") by relation type and by aspect. */
  relationSentences: ReadonlyMap<string, string>;
  aspectSentences: ReadonlyMap<string, string>;
  /** Aspects whose values hold only against each other (vocabulary `comparative`). */
  comparative: ReadonlySet<string>;
  /** Each aspect's theme (the aspect itself when the vocabulary gives none). */
  themes: ReadonlyMap<string, string>;
  /** Each aspect's family (its theme when the vocabulary gives none): values that read alike. */
  families: ReadonlyMap<string, string>;
  /** Relation types whose target is a category of the source (vocabulary `classifies`). */
  classifying: ReadonlySet<string>;
  /** Relation types whose target is broader than the source (vocabulary `broader`). */
  broader: ReadonlySet<string>;
  /** Relation types whose ends are worth comparing (vocabulary `compares`). */
  comparing: ReadonlySet<string>;
  /** Relation types whose ends share nothing (vocabulary `disjoint`). */
  disjoint: ReadonlySet<string>;
  /** Relation types a flashcard may ask the target of (vocabulary `flashcards`). */
  carded: ReadonlySet<string>;
  /** Every passage a concept's summary and description draw on. */
  citationsOfConcept: Map<number, SnapshotCitation[]>;
  /** Those of a concept's passages its summary rests on: what a note quoting only the summary cites (see summaryCitations). */
  citationsOfSummary: Map<number, SnapshotCitation[]>;
  citationsOfRelation: Map<number, SnapshotCitation[]>;
  citationsOfClaim: Map<number, SnapshotCitation[]>;
}

/** The passages a concept's summary rests on, for a note that says no more of it than its summary. */
export function summaryCitations(graph: GraphSnapshot, concept: { id: number }): SnapshotCitation[] {
  return graph.citationsOfSummary.get(concept.id) ?? [];
}

/** A concept as read: its aliases already a list. */
export interface ConceptRow {
  id: number;
  slug: string;
  name: string;
  kind: string;
  summary: string;
  description: string;
  aliases: string[];
  noun: string | null;
  noun_plural: string | null;
  plural: boolean;
  uncountable: boolean;
  clue: string | null;
}
export interface RelationRow {
  id: number;
  type: string;
  source_id: number;
  target_id: number;
  outdated: string | null;
}
export interface ClaimRow {
  id: number;
  key: string;
  concept_id: number;
  statement: string;
  polarity: "pro" | "con" | "neutral";
  aspect: string | null;
  value: string | null;
  outdated: string | null;
}
export interface CitationRow {
  source_id: string;
  locator: string;
  concept_id: number | null;
  relation_id: number | null;
  claim_id: number | null;
  backs_summary: boolean;
}

/**
 * What the whole graph's snapshot is built from: its rows in the snapshot's order (concepts by slug, relations by id,
 * claims by position), and citations by position among those of one concept, relation or claim.
 */
interface SnapshotRows {
  concepts: ConceptRow[];
  relations: RelationRow[];
  claims: ClaimRow[];
  citations: CitationRow[];
}

/** What makes a snapshot a region (see graph-region.ts). */
export interface RegionOfGraph {
  focusIds: ReadonlySet<number>;
  /** Each concept's categories within ANCESTOR_DEPTH steps, by id with each one's nearest distance, as its study row records them (see GraphSnapshot.recordedAbove). */
  above: ReadonlyMap<number, { ids: readonly number[]; depths: readonly number[] }>;
  cut: boolean;
  wide: GraphWideFacts;
  nameWordCounts: ReadonlyMap<string, number>;
}

/**
 * The four big tables are read with plain SQL rather than drizzle's select
 * builder: on a graph of 100k concepts, mapping 800k rows through the builder,
 * and parsing text[] aliases row by row, took longer than the queries
 * themselves (5.3 s against 2 s). Aliases come as one JSON text per row.
 */
export async function loadGraphSnapshot(db: Db, version: string): Promise<GraphSnapshot> {
  const [concepts, relations, claims, citations, vocabulary] = await Promise.all([
    queryRows<Omit<ConceptRow, "aliases"> & { aliases_json: string }>(
      db,
      sql`select id, slug, name, kind, summary, description, array_to_json(aliases)::text as aliases_json, noun, noun_plural, plural, uncountable, clue from concepts order by slug`,
    ),
    queryRows<RelationRow>(db, sql`select id, type, source_id, target_id, outdated from relations order by id`),
    queryRows<ClaimRow>(db, sql`select id, key, concept_id, statement, polarity, aspect, value, outdated from claims order by position, id`),
    queryRows<CitationRow>(db, sql`select source_id, locator, concept_id, relation_id, claim_id, backs_summary from citations order by position, id`),
    readVocabulary(db),
  ]);
  const rows = { concepts: concepts.map(({ aliases_json, ...c }) => ({ ...c, aliases: JSON.parse(aliases_json) as string[] })), relations, claims, citations };
  return wholeGraphSnapshot(version, rows, vocabulary);
}

/** What a study row records above a concept, by slug where the region holds the category and by `#<id>` where it does not. */
function recordedAbove(
  recorded: { ids: readonly number[]; depths: readonly number[] },
  slugOf: ReadonlyMap<number, string>,
): { all: ReadonlySet<string>; parents: ReadonlySet<string> } {
  const all = new Set<string>();
  const parents = new Set<string>();
  recorded.ids.forEach((id, i) => {
    const token = slugOf.get(id) ?? `#${id}`;
    all.add(token);
    if (recorded.depths[i] === 1) parents.add(token);
  });
  return { all, parents };
}

/** What a snapshot reads of the vocabulary, indexed. */
type VocabularyIndex = Pick<
  GraphSnapshot,
  | "kinds"
  | "aspects"
  | "relationLabels"
  | "relationSentences"
  | "aspectSentences"
  | "comparative"
  | "themes"
  | "families"
  | "classifying"
  | "broader"
  | "comparing"
  | "disjoint"
  | "carded"
>;

/**
 * Indexed once per vocabulary read, and shared (read only) by every snapshot made with it: on a large
 * graph each quiz of a new seed is a region of its own, and they all read one vocabulary per version.
 */
const vocabularyIndexes = new WeakMap<Vocabulary, VocabularyIndex>();

function vocabularyIndex(vocabulary: Vocabulary): VocabularyIndex {
  const known = vocabularyIndexes.get(vocabulary);
  if (known) return known;
  const { kinds: kindRows, aspects: aspectRows, types: typeRows } = vocabulary;
  const index: VocabularyIndex = {
    kinds: new Map(kindRows.map((k) => [k.slug, { label: k.label, plural: k.plural, alike: k.alike }])),
    aspects: new Map(aspectRows.map((a) => [a.slug, a.label])),
    relationLabels: new Map(typeRows.map((t) => [t.slug, t.label])),
    relationSentences: new Map(typeRows.map((t) => [t.slug, t.sentence])),
    aspectSentences: new Map(aspectRows.map((a) => [a.slug, a.sentence])),
    comparative: new Set(aspectRows.filter((a) => a.comparative).map((a) => a.slug)),
    themes: new Map(aspectRows.map((a) => [a.slug, a.theme ?? a.slug])),
    families: new Map(aspectRows.map((a) => [a.slug, a.family ?? a.theme ?? a.slug])),
    classifying: new Set(typeRows.filter((t) => t.classifies).map((t) => t.slug)),
    broader: new Set(typeRows.filter((t) => t.broader || t.classifies).map((t) => t.slug)),
    comparing: new Set(typeRows.filter((t) => t.compares).map((t) => t.slug)),
    disjoint: new Set(typeRows.filter((t) => t.disjoint).map((t) => t.slug)),
    carded: new Set(typeRows.filter((t) => t.flashcards).map((t) => t.slug)),
  };
  vocabularyIndexes.set(vocabulary, index);
  return index;
}

/**
 * A snapshot of these concepts (sorted by slug; `slugOf` maps their ids to slugs) with nothing else in it
 * yet: the whole graph's (region null) or a region's. Relations, claims and citations are added with
 * addRelation, addClaim and addCitation, relations by id and claims by position, so every list keeps the
 * snapshot's order. A region builds its own straight from its study rows (graph-region.ts), making each
 * object once.
 */
export function startSnapshot(
  version: string,
  concepts: SnapshotConcept[],
  slugOf: ReadonlyMap<number, string>,
  vocabulary: Vocabulary,
  region: RegionOfGraph | null,
): GraphSnapshot {
  return {
    version,
    wide: region?.wide ?? null,
    nameWordCounts: region?.nameWordCounts ?? null,
    focus: region ? new Set(concepts.filter((c) => region.focusIds.has(c.id)).map((c) => c.slug)) : null,
    // Only concepts whose rows were read with what lies above them (none in a cards region).
    recordedAbove: region
      ? new Map(concepts.flatMap((c) => {
          const recorded = region.above.get(c.id);
          return recorded ? [[c.slug, recordedAbove(recorded, slugOf)] as const] : [];
        }))
      : null,
    cut: region?.cut ?? false,
    outdatedRelations: [],
    outdatedClaims: [],
    concepts,
    studied: region ? concepts.filter((c) => region.focusIds.has(c.id)) : concepts,
    concept: new Map(concepts.map((c) => [c.slug, c])),
    relations: [],
    outgoing: new Map(),
    incoming: new Map(),
    claims: [],
    claimsOf: new Map(),
    ...vocabularyIndex(vocabulary),
    citationsOfConcept: new Map(),
    citationsOfSummary: new Map(),
    citationsOfRelation: new Map(),
    citationsOfClaim: new Map(),
  };
}

/** Adds a relation, its ends already slugs: indexed when current, kept apart when outdated. */
export function addRelation(snapshot: GraphSnapshot, relation: SnapshotRelation, outdated: boolean): void {
  if (outdated) {
    snapshot.outdatedRelations.push(relation);
    return;
  }
  snapshot.relations.push(relation);
  push(snapshot.outgoing, relation.from, relation);
  push(snapshot.incoming, relation.to, relation);
}

/** Adds a claim: indexed when current, kept apart when outdated. */
export function addClaim(snapshot: GraphSnapshot, claim: SnapshotClaim, outdated: boolean): void {
  if (outdated) {
    snapshot.outdatedClaims.push(claim);
    return;
  }
  snapshot.claims.push(claim);
  push(snapshot.claimsOf, claim.concept, claim);
}

/**
 * Adds a citation of a concept, a relation or a claim, by its id (after those of it added before); a
 * concept's that backs its summary is listed among the summary's as well.
 */
export function addCitation(snapshot: GraphSnapshot, of: "concept" | "relation" | "claim", id: number, citation: SnapshotCitation, backsSummary = false): void {
  push(of === "concept" ? snapshot.citationsOfConcept : of === "relation" ? snapshot.citationsOfRelation : snapshot.citationsOfClaim, id, citation);
  if (of === "concept" && backsSummary) push(snapshot.citationsOfSummary, id, citation);
}

/** The whole graph's snapshot of its rows (loadGraphSnapshot reads them). */
function wholeGraphSnapshot(version: string, rows: SnapshotRows, vocabulary: Vocabulary): GraphSnapshot {
  const concepts: SnapshotConcept[] = rows.concepts.map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    kind: c.kind,
    summary: c.summary,
    description: c.description,
    aliases: c.aliases,
    noun: c.noun,
    nounPlural: c.noun_plural,
    plural: c.plural,
    uncountable: c.uncountable,
    clue: c.clue,
  }));
  const slugOf = new Map(concepts.map((c) => [c.id, c.slug]));
  const snapshot = startSnapshot(version, concepts, slugOf, vocabulary, null);
  for (const row of rows.relations) {
    const from = slugOf.get(row.source_id);
    const to = slugOf.get(row.target_id);
    if (!from || !to) continue;
    addRelation(snapshot, { id: row.id, type: row.type, from, to, label: snapshot.relationLabels.get(row.type) ?? row.type }, row.outdated !== null);
  }
  for (const row of rows.claims) {
    const concept = slugOf.get(row.concept_id);
    if (!concept) continue;
    const claim = { id: row.id, key: row.key, concept, statement: row.statement, polarity: row.polarity, aspect: row.aspect, value: row.value };
    addClaim(snapshot, claim, row.outdated !== null);
  }
  for (const row of rows.citations) {
    const citation = { sourceId: row.source_id, locator: row.locator };
    if (row.concept_id !== null) addCitation(snapshot, "concept", row.concept_id, citation, row.backs_summary);
    else if (row.relation_id !== null) addCitation(snapshot, "relation", row.relation_id, citation);
    else if (row.claim_id !== null) addCitation(snapshot, "claim", row.claim_id, citation);
  }
  return snapshot;
}
