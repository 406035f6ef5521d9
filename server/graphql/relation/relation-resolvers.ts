/** The fields of relations, claims, citations and passages: ends, sources and citations via loaders. */
import type { Resolvers } from "../resolver-types.generated.ts";
import type { ConceptRow } from "../graph-rows.ts";
import type { Loaders } from "../loaders.ts";

async function conceptOf(loaders: Loaders, id: number): Promise<ConceptRow> {
  const concept = await loaders.conceptById.load(id);
  if (!concept) throw new Error(`concept ${id} is missing`);
  return concept;
}

export const relationResolvers: Resolvers = {
  Relation: {
    id: (row) => String(row.id),
    source: (row, _, { loaders }) => conceptOf(loaders, row.sourceId),
    target: (row, _, { loaders }) => conceptOf(loaders, row.targetId),
    citations: (row, _, { loaders }) => loaders.citationsOf.load({ relation: row.id }),
  },
  Claim: {
    id: (row) => row.key,
    concept: (row, _, { loaders }) => conceptOf(loaders, row.conceptId),
    polarity: (row) => (row.polarity === "pro" ? "PRO" : row.polarity === "con" ? "CON" : "NEUTRAL"),
    aspect: (row, _, { loaders }) => loaders.aspect(row.aspect),
    citations: (row, _, { loaders }) => loaders.citationsOf.load({ claim: row.id }),
  },
  Citation: {
    source: (row, _, { loaders }) => loaders.source(row.sourceId),
    passage: (row, _, { loaders }) => (row.passage !== undefined ? row.passage : loaders.passageOf.load(`${row.sourceId}\n${row.locator}`)),
  },
  Passage: {
    source: (row, _, { loaders }) => loaders.source(row.sourceId),
  },
};
