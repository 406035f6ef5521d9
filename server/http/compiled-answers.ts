/**
 * Concept queries answered ahead of yoga, by the SQL statement concept-sql.ts compiles them into.
 *
 * Why: on an uncached concept page, yoga's pipeline (the request and response objects, parameter
 * parsing, envelop's hooks, the context) cost the server about 0.3 ms of CPU, more than everything
 * else the page needs; answered here, the page took 0.2–0.3 ms instead of 0.5–0.75 ms
 * (docs/benchmarks.md).
 *
 * What keeps the answers the same: a query text is answered here only after yoga has answered that
 * very text (same operation name) from its compiled statement as JSON, without errors, on the same
 * graph version, with its cost estimated from that version's own statistics (`learn`). Yoga's parse,
 * validation, depth, alias, directive and token limits, its cost estimate and the cacheability of the
 * answer have then all been checked for that text: none of them depends on anything else the request
 * carries, since the compiled fields take no arguments. A text is learnt with the request's content
 * type and Accept header, which decide how yoga reads the body and answers it. What varies per request
 * is checked here as yoga's limits check it: the body's shape and size, how deeply the variables nest,
 * the slug variable (a string, which `String` and `String!` take as it is; other variables are
 * ignored, as GraphQL ignores variables an operation does not define), and the answer's size.
 * Anything else — another body, an empty operation name (yoga finds no operation by it), `extensions`
 * (a persisted operation), a body yoga would not read as JSON, a request from a browser page
 * (`Origin`: its CORS headers are yoga's to make), a statement that fails — goes to yoga as before,
 * which answers it as it always has. A statement still running when the request's time is up is
 * answered as yoga answers it then (TIMEOUT), rather than handed to yoga to run again.
 */
import { Kind, type OperationDefinitionNode, type TypeNode } from "graphql";
import type { RawQuery } from "../db/connect.ts";
import { hasNul } from "../graphql/bad-input.ts";
import type { ConceptPlan } from "../graphql/concept/concept-sql.ts";
import { jsonDepth } from "../graphql/plugins/use-request-limits.ts";
import { LIMITS } from "./limits.ts";

/** What the compiled-concept plugin tells the HTTP server it answered a request with. */
export interface CompiledConcept {
  operation: OperationDefinitionNode;
  plan: ConceptPlan;
}

interface Learnt {
  plan: ConceptPlan;
  /** The variable the slug comes from; null when the query writes the slug itself. */
  slugVariable: string | null;
  /** yoga's answer headers, but those made for each request (see PER_REQUEST_HEADERS). */
  headers: Record<string, string>;
}

/** How many query texts are remembered per graph version: the app sends one; API clients a few. */
const MOST_LEARNT = 256;

/** A JSON body as yoga's POST parser reads it, when it holds nothing but these fields. */
interface PlainBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

const BODY_FIELDS = new Set(["query", "variables", "operationName"]);

/** The media types yoga reads a POST body as JSON for (its isPOSTJsonRequest). */
const JSON_BODIES = new Set(["application/json", "application/graphql+json"]);

function plainBody(sent: SentAs, body: Buffer): PlainBody | null {
  if (body.length > LIMITS.bodyBytes || !JSON_BODIES.has(sent.contentType.split(";")[0]?.trim().toLowerCase() ?? "")) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const fields = parsed as Record<string, unknown>;
  if (Object.keys(fields).some((name) => !BODY_FIELDS.has(name)) || typeof fields.query !== "string") return null;
  const { variables, operationName } = fields;
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) return null;
  if (operationName !== undefined && operationName !== null && (typeof operationName !== "string" || operationName === "")) return null;
  if (jsonDepth(variables, LIMITS.variablesDepth) > LIMITS.variablesDepth) return null;
  return parsed as PlainBody;
}

/** How a request was sent, besides its body: yoga reads and answers by these. */
export interface SentAs {
  contentType: string;
  accept: string;
}

const keyOf = (sent: SentAs, body: PlainBody) => `${sent.contentType}\0${sent.accept}\0${body.operationName ?? ""}\0${body.query}`;

/** Whether a variable of this type takes a JSON string as it is: `String` or `String!`. */
function takesString(type: TypeNode): boolean {
  const named = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return named.kind === Kind.NAMED_TYPE && named.name.value === "String";
}

export interface CompiledAnswers {
  /** After yoga answered this POST body from its compiled statement, without errors. */
  learn(version: string, sent: SentAs, body: Buffer, compiled: CompiledConcept, headers: Record<string, string>): void;
  /**
   * The answer to a POST body whose query was learnt on this version, sent the same way; null when yoga is
   * to answer it; "over time" when the statement outlasted the request's time budget.
   */
  answer(version: string, sent: SentAs, body: Buffer): Promise<{ headers: Record<string, string>; body: Buffer } | "over time" | null>;
}

export function createCompiledAnswers(query: RawQuery, budgetMs: number = LIMITS.requestMs): CompiledAnswers {
  let learntOn = "";
  const learnt = new Map<string, Learnt>();
  const forVersion = (version: string) => {
    if (version !== learntOn) {
      learnt.clear();
      learntOn = version;
    }
    return learnt;
  };
  return {
    learn(version, sent, body, { operation, plan }, headers) {
      const parsed = plainBody(sent, body);
      if (!parsed) return;
      let slugVariable: string | null = null;
      if ("variable" in plan.slug) {
        const name = plan.slug.variable;
        const definitions = operation.variableDefinitions ?? [];
        const definition = definitions.find((d) => d.variable.name.value === name);
        // Only the slug's own variable, of a type that takes a string as it is, and no default to apply.
        if (definitions.length !== 1 || !definition || !takesString(definition.type) || definition.defaultValue) return;
        slugVariable = name;
      } else if (operation.variableDefinitions?.length) return;
      const known = forVersion(version);
      if (known.size >= MOST_LEARNT) known.clear();
      known.set(keyOf(sent, parsed), { plan, slugVariable, headers });
    },
    async answer(version, sent, body) {
      if (version !== learntOn || learnt.size === 0) return null;
      const parsed = plainBody(sent, body);
      const entry = parsed && learnt.get(keyOf(sent, parsed));
      if (!parsed || !entry) return null;
      const { plan } = entry;
      const slug = entry.slugVariable === null ? ("literal" in plan.slug ? plan.slug.literal : null) : parsed.variables?.[entry.slugVariable];
      if (typeof slug !== "string" || hasNul(slug)) return null;
      let timer: NodeJS.Timeout | undefined;
      try {
        const rows = await Promise.race([
          query(plan.text, [slug]),
          new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), budgetMs))),
        ]);
        if (!rows) return "over time";
        const value = rows[0]?.v;
        const text = Buffer.from(plan.render(typeof value === "string" ? value : null));
        return text.length > LIMITS.responseBytes ? null : { headers: { ...entry.headers }, body: text };
      } catch {
        return null;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
