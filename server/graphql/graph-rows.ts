/** The rows resolvers pass around; GraphQL fields are resolved from these (codegen mappers). */
import type { aspects, claims, concepts, relations, sources } from "../../schema/index.ts";

export type ConceptRow = typeof concepts.$inferSelect;
export type ClaimRow = typeof claims.$inferSelect;
export type SourceRow = typeof sources.$inferSelect;
export type AspectRow = Pick<typeof aspects.$inferSelect, "slug" | "label">;

export type RelationRow = Pick<typeof relations.$inferSelect, "id" | "type" | "sourceId" | "targetId" | "outdated"> & {
  label: string;
  inverseLabel: string;
};

export interface KindRow {
  slug: string;
  label: string;
  plural: string;
  count: number;
}

export interface CitationRow {
  sourceId: string;
  locator: string;
  /** The passage text; undefined when not loaded with the citation (looked up on demand). */
  passage: string | null | undefined;
}

export interface PassageRow {
  sourceId: string;
  locator: string;
  text: string;
}

export interface ComparisonRow {
  a: ConceptRow;
  b: ConceptRow;
}

export interface ComparedAspectRow {
  aspect: AspectRow;
  a: ClaimRow[];
  b: ClaimRow[];
}

export interface SubgraphRow {
  center: ConceptRow;
  nodes: ConceptRow[];
  edges: RelationRow[];
}
