/**
 * A query's cost, estimated before it runs: how many values it would resolve,
 * with every list counted at its expected length. graphql-armor's cost limit
 * counts a list as one item, so `neighborhood { nodes { relations { target {
 * relations … } } } }` looked cheap while it resolved millions of values.
 *
 * A list's expected length comes from its arguments when it has one (`first`,
 * `count`, `size`, `slugs`, a neighbourhood's `depth`) and otherwise from the
 * graph as it is: relations per concept and claims per concept at the 90th
 * percentile, the size of a neighbourhood from the fan-out, the vocabularies'
 * real sizes. Statistics are read once per graph version.
 */
import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { getArgumentValues } from "graphql/execution/values.js";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/connect.ts";
import { queryRows } from "../../db/query-rows.ts";

export interface GraphStats {
  concepts: number;
  relations: number;
  /** Relations (either direction) of a concept, 90th percentile. */
  relationsPerConcept: number;
  claimsPerConcept: number;
  /** Sizes of the small lists: kinds, relation types, aspects, sources. */
  vocabulary: number;
}

/** Used until the statistics are read (and if they cannot be): generous for the seeded graph. */
export const DEFAULT_STATS: GraphStats = { concepts: 500, relations: 2000, relationsPerConcept: 12, claimsPerConcept: 10, vocabulary: 50 };

/**
 * How many concepts the per-concept percentiles are read from at most: every one on a graph of that size or
 * less (the seeds have 84), a random sample beyond. Counting every concept's relations on a graph of a million
 * took about 7 s of three PostgreSQL processes, after every start and re-seed; with this sample the whole
 * read takes about 1.4 s, most of it counting the tables.
 */
const STATS_SAMPLE = 5000;

export async function loadGraphStats(db: Db): Promise<GraphStats> {
  // One statement, sent at once by the request that starts the read: the read runs in the background, and a
  // second statement would go out during whatever request came next. The sample is a percentage of the
  // table's pages, taken whole at random (system: only those pages are read); all of them up to its size.
  const [row] = await queryRows<Record<string, string | number | null>>(
    db,
    sql`
      with size as (select count(*) as concepts from concepts),
      sampled as (
        select (select count(*) from relations where source_id = c.id) + (select count(*) from relations where target_id = c.id) as relations,
               (select count(*) from claims where concept_id = c.id) as claims
        from concepts c tablesample system ((select least(100, ${sql.raw(String(STATS_SAMPLE))} * 100.0 / greatest(concepts, 1)) from size)::real)
      )
      select
        (select concepts from size) as concepts,
        (select count(*) from relations) as relations,
        (select coalesce(percentile_disc(0.9) within group (order by relations), 0) from sampled where relations > 0) as relations_per_concept,
        (select coalesce(percentile_disc(0.9) within group (order by claims), 0) from sampled where claims > 0) as claims_per_concept,
        greatest((select count(*) from kinds), (select count(*) from relation_types), (select count(*) from aspects), (select count(*) from sources)) as vocabulary`,
  );
  const number = (key: string, min: number) => Math.max(min, Number(row?.[key] ?? 0));
  return {
    concepts: number("concepts", 1),
    relations: number("relations", 1),
    relationsPerConcept: number("relations_per_concept", 1),
    claimsPerConcept: number("claims_per_concept", 1),
    vocabulary: number("vocabulary", 1),
  };
}

/** Expected lengths of lists that have no argument saying how long they are. */
const DEFAULT_LIST_LENGTH = 10;
const CITATIONS = 3;
const SMALL_LIST = 5;
/**
 * What generating one quiz question costs beyond the values it returns, in values: a question is
 * drawn from the whole graph's candidates and checked against every rule (about 0.8 ms of CPU, where
 * a value of a concept page costs about 0.01 ms), so 15 aliases of a 50-question quiz are refused.
 */
const QUESTION_WORK = 50;
/** Arguments that bound a list's length. */
const LENGTH_ARGUMENTS = ["first", "count", "size", "limit"];

interface Estimate {
  nodes: number;
  edges: number;
}

export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  stats: GraphStats,
): number {
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  return selectionCost(root, operation.selectionSet, null, new Set());

  function selectionCost(type: GraphQLCompositeType, selectionSet: SelectionSetNode, subgraph: Estimate | null, visiting: Set<string>): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(type, selection, subgraph, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) total += selectionCost(on, selection.selectionSet, subgraph, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || visiting.has(name)) continue;
        const on = schema.getType(fragment.typeCondition.name.value);
        if (!on || !isCompositeType(on)) continue;
        visiting.add(name);
        total += selectionCost(on, fragment.selectionSet, subgraph, visiting);
        visiting.delete(name);
      }
      if (!Number.isFinite(total) || total > 1e12) return 1e12;
    }
    return total;
  }

  function fieldCost(parent: GraphQLCompositeType, node: FieldNode, subgraph: Estimate | null, visiting: Set<string>): number {
    const name = node.name.value;
    if (name.startsWith("__")) return 0;
    const field = "getFields" in parent ? (parent as GraphQLObjectType).getFields()[name] : undefined;
    if (!field) return 1;
    const args = argumentsOf(field, node);
    const named = getNamedType(field.type);
    let childSubgraph = subgraph;
    if (name === "neighborhood") childSubgraph = neighbourhood(Number(args.depth ?? 1));
    // A Relay connection's edges are as many as its `first` asks for.
    else if (named.name.endsWith("Connection")) {
      const first = typeof args.first === "number" ? args.first : DEFAULT_LIST_LENGTH;
      childSubgraph = { nodes: first, edges: first };
    }
    // A quiz generates `count` questions (testYourself, one) whether or not they are selected.
    let work = 0;
    if (named.name === "Quiz") {
      const count = typeof args.count === "number" ? Math.max(0, args.count) : 1;
      childSubgraph = { nodes: count, edges: count };
      work = count * QUESTION_WORK;
    }
    const length = isList(field) ? listLength(parent.name, name, args, subgraph) : 1;
    const child = node.selectionSet && isCompositeType(named) ? selectionCost(named, node.selectionSet, childSubgraph, visiting) : 0;
    return length * (1 + child + work);
  }

  function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    try {
      return getArgumentValues(field, node, variables ?? {});
    } catch {
      return {};
    }
  }

  function neighbourhood(depth: number): Estimate {
    const d = Math.max(1, Math.min(6, Math.floor(depth) || 1));
    const nodes = Math.min(stats.concepts, 1 + stats.relationsPerConcept ** d);
    const edges = Math.min(stats.relations, nodes * stats.relationsPerConcept);
    return { nodes, edges };
  }

  function listLength(parent: string, name: string, args: Record<string, unknown>, subgraph: Estimate | null): number {
    for (const key of LENGTH_ARGUMENTS) {
      const value = args[key];
      if (typeof value === "number" && Number.isFinite(value)) return Math.max(0, value);
    }
    for (const value of Object.values(args)) if (Array.isArray(value)) return value.length;
    if ((parent === "Subgraph" || parent.endsWith("Connection")) && subgraph) return name === "edges" ? subgraph.edges : subgraph.nodes;
    if (parent === "Quiz" && name === "questions" && subgraph) return subgraph.nodes;
    if (name === "relations") return stats.relationsPerConcept;
    if (name === "path") return Number(args.maxDepth ?? 4);
    if (name === "claims" || name === "a" || name === "b") return stats.claimsPerConcept;
    if (name === "citations" || name === "chosenCitations") return CITATIONS;
    if (parent === "Query" && ["kinds", "relationTypes", "aspects", "sources", "decks"].includes(name)) return stats.vocabulary;
    if (name === "aliases" || name === "choices" || name === "diff") return SMALL_LIST;
    return DEFAULT_LIST_LENGTH;
  }
}

// Structural checks rather than graphql's instanceof helpers: the schema may come from another
// copy of graphql (ESM and CJS side by side).
function isList(field: GraphQLField<unknown, unknown>): boolean {
  return String(field.type).replace(/!$/, "").startsWith("[");
}

function getNamedType(type: GraphQLType): GraphQLNamedType {
  let current: GraphQLType = type;
  while ("ofType" in current && current.ofType) current = current.ofType as GraphQLType;
  return current as GraphQLNamedType;
}

function isCompositeType(type: unknown): type is GraphQLCompositeType {
  return typeof type === "object" && type !== null && ("getFields" in type || "getTypes" in type);
}
