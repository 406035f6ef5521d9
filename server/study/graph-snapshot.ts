/**
 * The whole graph in memory, indexed for generating flashcards and quiz
 * questions. Loaded once per graph version (a re-seed makes a new one), so
 * generating a quiz costs no SQL at all.
 */
import { asc, eq } from "drizzle-orm";
import { aspects, citations, claims, concepts, kinds, relations, relationTypes } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { perGraphVersion, type GraphVersion } from "../graph-version.ts";

export interface SnapshotConcept {
  id: number;
  slug: string;
  name: string;
  kind: string;
  summary: string;
  aliases: string[];
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

export interface GraphSnapshot {
  version: string;
  /** Sorted by slug, so every walk over them is deterministic. */
  concepts: SnapshotConcept[];
  concept: Map<string, SnapshotConcept>;
  relations: SnapshotRelation[];
  outgoing: Map<string, SnapshotRelation[]>;
  incoming: Map<string, SnapshotRelation[]>;
  claims: SnapshotClaim[];
  claimsOf: Map<string, SnapshotClaim[]>;
  kinds: Map<string, { label: string; plural: string }>;
  /** In vocabulary order. */
  aspects: Map<string, string>;
  relationLabels: Map<string, string>;
  /** Relation types whose target is a category of the source (vocabulary `classifies`). */
  classifying: Set<string>;
  /** Relation types whose target is broader than the source (vocabulary `broader`). */
  broader: Set<string>;
  /** Relation types whose ends are worth comparing (vocabulary `compares`). */
  comparing: Set<string>;
  citationsOfConcept: Map<number, SnapshotCitation[]>;
  citationsOfRelation: Map<number, SnapshotCitation[]>;
  citationsOfClaim: Map<number, SnapshotCitation[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadGraphSnapshot(db: Db, version: string): Promise<GraphSnapshot> {
  const [conceptRows, relationRows, claimRows, kindRows, aspectRows, citationRows, typeRows] = await Promise.all([
    db
      .select({ id: concepts.id, slug: concepts.slug, name: concepts.name, kind: concepts.kind, summary: concepts.summary, aliases: concepts.aliases })
      .from(concepts)
      .orderBy(asc(concepts.slug)),
    db
      .select({ id: relations.id, type: relations.type, sourceId: relations.sourceId, targetId: relations.targetId, label: relationTypes.label })
      .from(relations)
      .innerJoin(relationTypes, eq(relationTypes.slug, relations.type))
      .orderBy(asc(relations.id)),
    db.select().from(claims).orderBy(asc(claims.position), asc(claims.id)),
    db.select().from(kinds).orderBy(asc(kinds.position)),
    db.select().from(aspects).orderBy(asc(aspects.position)),
    db.select().from(citations).orderBy(asc(citations.position), asc(citations.id)),
    db.select().from(relationTypes),
  ]);
  const slugOf = new Map(conceptRows.map((c) => [c.id, c.slug]));
  const snapshot: GraphSnapshot = {
    version,
    concepts: conceptRows,
    concept: new Map(conceptRows.map((c) => [c.slug, c])),
    relations: [],
    outgoing: new Map(),
    incoming: new Map(),
    claims: [],
    claimsOf: new Map(),
    kinds: new Map(kindRows.map((k) => [k.slug, { label: k.label, plural: k.plural }])),
    aspects: new Map(aspectRows.map((a) => [a.slug, a.label])),
    relationLabels: new Map(typeRows.map((t) => [t.slug, t.label])),
    classifying: new Set(typeRows.filter((t) => t.classifies).map((t) => t.slug)),
    broader: new Set(typeRows.filter((t) => t.broader || t.classifies).map((t) => t.slug)),
    comparing: new Set(typeRows.filter((t) => t.compares).map((t) => t.slug)),
    citationsOfConcept: new Map(),
    citationsOfRelation: new Map(),
    citationsOfClaim: new Map(),
  };
  for (const row of relationRows) {
    const from = slugOf.get(row.sourceId);
    const to = slugOf.get(row.targetId);
    if (!from || !to) continue;
    const relation = { id: row.id, type: row.type, from, to, label: row.label };
    snapshot.relations.push(relation);
    push(snapshot.outgoing, from, relation);
    push(snapshot.incoming, to, relation);
  }
  for (const row of claimRows) {
    const concept = slugOf.get(row.conceptId);
    if (!concept) continue;
    const claim = { id: row.id, key: row.key, concept, statement: row.statement, polarity: row.polarity, aspect: row.aspect, value: row.value };
    snapshot.claims.push(claim);
    push(snapshot.claimsOf, concept, claim);
  }
  for (const row of citationRows) {
    const citation = { sourceId: row.sourceId, locator: row.locator };
    if (row.conceptId !== null) push(snapshot.citationsOfConcept, row.conceptId, citation);
    else if (row.relationId !== null) push(snapshot.citationsOfRelation, row.relationId, citation);
    else if (row.claimId !== null) push(snapshot.citationsOfClaim, row.claimId, citation);
  }
  return snapshot;
}

export type GraphSnapshotCache = () => Promise<GraphSnapshot>;

/** One snapshot per graph version, shared by every request. */
export function createGraphSnapshotCache(db: Db, graphVersion: GraphVersion): GraphSnapshotCache {
  return perGraphVersion(graphVersion, (version) => loadGraphSnapshot(db, version));
}
