/**
 * Runs a `concept(slug:)` query as the one SQL statement concept-sql.ts compiles it into, instead
 * of resolving it field by field. Runs after the limits (onExecute hooks run in plugin order and
 * this one only swaps the execute function), so cost, mutation and body checks still apply.
 *
 * The answer PostgreSQL builds is passed on as the very bytes it sent: the result's `stringify`
 * (which yoga's result processor prefers to JSON.stringify) hands it over, and `data` is parsed
 * only if some plugin reads it. If the statement fails for any reason, the ordinary executor runs
 * the query instead, so failures (a database outage: 503 UNAVAILABLE) reach the client exactly as
 * they always have, masked the same way.
 *
 * When it answered from the statement it says so in the request's facts, so that the HTTP server
 * may answer the same query text ahead of yoga next time (server/http/compiled-answers.ts).
 */
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { RawQuery } from "../../db/connect.ts";
import type { CompiledConcept } from "../../http/compiled-answers.ts";
import type { RequestFacts } from "../../http/create-server.ts";
import { hasNul } from "../bad-input.ts";
import { compileConceptQuery } from "../concept/concept-sql.ts";

/** A result that is already JSON. */
class SerializedResult implements ExecutionResult {
  private parsed: ExecutionResult["data"] | undefined;
  constructor(private readonly json: string) {}
  get data(): ExecutionResult["data"] {
    this.parsed ??= (JSON.parse(this.json) as { data: ExecutionResult["data"] }).data;
    return this.parsed;
  }
  /** Called by yoga in place of JSON.stringify. */
  stringify = (): string => this.json;
}

/** Rejects with the signal's reason once it aborts (the request's time budget). */
function untilAborted(signal: AbortSignal | undefined): Promise<never> | null {
  if (!signal) return null;
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true });
  });
}

export function useCompiledConcept(query: RawQuery): Plugin {
  // Per parsed document and operation name: its plan and operation (what the HTTP server is told), or null.
  const plans = new WeakMap<DocumentNode, Map<string, CompiledConcept | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | null | undefined): CompiledConcept | null => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map()));
    const name = operationName ?? "";
    let compiled = byName.get(name);
    if (compiled === undefined) {
      const plan = compileConceptQuery(document, operationName);
      const operation = getOperationAST(document, operationName);
      compiled = plan && operation ? { plan, operation } : null;
      byName.set(name, compiled);
    }
    return compiled;
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiled = compiledFor(args.document, args.operationName);
      if (!compiled) return;
      const { plan } = compiled;
      const slug = "literal" in plan.slug ? plan.slug.literal : (args.variableValues as Record<string, unknown> | null | undefined)?.[plan.slug.variable];
      // Anything but a plain string (a missing or mistyped variable, a NUL the database cannot
      // compare) goes the ordinary way, which answers it as it always has.
      if (typeof slug !== "string" || hasNul(slug)) return;
      setExecuteFn(async (executeArgs) => {
        const signal = (executeArgs as { signal?: AbortSignal }).signal;
        try {
          const statement = query(plan.text, [slug]);
          const aborted = untilAborted(signal);
          const rows = await (aborted ? Promise.race([statement, aborted]) : statement);
          const value = rows[0]?.v;
          const facts = (args.contextValue as { facts?: RequestFacts }).facts;
          if (facts) facts.compiled = compiled;
          return new SerializedResult(plan.render(typeof value === "string" ? value : null));
        } catch (error) {
          // Out of time: the budget's own error, as the executor would have answered.
          if (signal?.aborted && error === signal.reason) return { errors: [error as GraphQLError] };
          return executeFn(executeArgs);
        }
      });
    },
  };
}
