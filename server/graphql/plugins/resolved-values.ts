/**
 * The cost limit, checked again while a query runs. The estimate (query-cost.ts) counts each
 * list at its expected length, the 90th percentile of the graph's fan-out; a query that walks
 * hubs (the concepts with the most relations, whose neighbours are hubs too) can resolve many
 * times what it was estimated at. Every list field of the schema therefore counts, as it
 * resolves, its items times the values each item selects (lists inside count themselves when
 * they resolve). Once the count passes the limit, every list still to resolve is empty and runs
 * nothing, so the query ends within a few steps, and useRequestLimits replaces its result with
 * the error: no request inside the limits builds a response of hundreds of megabytes before the
 * size limit sees it. (Aborting the executor instead made it raise an error, stack and all, in
 * every field still pending: 150-250 ms of CPU after the stop.)
 */
import { defaultFieldResolver, Kind, type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLResolveInfo, type GraphQLSchema, type GraphQLType, type SelectionSetNode } from "graphql";

/** What one request may still resolve, and how to stop it. */
export interface ValueBudget {
  /** Values the request may still resolve; below zero, it has resolved too many and resolves no more lists. */
  left: number;
}

/** The budget of each running request, by its context object (set by useRequestLimits). */
export const valueBudgets = new WeakMap<object, ValueBudget>();

/** Values one item of a list field's selection resolves, by the field's node (documents are parsed once and cached). */
const perItemByNode = new WeakMap<FieldNode, number>();

function namedType(type: GraphQLType): GraphQLNamedType {
  let current: GraphQLType = type;
  while ("ofType" in current && current.ofType) current = current.ofType as GraphQLType;
  return current as GraphQLNamedType;
}

function isListType(type: GraphQLType): boolean {
  return String(type).replace(/!$/, "").startsWith("[");
}

function fieldsOf(type: GraphQLNamedType): Record<string, GraphQLField<unknown, unknown>> | undefined {
  return "getFields" in type ? (type as { getFields: () => Record<string, GraphQLField<unknown, unknown>> }).getFields() : undefined;
}

/** Values a selection resolves on one object, not counting the items of lists inside it. */
function valuesOf(schema: GraphQLSchema, type: GraphQLNamedType, selectionSet: SelectionSetNode, info: GraphQLResolveInfo, visiting: Set<string>): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total += 1;
      const field = fieldsOf(type)?.[selection.name.value];
      if (!field || !selection.selectionSet || isListType(field.type)) continue;
      total += valuesOf(schema, namedType(field.type), selection.selectionSet, info, visiting);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
      if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && visiting.has(selection.name.value))) continue;
      const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      if (!on) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) visiting.add(selection.name.value);
      total += valuesOf(schema, on, fragment.selectionSet, info, visiting);
      if (selection.kind === Kind.FRAGMENT_SPREAD) visiting.delete(selection.name.value);
    }
  }
  return total;
}

function perItem(info: GraphQLResolveInfo): number {
  const node = info.fieldNodes[0];
  if (!node) return 1;
  let values = perItemByNode.get(node);
  if (values === undefined) {
    values = 1 + (node.selectionSet ? valuesOf(info.schema, namedType(info.returnType), node.selectionSet, info, new Set()) : 0);
    perItemByNode.set(node, values);
  }
  return values;
}

function charge(result: unknown, budget: ValueBudget | undefined, info: GraphQLResolveInfo): unknown {
  if (!budget || !Array.isArray(result)) return result;
  // Over already (lists under way when the count passed the limit): nothing more is completed.
  if (budget.left < 0) return [];
  budget.left -= result.length * perItem(info);
  return result;
}

/** Makes every list field of the schema count what it resolves against its request's budget. */
export function countResolvedValues(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    // Object types only (structurally: the schema may come from another copy of graphql); interfaces'
    // and input types' fields never resolve.
    if (type.name.startsWith("__") || !("isTypeOf" in type)) continue;
    const fields = fieldsOf(type);
    if (!fields) continue;
    for (const field of Object.values(fields)) {
      if (!isListType(field.type)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = typeof context === "object" && context !== null ? valueBudgets.get(context) : undefined;
        if (budget && budget.left < 0) return [];
        const result: unknown = resolve(source, args, context, info);
        return result instanceof Promise ? result.then((value: unknown) => charge(value, budget, info)) : charge(result, budget, info);
      };
    }
  }
  return schema;
}
