/**
 * Tells the HTTP server's response cache (server/http/response-cache.ts) which answers it may keep:
 * a query (never a mutation) that selects nothing random, personal or time-dependent, executed
 * without errors. The decision about the document is made once per parsed document (yoga's parse
 * cache hands back the same DocumentNode for the same text).
 */
import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { RequestFacts } from "../../http/create-server.ts";

/**
 * Fields whose answer may differ between two identical requests: quizzes and matching rounds
 * without a seed are random, a learner's data and schedules depend on who asks and when, and a
 * live room's view depends on the room token in its arguments and changes from second to second.
 */
export const UNCACHEABLE_COORDINATES: ReadonlySet<string> = new Set([
  "Query.quiz",
  "Query.matching",
  "Query.me",
  "Query.dueCards",
  "Query.progress",
  "Query.exportProgress",
  "Flashcard.progress",
  "Flashcard.intervals",
  "Query.studyNext",
  "Query.studyStreak",
  "Query.weakSpotsQuiz",
  "Query.room",
  "Query.roomResultsCsv",
]);

/** The named type under a field's list and non-null wrappers (read by shape: see below). */
function namedTypeName(type: unknown): string | undefined {
  let current = type as { ofType?: unknown; name?: string } | undefined;
  while (current?.ofType) current = current.ofType as { ofType?: unknown; name?: string };
  return current?.name;
}

/**
 * Whether an operation's answer is the same for everyone until the graph changes. Types are looked
 * up by name rather than with graphql's TypeInfo, whose instanceof checks fail when the schema was
 * built by another copy of graphql (the ESM and CommonJS builds, as test runners load them).
 */
export function isCacheableOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  const root = schema.getQueryType()?.name;
  if (operation?.operation !== "query" || !root) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const seen = new Set<string>();
  const stack: [SelectionSetNode, string][] = [[operation.selectionSet, root]];
  while (stack.length) {
    const [selectionSet, parent] = stack.pop() as [SelectionSetNode, string];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (UNCACHEABLE_COORDINATES.has(`${parent}.${selection.name.value}`)) return false;
        if (!selection.selectionSet) continue;
        const type = schema.getType(parent) as { getFields?: () => Record<string, { type: unknown }> } | undefined;
        const child = namedTypeName(type?.getFields?.()[selection.name.value]?.type);
        if (child) stack.push([selection.selectionSet, child]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        stack.push([selection.selectionSet, selection.typeCondition?.name.value ?? parent]);
      } else {
        const fragment = fragments.get(selection.name.value);
        const key = `${selection.name.value}@${parent}`;
        if (fragment && !seen.has(key)) {
          seen.add(key);
          stack.push([fragment.selectionSet, fragment.typeCondition.name.value]);
        }
      }
    }
  }
  return true;
}

export function useCacheableMarker(): Plugin<{ facts?: RequestFacts }> {
  const decided = new WeakMap<DocumentNode, Map<string, boolean>>();
  return {
    onExecute({ args }) {
      const facts = (args.contextValue as { facts?: RequestFacts }).facts;
      if (!facts) return;
      const name = args.operationName ?? "";
      let byName = decided.get(args.document);
      if (!byName) decided.set(args.document, (byName = new Map()));
      let cacheable = byName.get(name);
      if (cacheable === undefined) {
        cacheable = isCacheableOperation(args.schema, args.document, args.operationName);
        byName.set(name, cacheable);
      }
      if (!cacheable) return;
      return {
        onExecuteDone({ result }) {
          // A stream (defer/stream) or any error is never kept.
          if (!(Symbol.asyncIterator in result) && !result.errors?.length) facts.cacheable = true;
        },
      };
    },
  };
}
