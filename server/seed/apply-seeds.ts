/**
 * Writes a validated seed graph into the database in one transaction.
 *
 * Concepts are upserted by slug so their ids stay put; relations, claims and
 * citations are rebuilt; whatever the seeds no longer name is deleted. Only
 * graph tables are touched, so learner data beside them survives a re-seed.
 * A failure anywhere rolls the whole re-seed back.
 */
import { eq, notInArray, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  aspects,
  citations,
  claims,
  concepts,
  kinds,
  mentions,
  passages,
  relations,
  relationTypes,
  seedState,
  sources,
} from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import type { Citation, SeedGraph } from "./load-seeds.ts";
import { refreshNameTables } from "./name-tables.ts";
import { takeSeedLock } from "./seed-lock.ts";
import { refreshStudyRows } from "./study-rows.ts";
import { findMentions } from "./find-mentions.ts";

export const GRAPH_SEEDED_CHANNEL = "graph_seeded";

export interface SeedCounts {
  concepts: number;
  relations: number;
  claims: number;
  citations: number;
  passages: number;
  mentions: number;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// Stays well under PostgreSQL's 65,535 bind parameters per statement.
const CHUNK = 1000;

async function insertChunked<T extends PgTable>(tx: Tx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK));
  }
}

function excluded(column: string): SQL {
  return sql.raw(`excluded."${column}"`);
}

export function searchNamesOf(name: string, aliases: string[]): string {
  return [name, ...aliases].map((n) => n.toLowerCase()).join("\n");
}

export async function applySeeds(db: Db, graph: SeedGraph, hash: string): Promise<SeedCounts> {
  return db.transaction(async (tx) => {
    await takeSeedLock(tx);

    const sourceIds = graph.sources.map((s) => s.id);
    await tx
      .insert(sources)
      .values(
        graph.sources.map((s) => ({
          id: s.id,
          file: s.file,
          title: s.title,
          publisher: s.publisher,
          author: s.author ?? null,
          address: s.address ?? null,
          published: s.published ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: sources.id,
        set: {
          file: excluded("file"),
          title: excluded("title"),
          publisher: excluded("publisher"),
          author: excluded("author"),
          address: excluded("address"),
          published: excluded("published"),
        },
      });

    const { kinds: kindRows, relation_types: typeRows, aspects: aspectRows } = graph.vocabulary;
    await tx
      .insert(kinds)
      .values(kindRows.map((k, position) => ({ ...k, position })))
      .onConflictDoUpdate({
        target: kinds.slug,
        set: { label: excluded("label"), plural: excluded("plural"), position: excluded("position"), alike: excluded("alike") },
      });
    await tx
      .insert(relationTypes)
      .values(
        typeRows.map((r, position) => ({
          slug: r.slug,
          label: r.label,
          inverseLabel: r.inverse,
          classifies: r.classifies,
          broader: r.broader || r.classifies,
          compares: r.compares,
          disjoint: r.disjoint,
          flashcards: r.flashcards,
          sentence: r.sentence,
          position,
        })),
      )
      .onConflictDoUpdate({
        target: relationTypes.slug,
        set: {
          label: excluded("label"),
          inverseLabel: excluded("inverse_label"),
          classifies: excluded("classifies"),
          broader: excluded("broader"),
          compares: excluded("compares"),
          disjoint: excluded("disjoint"),
          flashcards: excluded("flashcards"),
          sentence: excluded("sentence"),
          position: excluded("position"),
        },
      });
    if (aspectRows.length > 0) {
      await tx
        .insert(aspects)
        .values(aspectRows.map((a, position) => ({ ...a, position })))
        .onConflictDoUpdate({
          target: aspects.slug,
          set: { label: excluded("label"), sentence: excluded("sentence"), comparative: excluded("comparative"), theme: excluded("theme"), family: excluded("family"), position: excluded("position") },
        });
    }

    // Concepts keep their ids across re-seeds; removed ones take their relations and claims with them.
    const slugs = graph.concepts.map((c) => c.slug);
    await tx.delete(concepts).where(notInArray(concepts.slug, slugs));
    const conceptIds = new Map<string, number>();
    for (let i = 0; i < graph.concepts.length; i += CHUNK) {
      const rows = await tx
        .insert(concepts)
        .values(
          graph.concepts.slice(i, i + CHUNK).map((c) => ({
            slug: c.slug,
            name: c.name,
            kind: c.kind,
            summary: c.summary,
            description: c.description,
            aliases: c.aliases,
            noun: c.noun ?? null,
            nounPlural: c.nounPlural ?? null,
            clue: c.clue ?? null,
            plural: c.plural,
            uncountable: c.uncountable,
            searchNames: searchNamesOf(c.name, c.aliases),
          })),
        )
        .onConflictDoUpdate({
          target: concepts.slug,
          set: {
            name: excluded("name"),
            kind: excluded("kind"),
            summary: excluded("summary"),
            description: excluded("description"),
            aliases: excluded("aliases"),
            noun: excluded("noun"),
            nounPlural: excluded("noun_plural"),
            clue: excluded("clue"),
            plural: excluded("plural"),
            uncountable: excluded("uncountable"),
            searchNames: excluded("search_names"),
          },
        })
        .returning({ id: concepts.id, slug: concepts.slug });
      for (const row of rows) conceptIds.set(row.slug, row.id);
    }
    const idOf = (slug: string) => {
      const id = conceptIds.get(slug);
      if (id === undefined) throw new Error(`concept "${slug}" was not written`);
      return id;
    };

    // Relations, claims and citations are rebuilt from scratch: cheaper than diffing, same result.
    await tx.delete(citations);
    await tx.delete(relations);
    await tx.delete(claims);

    const citationRows: (typeof citations.$inferInsert)[] = [];
    const cite = (list: Citation[], subject: Partial<Record<"conceptId" | "relationId" | "claimId", number>>, backsSummary = (_: Citation) => true) => {
      list.forEach((c, position) => citationRows.push({ sourceId: c.sourceId, locator: c.locator, position, backsSummary: backsSummary(c), ...subject }));
    };
    for (const concept of graph.concepts) cite(concept.citations, { conceptId: idOf(concept.slug) }, (c) => concept.summaryCitations.includes(c));

    for (let i = 0; i < graph.relations.length; i += CHUNK) {
      const slice = graph.relations.slice(i, i + CHUNK);
      const rows = await tx
        .insert(relations)
        .values(slice.map((r) => ({ type: r.type, sourceId: idOf(r.from), targetId: idOf(r.to), outdated: r.outdated ?? null })))
        .returning({ id: relations.id });
      rows.forEach((row, j) => cite(slice[j]?.citations ?? [], { relationId: row.id }));
    }
    for (let i = 0; i < graph.claims.length; i += CHUNK) {
      const slice = graph.claims.slice(i, i + CHUNK);
      const rows = await tx
        .insert(claims)
        .values(
          slice.map((c, j) => ({
            key: c.key,
            conceptId: idOf(c.concept),
            statement: c.statement,
            polarity: c.polarity,
            aspect: c.aspect ?? null,
            value: c.value ?? null,
            outdated: c.outdated ?? null,
            position: i + j,
          })),
        )
        .returning({ id: claims.id });
      rows.forEach((row, j) => cite(slice[j]?.citations ?? [], { claimId: row.id }));
    }
    await insertChunked(tx, citations, citationRows);

    await tx.delete(kinds).where(notInArray(kinds.slug, kindRows.map((k) => k.slug)));
    await tx.delete(relationTypes).where(notInArray(relationTypes.slug, typeRows.map((r) => r.slug)));
    const aspectSlugs = aspectRows.map((a) => a.slug);
    await tx.delete(aspects).where(aspectSlugs.length ? notInArray(aspects.slug, aspectSlugs) : undefined);
    await tx.delete(sources).where(notInArray(sources.id, sourceIds));

    // Passages are replaced when the documents were read; otherwise the stored ones stay.
    for (const doc of graph.documents ?? []) {
      await tx.delete(passages).where(eq(passages.sourceId, doc.sourceId));
      await insertChunked(
        tx,
        passages,
        doc.passages.map((p, ordinal) => ({
          sourceId: doc.sourceId,
          locator: p.locator,
          heading: p.heading,
          paragraph: p.paragraph,
          ordinal,
          text: p.text,
        })),
      );
    }

    // Mentions follow both the passages and the concepts' names, so they are always recomputed.
    await tx.delete(mentions);
    const storedPassages = await tx.select({ id: passages.id, text: passages.text }).from(passages);
    const mentionRows = findMentions(
      storedPassages,
      graph.concepts.map((c) => ({ id: idOf(c.slug), names: [c.name, ...c.aliases] })),
    ).map((m) => ({ passageId: m.passageId, conceptId: m.conceptId }));
    await insertChunked(tx, mentions, mentionRows);
    await refreshNameTables(tx);

    await tx
      .insert(seedState)
      .values({ id: "graph", hash })
      .onConflictDoUpdate({ target: seedState.id, set: { hash, seededAt: sql`now()` } });
    // After the graph's hash: the study rows record which graph they were made from.
    await refreshStudyRows(tx);
    // Delivered on commit: running servers drop their cached responses (see graph-version.ts).
    await tx.execute(sql`select pg_notify(${GRAPH_SEEDED_CHANNEL}, ${hash})`);

    return {
      concepts: graph.concepts.length,
      relations: graph.relations.length,
      claims: graph.claims.length,
      citations: citationRows.length,
      passages: storedPassages.length,
      mentions: mentionRows.length,
    };
  });
}
