/** What a concept card shows: name, kind, summary and where it comes from. */
import { asc, eq } from "drizzle-orm";
import { citations, concepts, kinds, sources } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";

export interface CardData {
  slug: string;
  name: string;
  kind: string;
  summary: string;
  citations: { title: string; locator: string; address: string | null }[];
}

export async function loadCardData(db: Db, slug: string): Promise<CardData | null> {
  if (slug.includes("\u0000") || slug.length > 200) return null;
  const [concept] = await db
    .select({ id: concepts.id, slug: concepts.slug, name: concepts.name, kind: kinds.label, summary: concepts.summary })
    .from(concepts)
    .innerJoin(kinds, eq(kinds.slug, concepts.kind))
    .where(eq(concepts.slug, slug));
  if (!concept) return null;
  const cited = await db
    .select({ title: sources.title, locator: citations.locator, address: sources.address })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(eq(citations.conceptId, concept.id))
    .orderBy(asc(citations.position))
    .limit(2);
  return { slug: concept.slug, name: concept.name, kind: concept.kind, summary: concept.summary, citations: cited };
}
