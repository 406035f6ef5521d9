/**
 * The knowledge graph's tables. Everything here is rebuilt from `seeds/` by a
 * re-seed; nothing a learner saves may live in these tables.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  json,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";

export const polarity = pgEnum("polarity", ["pro", "con", "neutral"]);

/** A source document the graph cites. `id` is the short name citations use ("000"). */
export const sources = pgTable("sources", {
  id: text("id").primaryKey(),
  file: text("file").notNull(),
  title: text("title").notNull(),
  publisher: text("publisher").notNull(),
  author: text("author"),
  address: text("address"),
  published: text("published"),
});

/** A paragraph of a source, addressed by the locator citations use ("Heading ¶2"). */
export const passages = pgTable(
  "passages",
  {
    id: serial("id").primaryKey(),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    locator: text("locator").notNull(),
    heading: text("heading").notNull(),
    paragraph: integer("paragraph").notNull(),
    ordinal: integer("ordinal").notNull(),
    text: text("text").notNull(),
  },
  (t) => [
    unique("passages_source_locator").on(t.sourceId, t.locator),
    index("passages_fts").using("gin", sql`to_tsvector('english', ${t.text})`),
  ],
);

/** The controlled vocabularies: what a concept can be, how concepts relate, what claims are about. */
export const kinds = pgTable("kinds", {
  slug: text("slug").primaryKey(),
  label: text("label").notNull(),
  plural: text("plural").notNull(),
  position: integer("position").notNull(),
  /**
   * Its concepts are alike enough that a definition of one may offer any other as a wrong choice (kernel
   * features, commands). A broad kind (technology, practice) is not: there the one choice of the text's sort
   * would give the answer away.
   */
  alike: boolean("alike").notNull().default(false),
});

export const relationTypes = pgTable("relation_types", {
  slug: text("slug").primaryKey(),
  label: text("label").notNull(),
  inverseLabel: text("inverse_label").notNull(),
  /** The target is a category of the source (is-a, instance-of…). */
  classifies: boolean("classifies").notNull().default(false),
  /** The target is broader than the source: topics follow these backwards. */
  broader: boolean("broader").notNull().default(false),
  /** The two ends are worth comparing side by side (contrasts-with…). */
  compares: boolean("compares").notNull().default(false),
  /** Nothing lies under both ends: a quiz may offer one end as wrong for what is under the other. */
  disjoint: boolean("disjoint").notNull().default(false),
  /** A flashcard may ask for the target ("VirtualBox is made by …"); off for verbs with many fair answers ("uses …"). */
  flashcards: boolean("flashcards").notNull().default(true),
  /** The relation as a sentence: "{subject} {uses|use} {object}". */
  sentence: text("sentence").notNull().default(""),
  position: integer("position").notNull(),
});

export const aspects = pgTable("aspects", {
  slug: text("slug").primaryKey(),
  label: text("label").notNull(),
  /** A value on the aspect as a sentence: "{subject} {starts|start} in {value}". */
  sentence: text("sentence").notNull().default(""),
  /** Values only true against each other ("more strongly"): asked with both sides named. */
  comparative: boolean("comparative").notNull().default(false),
  /** Aspects that teach one idea (isolation, security…) share a theme: a quiz asks it once. */
  theme: text("theme"),
  /** Aspects whose values read alike (all "lightweight"): a pros-and-cons question offers one wrong choice of each. */
  family: text("family"),
  position: integer("position").notNull(),
});

export const concepts = pgTable(
  "concepts",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind")
      .notNull()
      .references(() => kinds.slug),
    summary: text("summary").notNull(),
    description: text("description").notNull(),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    /** How a common noun reads inside a sentence ("container runtime"); null for proper names. */
    noun: text("noun"),
    nounPlural: text("noun_plural"),
    /** A proper name that takes a plural verb ("Snaps are…"). */
    plural: boolean("plural").notNull().default(false),
    /** The noun takes no article ("hardware virtualization"). */
    uncountable: boolean("uncountable").notNull().default(false),
    /** What a definition question shows instead of the summary when the summary gives the name away. */
    clue: text("clue"),
    /** Name and aliases, lower-cased, one per line: what fuzzy search matches against. */
    searchNames: text("search_names").notNull(),
  },
  (t) => [
    index("concepts_kind").on(t.kind, t.name),
    // A region of a large graph takes in every concept that shares a summary with one it is about
    // (server/study/graph-region.ts): cards and questions tell such concepts apart.
    index("concepts_summary_hash").using("btree", sql`md5(${t.summary})`),
    // GIN answers "names matching this pattern"; GiST answers "the k names nearest this typo".
    index("concepts_search_names_trgm").using("gin", sql`${t.searchNames} gin_trgm_ops`),
    index("concepts_search_names_trgm_knn").using("gist", sql`${t.searchNames} gist_trgm_ops`),
    index("concepts_fts").using(
      "gin",
      sql`to_tsvector('english', ${t.summary} || ' ' || ${t.description})`,
    ),
  ],
);

export const relations = pgTable(
  "relations",
  {
    id: serial("id").primaryKey(),
    type: text("type")
      .notNull()
      .references(() => relationTypes.slug),
    sourceId: integer("source_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    targetId: integer("target_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    /** Set when the sources said it but it is no longer true: why, in our words. Never a quiz answer. */
    outdated: text("outdated"),
  },
  (t) => [
    unique("relations_type_source_target").on(t.type, t.sourceId, t.targetId),
    // Every column a study region reads, so that walking a large graph's relations from concept to
    // concept reads these indexes alone (an index-only scan) rather than a table page per relation.
    index("relations_source").on(t.sourceId, t.type, t.targetId, t.outdated, t.id),
    index("relations_target").on(t.targetId, t.type, t.sourceId, t.outdated, t.id),
  ],
);

export const claims = pgTable(
  "claims",
  {
    id: serial("id").primaryKey(),
    /** Stable across re-seeds: "<concept slug>/<claim id>". Flashcards key on it. */
    key: text("key").notNull().unique(),
    conceptId: integer("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    statement: text("statement").notNull(),
    polarity: polarity("polarity").notNull(),
    aspect: text("aspect").references(() => aspects.slug),
    value: text("value"),
    /** Set when the sources said it but it is no longer true: why, in our words. Never a quiz answer. */
    outdated: text("outdated"),
    position: integer("position").notNull(),
  },
  (t) => [index("claims_concept").on(t.conceptId), index("claims_aspect").on(t.aspect)],
);

/** Where a concept, relation or claim comes from: exactly one subject per row. */
export const citations = pgTable(
  "citations",
  {
    id: serial("id").primaryKey(),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    locator: text("locator").notNull(),
    conceptId: integer("concept_id").references(() => concepts.id, { onDelete: "cascade" }),
    relationId: integer("relation_id").references(() => relations.id, { onDelete: "cascade" }),
    claimId: integer("claim_id").references(() => claims.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /**
     * Of a concept's citations, whether the passage backs its summary (and clue): a note that only quotes the
     * summary (a wrong choice's) cites these, not every passage the description draws on.
     */
    backsSummary: boolean("backs_summary").notNull().default(true),
  },
  (t) => [
    check(
      "citations_one_subject",
      sql`num_nonnulls(${t.conceptId}, ${t.relationId}, ${t.claimId}) = 1`,
    ),
    index("citations_concept").on(t.conceptId),
    index("citations_relation").on(t.relationId),
    index("citations_claim").on(t.claimId),
  ],
);

/** A concept named (by name or alias) in a source passage. */
export const mentions = pgTable(
  "mentions",
  {
    passageId: integer("passage_id")
      .notNull()
      .references(() => passages.id, { onDelete: "cascade" }),
    conceptId: integer("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.passageId, t.conceptId] }), index("mentions_concept").on(t.conceptId)],
);

/** What was last seeded, so start-up re-seeds only when the seeds or sources changed. */
export const seedState = pgTable("seed_state", {
  id: text("id").primaryKey(),
  hash: text("hash").notNull(),
  seededAt: timestamp("seeded_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * How many concepts' names (and aliases) hold each word of four letters or more, recomputed with every
 * seed (server/seed/name-tables.ts). A region of a large graph (server/study/graph-region.ts) reads here
 * what the whole graph in memory counts for itself: whether a word of a name is rare enough to give the
 * name away.
 */
export const nameWords = pgTable(
  "name_words",
  {
    word: text("word").primaryKey(),
    concepts: integer("concepts").notNull(),
  },
  // Search's spelling dictionary on a large graph: the words nearest a typo (numbers are no words to misspell).
  (t) => [index("name_words_trgm").using("gist", sql`${t.word} gist_trgm_ops`).where(sql`${t.word} !~ '^[0-9]+$'`)],
);

/**
 * Which concepts' names hold each word of name_words: search on a large graph goes from the words
 * nearest a typo to the concepts that hold them (server/graphql/concept/search-concepts.ts).
 */
export const conceptWords = pgTable(
  "concept_words",
  {
    word: text("word").notNull(),
    conceptId: integer("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.word, t.conceptId] })],
);

/**
 * Every concept's names and aliases, lower-cased, one row each (its search_names split by line), kept
 * by every seed (server/seed/name-tables.ts): search finds exact names and names beginning with a query
 * through a byte-ordered index here, where a pattern over search_names reads thousands of trigram hits
 * on a graph of a million concepts.
 */
export const conceptNames = pgTable(
  "concept_names",
  {
    conceptId: integer("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
  },
  (t) => [index("concept_names_name").using("btree", sql`${t.name} collate "C"`)],
);

/**
 * What a study region of a large graph (server/study/graph-region.ts) reads of each concept, one row
 * each, rebuilt from the tables above by every seed (server/seed/study-rows.ts): the categories above
 * it within ANCESTOR_DEPTH steps of current classifying relations, nearest distance each, and as JSON
 * its row, its citations, its claims and its outgoing relations (outdated ones too) with theirs. A
 * region of a million-concept graph holds about 2,000 concepts scattered over the tables; one lookup
 * here for each replaces a walk up the hierarchy and five lookups.
 */
export const conceptStudyRows = pgTable("concept_study_rows", {
  conceptId: integer("concept_id")
    .primaryKey()
    .references(() => concepts.id, { onDelete: "cascade" }),
  /** The concept's slug: a region lists its concepts in slug order, as the database collates them. */
  slug: text("slug").notNull(),
  /** The categories above it, and how many steps up each first is (1 = its own category). */
  ancestorIds: integer("ancestor_ids").array().notNull(),
  ancestorDepths: integer("ancestor_depths").array().notNull(),
  /**
   * The concepts a region holds one step from this one when it is in the region's focus: the other ends of
   * its relations (outdated ones too) and the concepts sharing its summary. Read from the focus's own rows,
   * which a region reads anyway, rather than walked in the relations' indexes for each focus concept.
   */
  nearIds: integer("near_ids").array().notNull().default(sql`'{}'::integer[]`),
  /** The other ends of its current relations only: what a seed's walk follows (graph-region.ts), with no lookup in the relations' indexes. */
  linkedIds: integer("linked_ids").array().notNull().default(sql`'{}'::integer[]`),
  /** The aspects it states a current value on (statesValue): which themes a seed's focus finds in it, with no lookup in the claims. */
  valueAspects: text("value_aspects").array().notNull().default(sql`'{}'::text[]`),
  concept: json("concept").notNull(),
  cited: json("cited").notNull(),
  /** Apart from the rest: a region reads claims only of the concepts near its focus (a card's: its subject's). */
  claims: json("claims").notNull(),
  relations: json("relations").notNull(),
});

/**
 * Who holds which value on an aspect, by kind: a current claim with a value makes a row (rebuilt with the
 * study rows by every seed), its value trimmed and lower-cased as the quiz rules compare values. A
 * true/false statement of a value is asked only with a believable false version, another value of its
 * aspect held by a concept of the subject's own sort (true-false-questions.ts); on a large graph a region
 * finds a few such holders near the subject's id here, by index, rather than among the concepts that
 * happen to lie one relation away. No foreign key: the rows are remade whole after every change to the
 * graph, and a key would make each concept a seed deletes look through them all first.
 */
export const valueHolders = pgTable(
  "value_holders",
  {
    kind: text("kind").notNull(),
    aspect: text("aspect").notNull(),
    conceptId: integer("concept_id").notNull(),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.aspect, t.conceptId, t.value] })],
);
