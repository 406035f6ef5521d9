/**
 * The vocabularies and sources, loaded once per graph version for the whole
 * process: they change only when the graph is re-seeded, and nearly every
 * request needs one of them (a kind's label, a claim's aspect, a citation's source).
 */
import { asc, count, eq } from "drizzle-orm";
import { aspects, concepts, kinds, relationTypes, sources } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";
import { perGraphVersion, type GraphVersion } from "../../graph-version.ts";
import type { AspectRow, KindRow, SourceRow } from "../graph-rows.ts";

export interface Vocabulary {
  kinds: KindRow[];
  aspects: AspectRow[];
  relationTypes: { slug: string; label: string; inverseLabel: string }[];
  sources: SourceRow[];
}

async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const [kindRows, aspectRows, typeRows, sourceRows] = await Promise.all([
    db
      .select({ slug: kinds.slug, label: kinds.label, plural: kinds.plural, count: count(concepts.id) })
      .from(kinds)
      .leftJoin(concepts, eq(concepts.kind, kinds.slug))
      .groupBy(kinds.slug)
      .orderBy(asc(kinds.position)),
    db.select({ slug: aspects.slug, label: aspects.label }).from(aspects).orderBy(asc(aspects.position)),
    db
      .select({ slug: relationTypes.slug, label: relationTypes.label, inverseLabel: relationTypes.inverseLabel })
      .from(relationTypes)
      .orderBy(asc(relationTypes.position)),
    db.select().from(sources).orderBy(asc(sources.id)),
  ]);
  return {
    kinds: kindRows.map((k) => ({ ...k, count: Number(k.count) })),
    aspects: aspectRows,
    relationTypes: typeRows,
    sources: sourceRows,
  };
}

export type VocabularyCache = () => Promise<Vocabulary>;

export function createVocabularyCache(db: Db, graphVersion: GraphVersion): VocabularyCache {
  return perGraphVersion(graphVersion, () => loadVocabulary(db));
}
