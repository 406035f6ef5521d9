/**
 * Per-request DataLoaders: every field that needs rows by id asks a loader,
 * and each loader turns all the ids asked for in one tick into one SQL
 * statement. A concept page therefore costs the same handful of statements
 * however many relations, claims and citations it shows.
 */
import DataLoader from "dataloader";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Card } from "ts-fsrs";
import { cardStates, citations, claims, concepts, mentions, passages, relations, relationTypes } from "../../schema/index.ts";
import { cardFromRow } from "../study/scheduling/fsrs-scheduler.ts";
import type { Db } from "../db/connect.ts";
import { hasNul } from "./bad-input.ts";
import type { AspectRow, CitationRow, ClaimRow, ConceptRow, KindRow, PassageRow, RelationRow, SourceRow } from "./graph-rows.ts";
import type { VocabularyCache } from "./vocabulary/vocabulary-cache.ts";
import { groupBy } from "../lists-by-key.ts";

export type CitationSubject = { concept: number } | { relation: number } | { claim: number };

export const relationColumns = {
  id: relations.id,
  type: relations.type,
  sourceId: relations.sourceId,
  targetId: relations.targetId,
  outdated: relations.outdated,
  label: relationTypes.label,
  inverseLabel: relationTypes.inverseLabel,
};

/**
 * `signal`: the request's; once it is aborted (stopped at its value or time budget) no loader sends
 * another statement, so a stopped request's deeper levels do not keep the database busy after its answer.
 */
export function createLoaders(db: Db, vocabulary: VocabularyCache, signal?: AbortSignal) {
  const conceptById = new DataLoader<number, ConceptRow | null>(async (ids) => {
    signal?.throwIfAborted();
    const rows = await db.select().from(concepts).where(inArray(concepts.id, [...ids]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const conceptBySlug = new DataLoader<string, ConceptRow | null>(async (slugs) => {
    signal?.throwIfAborted();
    // A slug with a NUL character cannot exist (and PostgreSQL would refuse to compare it).
    const lookable = slugs.filter((slug) => !hasNul(slug));
    const rows = lookable.length ? await db.select().from(concepts).where(inArray(concepts.slug, lookable)) : [];
    for (const row of rows) conceptById.prime(row.id, row);
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });

  /** Relations touching each concept, either end, in a stable order. */
  const relationsByConcept = new DataLoader<number, RelationRow[]>(async (ids) => {
    signal?.throwIfAborted();
    const list = [...ids];
    const rows = await db
      .select(relationColumns)
      .from(relations)
      .innerJoin(relationTypes, eq(relationTypes.slug, relations.type))
      .where(or(inArray(relations.sourceId, list), inArray(relations.targetId, list)))
      .orderBy(asc(relationTypes.position), asc(relations.id));
    return ids.map((id) => rows.filter((r) => r.sourceId === id || r.targetId === id));
  });

  const claimsByConcept = new DataLoader<number, ClaimRow[]>(async (ids) => {
    signal?.throwIfAborted();
    const rows = await db.select().from(claims).where(inArray(claims.conceptId, [...ids])).orderBy(asc(claims.position));
    const groups = groupBy(rows, (r) => r.conceptId);
    return ids.map((id) => groups.get(id) ?? []);
  });

  /** Citations of concepts, relations and claims alike, with their passage text when ingested. */
  const citationsOf = new DataLoader<CitationSubject, CitationRow[], string>(
    async (subjects) => {
      signal?.throwIfAborted();
      const ids = (key: "concept" | "relation" | "claim") =>
        subjects.flatMap((s) => (key in s ? [(s as Record<string, number>)[key] as number] : []));
      const conceptIds = ids("concept");
      const relationIds = ids("relation");
      const claimIds = ids("claim");
      const rows = await db
        .select({
          conceptId: citations.conceptId,
          relationId: citations.relationId,
          claimId: citations.claimId,
          sourceId: citations.sourceId,
          locator: citations.locator,
          passage: passages.text,
        })
        .from(citations)
        .leftJoin(passages, and(eq(passages.sourceId, citations.sourceId), eq(passages.locator, citations.locator)))
        .where(
          or(
            conceptIds.length ? inArray(citations.conceptId, conceptIds) : undefined,
            relationIds.length ? inArray(citations.relationId, relationIds) : undefined,
            claimIds.length ? inArray(citations.claimId, claimIds) : undefined,
          ),
        )
        .orderBy(asc(citations.position), asc(citations.id));
      const keyOf = (r: (typeof rows)[number]) =>
        r.conceptId !== null ? `concept:${r.conceptId}` : r.relationId !== null ? `relation:${r.relationId}` : `claim:${r.claimId}`;
      const groups = groupBy(rows, keyOf);
      return subjects.map((s) =>
        (groups.get(subjectKey(s)) ?? []).map((r) => ({ sourceId: r.sourceId, locator: r.locator, passage: r.passage })),
      );
    },
    { cacheKeyFn: subjectKey },
  );

  /** The first passages (in document order) that mention each concept. Key: `${conceptId}:${limit}`. */
  const mentionsOf = new DataLoader<string, PassageRow[]>(async (keys) => {
    signal?.throwIfAborted();
    const parsed = keys.map((k) => k.split(":").map(Number) as [number, number]);
    const limit = Math.max(...parsed.map(([, n]) => n));
    const ranked = db
      .select({
        conceptId: mentions.conceptId,
        sourceId: passages.sourceId,
        locator: passages.locator,
        text: passages.text,
        rank: sql<number>`row_number() over (partition by ${mentions.conceptId} order by ${passages.sourceId}, ${passages.ordinal})`.as("rank"),
      })
      .from(mentions)
      .innerJoin(passages, eq(passages.id, mentions.passageId))
      .where(inArray(mentions.conceptId, [...new Set(parsed.map(([id]) => id))]))
      .as("ranked");
    const rows = await db.select().from(ranked).where(sql`${ranked.rank} <= ${limit}`).orderBy(asc(ranked.rank));
    const groups = groupBy(rows, (r) => r.conceptId);
    return parsed.map(([id, n]) => (groups.get(id) ?? []).slice(0, n).map(({ sourceId, locator, text }) => ({ sourceId, locator, text })));
  });

  const allSources = async () => (await vocabulary()).sources;
  const allAspects = async () => (await vocabulary()).aspects;
  const allKinds = async () => (await vocabulary()).kinds;
  const allRelationTypes = async () => (await vocabulary()).relationTypes;

  /** A learner's saved card states, loaded once per request and learner. */
  const savedCards = new Map<number, Promise<Map<string, Card>>>();
  const cardStatesOf = (learnerId: number) => {
    let states = savedCards.get(learnerId);
    if (!states) {
      states = Promise.resolve(db.select().from(cardStates).where(eq(cardStates.learnerId, learnerId))).then(
        (rows) => new Map(rows.map((row) => [row.cardId, cardFromRow(row)])),
      );
      savedCards.set(learnerId, states);
    }
    return states;
  };

  /** A source paragraph's text by source and locator, for citations that came without it. */
  const passageOf = new DataLoader<string, string | null>(async (keys) => {
    signal?.throwIfAborted();
    const pairs = keys.map((k) => k.split("\n") as [string, string]);
    const rows = await db
      .select({ sourceId: passages.sourceId, locator: passages.locator, text: passages.text })
      .from(passages)
      .where(inArray(passages.locator, [...new Set(pairs.map(([, locator]) => locator))]));
    const text = new Map(rows.map((r) => [`${r.sourceId}\n${r.locator}`, r.text]));
    return keys.map((k) => text.get(k) ?? null);
  });

  return {
    cardStates: cardStatesOf,
    passageOf,
    conceptById,
    conceptBySlug,
    relationsByConcept,
    claimsByConcept,
    citationsOf,
    mentionsOf,
    allSources,
    allAspects,
    allKinds,
    allRelationTypes,
    async source(id: string): Promise<SourceRow> {
      const source = (await allSources()).find((s) => s.id === id);
      if (!source) throw new Error(`source ${id} is missing`);
      return source;
    },
    async aspect(slug: string | null): Promise<AspectRow | null> {
      return slug === null ? null : ((await allAspects()).find((a) => a.slug === slug) ?? null);
    },
    async kind(slug: string): Promise<KindRow> {
      const kind = (await allKinds()).find((k) => k.slug === slug);
      if (!kind) throw new Error(`kind ${slug} is missing`);
      return kind;
    },
    /** Concepts by id, in the order asked, skipping any that vanished. */
    async concepts(ids: readonly number[]): Promise<ConceptRow[]> {
      return (await conceptById.loadMany(ids)).filter((c): c is ConceptRow => c !== null && !(c instanceof Error));
    },
  };
}

function subjectKey(subject: CitationSubject): string {
  if ("concept" in subject) return `concept:${subject.concept}`;
  if ("relation" in subject) return `relation:${subject.relation}`;
  return `claim:${subject.claim}`;
}

export type Loaders = ReturnType<typeof createLoaders>;
