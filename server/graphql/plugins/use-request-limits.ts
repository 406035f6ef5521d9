/**
 * The limits every GraphQL request meets before and while it runs (figures in
 * server/http/limits.ts): a parse error never quotes the body; variables nested
 * too deeply are refused; a query whose estimated cost (lists counted at their
 * expected length) is over the limit is refused before it runs; mutations are
 * rate-limited per learner and per address; a big body is accepted only for
 * `importProgress`; and execution stops at the time budget.
 */
import { createHash } from "node:crypto";
import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { createGraphQLError, type Plugin, type YogaInitialContext } from "graphql-yoga";
import type { GraphVersion } from "../../graph-version.ts";
import type { RequestFacts } from "../../http/create-server.ts";
import { LIMITS } from "../../http/limits.ts";
import type { Db } from "../../db/connect.ts";
import { valueBudgets } from "./resolved-values.ts";
import { DEFAULT_STATS, estimateCost, loadGraphStats, type GraphStats } from "./query-cost.ts";
import type { RateLimiter } from "./rate-limit.ts";

/** How big a response each request may have (export of a big learner may be big). */
export const responseLimits = new WeakMap<Request, number>();

function refused(message: string, code: string, status: number, headers?: Record<string, string>) {
  return createGraphQLError(message, { extensions: { code, http: { status, ...(headers ? { headers } : {}) } } });
}

/** What a request past its time budget is told (also by the concept answers ahead of yoga, compiled-answers.ts). */
export function overTimeMessage(budgetMs: number): string {
  return `The request took longer than ${budgetMs / 1000} s and was stopped; ask for less.`;
}

/** Nesting depth of a JSON value, without recursion (a 100,000-deep value must not overflow the stack). */
export function jsonDepth(value: unknown, limit: number): number {
  const stack: [unknown, number][] = [[value, 1]];
  let deepest = 0;
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

function onlyFields(operation: OperationDefinitionNode, names: string[]): boolean {
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (names.includes(s.name.value) || s.name.value === "__typename"));
}

/**
 * The seat token of a mutation that only answers in a live room, else undefined. A class behind one
 * school address answers together (200 players, one answer each per question, a question every half
 * minute): those answers are counted per seat, not against the address's shared limit.
 */
function roomSeatToken(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string | undefined {
  if (!onlyFields(operation, ["answerRoomQuestion"])) return undefined;
  let token: string | undefined;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== "answerRoomQuestion") continue;
    const value = selection.arguments?.find((a) => a.name.value === "token")?.value;
    const given = value?.kind === Kind.VARIABLE ? variables?.[value.name.value] : value?.kind === Kind.STRING ? value.value : undefined;
    // Several answers in one request with different seats: counted against the address after all.
    if (typeof given !== "string" || (token !== undefined && token !== given)) return undefined;
    token = given;
  }
  return token;
}

export interface RequestLimitOptions {
  db: Db;
  graphVersion: GraphVersion;
  rateLimiter: RateLimiter;
}

/**
 * Estimates are remembered per parsed document (yoga's parse cache hands back the same
 * DocumentNode for the same text), per statistics and per values of the operation's own
 * variables (not others a request may carry): a page asked again and again is estimated once.
 */
const estimates = new WeakMap<DocumentNode, { stats: GraphStats; costs: Map<string, number> }>();
const ESTIMATES_PER_DOCUMENT = 256;

function costOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, stats: GraphStats): number {
  let memo = estimates.get(document);
  if (!memo || memo.stats !== stats) estimates.set(document, (memo = { stats, costs: new Map() }));
  const own = operation.variableDefinitions?.map((definition) => variables?.[definition.variable.name.value]) ?? [];
  // A missing value (the default applies) is told from null.
  const key = `${operation.name?.value ?? ""}\n${JSON.stringify(own, (_, value: unknown) => (value === undefined ? "\u0000missing" : value))}`;
  let cost = memo.costs.get(key);
  if (cost === undefined) {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    cost = Math.round(estimateCost(schema, operation, fragments, variables, stats));
    if (memo.costs.size >= ESTIMATES_PER_DOCUMENT) memo.costs.clear();
    memo.costs.set(key, cost);
  }
  return cost;
}

export function useRequestLimits(options: RequestLimitOptions): Plugin<YogaInitialContext & { facts?: RequestFacts }> {
  // Graph statistics for the cost model, read once per graph version (in the background: a
  // request never waits for them; until then the last known, or generous defaults, apply).
  let stats: GraphStats = DEFAULT_STATS;
  let statsVersion: string | null = null;
  let loading = false;
  const currentStats = (): GraphStats => {
    const version = options.graphVersion.current();
    if (statsVersion !== version && !loading) {
      loading = true;
      loadGraphStats(options.db).then(
        (loaded) => {
          stats = loaded;
          statsVersion = version;
          loading = false;
        },
        () => {
          loading = false; // retried by the next request
        },
      );
    }
    return stats;
  };

  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        let params;
        try {
          params = await requestParser(request);
        } catch (error) {
          // yoga attaches the JSON parser's message as `originalError`, and it quotes the body.
          const e = error as { message?: string; extensions?: Record<string, unknown> };
          if (e?.extensions?.originalError) {
            // A 400 whatever the client accepts (yoga's `spec` flag would answer application/json with 200).
            throw createGraphQLError(e.message ?? "Bad request.", { extensions: { code: e.extensions.code ?? "BAD_REQUEST", http: { status: 400 } } });
          }
          throw error;
        }
        for (const one of Array.isArray(params) ? params : [params]) {
          if (jsonDepth((one as { variables?: unknown } | undefined)?.variables, LIMITS.variablesDepth) > LIMITS.variablesDepth) {
            throw refused(`Variables may be nested ${LIMITS.variablesDepth} levels deep at most.`, "BAD_REQUEST", 400);
          }
        }
        return params;
      });
    },

    async onExecute({ args }) {
      const context = args.contextValue as YogaInitialContext & { facts?: RequestFacts };
      const request = context.request;
      const facts = context.facts;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;

      if (facts && facts.bodyBytes > LIMITS.bodyBytes && !(operation.operation === "mutation" && onlyFields(operation, ["importProgress"]))) {
        throw refused(`The request body is over the ${LIMITS.bodyBytes / 1024} KiB limit (only importProgress may send more).`, "PAYLOAD_TOO_LARGE", 413);
      }

      if (operation.operation === "mutation") {
        const address = facts?.address ?? "unknown";
        const token = /^Bearer\s+(\S+)/i.exec(request.headers.get("authorization") ?? "")?.[1];
        const tooMany = (wait: number, what: string) =>
          refused(`Too many ${what}; try again in ${wait} s.`, "RATE_LIMITED", 429, { "retry-after": String(wait) });
        const starts = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value === "startLearner").length;
        for (let i = 0; i < starts; i++) {
          const wait = await options.rateLimiter.hit(`start:${address}`, LIMITS.startLearnerPerHour, 3_600_000);
          if (wait) throw tooMany(wait, "new learners from this address");
        }
        const hashed = (secret: string) => createHash("sha256").update(secret).digest("base64url").slice(0, 22);
        const seat = roomSeatToken(operation, args.variableValues ?? undefined);
        if (seat) {
          const wait = await options.rateLimiter.hit(`seat:${hashed(seat)}`, LIMITS.mutationsPerLearnerPerMinute, 60_000);
          if (wait) throw tooMany(wait, "answers from this seat");
        } else {
          let wait = await options.rateLimiter.hit(`address:${address}`, LIMITS.mutationsPerAddressPerMinute, 60_000);
          if (wait) throw tooMany(wait, "changes from this address");
          if (token) {
            wait = await options.rateLimiter.hit(`learner:${hashed(token)}`, LIMITS.mutationsPerLearnerPerMinute, 60_000);
            if (wait) throw tooMany(wait, "changes for this learner");
          }
        }
      }

      const cost = costOf(args.schema, args.document, operation, args.variableValues ?? undefined, currentStats());
      // Estimated with the graph version's own statistics, not the defaults or an earlier version's
      // while they load: only then may the same text be answered ahead of yoga (compiled-answers.ts).
      if (facts) facts.costedOnCurrentStats = statsVersion === options.graphVersion.current();
      if (cost > LIMITS.queryCost) {
        throw refused(
          `This query would resolve about ${cost > 1e9 ? "a billion" : cost.toLocaleString("en")} values, over the limit of ${LIMITS.queryCost.toLocaleString("en")}: ask for fewer items (first, count, depth) or nest fewer lists.`,
          "QUERY_TOO_COSTLY",
          400,
        );
      }

      responseLimits.set(request, operation.operation === "query" && onlyFields(operation, ["exportProgress"]) ? LIMITS.importBodyBytes : LIMITS.responseBytes);

      // Values resolved, counted as the query runs (resolved-values.ts): past the limit no list resolves
      // any more, and the result is replaced below.
      const values = { left: LIMITS.queryCost };
      valueBudgets.set(args.contextValue, values);

      // The time budget: the executor checks the signal between fields and stops with this error; the loaders
      // then send no more statements.
      const controller = (args.contextValue as { stopper?: AbortController }).stopper ?? new AbortController();
      const budget = operation.operation === "mutation" && onlyFields(operation, ["importProgress"]) ? LIMITS.importRequestMs : LIMITS.requestMs;
      const timer = setTimeout(
        () => controller.abort(refused(overTimeMessage(budget), "TIMEOUT", 503)),
        budget,
      );
      (args as { signal?: AbortSignal }).signal = controller.signal;
      return {
        onExecuteDone: ({ setResult }) => {
          clearTimeout(timer);
          if (values.left >= 0) return;
          setResult({
            errors: [
              refused(
                `This query resolved more than ${LIMITS.queryCost.toLocaleString("en")} values (it reaches concepts with more relations than most) and was stopped: ask for fewer items (first, count, depth) or nest fewer lists.`,
                "QUERY_TOO_COSTLY",
                400,
              ),
            ],
          });
        },
      };
    },
  };
}
