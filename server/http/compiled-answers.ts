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
 * graph version, with its cost estimated from that version's own statistics (`learn`). The web app's
 * reads come by GET as persisted operations (a hash in `extensions`, see use-persisted-documents.ts):
 * those are learnt by their hash, which names one document, and otherwise the same way. A text is learnt
 * only when the operation yoga ran is the one the request names as read here (its document's text and
 * operation name), so a request yoga reads otherwise teaches nothing. Yoga's parse,
 * validation, depth, alias, directive and token limits, its cost estimate and the cacheability of the
 * answer have then all been checked for that text: none of them depends on anything else the request
 * carries, since the compiled fields take no arguments. A text is learnt with the request's content
 * type and Accept header, which decide how yoga reads the body and answers it. What varies per request
 * is checked here as yoga's limits check it: the body's shape and size, how deeply the variables nest,
 * the slug variable (a string, which `String` and `String!` take as it is; other variables are
 * ignored, as GraphQL ignores variables an operation does not define), and the answer's size.
 * Anything else — another body, an empty operation name (yoga finds no operation by it), `extensions`
 * in a POST or anything but a persisted operation's in a GET, a `query` in a GET, a parameter given
 * twice, a body yoga would not read as JSON, a request carrying `Origin` (a browser page's on another
 * site, or a page's POST: its CORS headers are yoga's to make), a statement that fails — goes to yoga as before,
 * which answers it as it always has. A statement still running when the request's time is up is
 * answered as yoga answers it then (TIMEOUT), rather than handed to yoga to run again.
 */
import { Kind, type OperationDefinitionNode, type TypeNode } from "graphql";
import type { RawQuery } from "../db/connect.ts";
import { hasNul } from "../graphql/bad-input.ts";
import type { ConceptPlan } from "../graphql/concept/concept-sql.ts";
import { PERSISTED_DOCUMENTS, persistedDocumentId } from "../graphql/persisted-documents.ts";
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

/** How a request was sent, besides its body: yoga reads and answers by these. */
export interface SentAs {
  contentType: string;
  accept: string;
}

/** What a request carries: a POST's body, or a GET's query string (`?…`). */
export type Carried = { method: "POST"; body: Buffer } | { method: "GET"; search: string };

/**
 * A request reduced to what decides yoga's answer (`key`: how it was sent, the operation name, the
 * document), the document's text as the request names it (null for a hash naming none), and its variables.
 */
interface Plain {
  key: string;
  document: string | null;
  operationName: string | null;
  variables: Record<string, unknown> | null | undefined;
}

/** Variables as yoga takes them (an object, or none), no deeper than its limit; undefined when they are not. */
function plainVariables(variables: unknown): Plain["variables"] | false {
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables))) return false;
  if (jsonDepth(variables, LIMITS.variablesDepth) > LIMITS.variablesDepth) return false;
  return variables as Plain["variables"];
}

const BODY_FIELDS = new Set(["query", "variables", "operationName"]);

/** The media types yoga reads a POST body as JSON for (its isPOSTJsonRequest). */
const JSON_BODIES = new Set(["application/json", "application/graphql+json"]);

/** A JSON body as yoga's POST parser reads it, when it holds nothing but a query, variables and an operation name. */
function plainBody(sent: SentAs, body: Buffer): Plain | null {
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
  const { operationName } = fields;
  if (operationName !== undefined && operationName !== null && (typeof operationName !== "string" || operationName === "")) return null;
  const variables = plainVariables(fields.variables);
  if (variables === false) return null;
  return { key: `POST\0${sent.contentType}\0${sent.accept}\0${operationName ?? ""}\0${fields.query}`, document: fields.query, operationName: (operationName as string | null | undefined) ?? null, variables };
}

const GET_PARAMETERS = new Set(["extensions", "variables", "operationName"]);

/** The hash of `extensions` that is a persisted operation's and nothing else: `{"persistedQuery":{"version":1,"sha256Hash":…}}`. */
function persistedHash(extensions: unknown): string | null {
  if (typeof extensions !== "object" || extensions === null || Object.keys(extensions).join() !== "persistedQuery") return null;
  const persisted: unknown = (extensions as { persistedQuery: unknown }).persistedQuery;
  if (typeof persisted !== "object" || persisted === null || Object.keys(persisted).sort().join() !== "sha256Hash,version") return null;
  const { version, sha256Hash } = persisted as { version: unknown; sha256Hash: unknown };
  return version === 1 && typeof sha256Hash === "string" && sha256Hash !== "" ? sha256Hash : null;
}

/**
 * A GET's query string as yoga's GET parser reads it, when it is a persisted operation's: `extensions` with
 * its hash and nothing else, and at most `variables` and a non-empty `operationName` beside it, each once.
 */
function plainSearch(sent: SentAs, search: string, documentOf: (hash: string) => string | undefined): Plain | null {
  const parameters = new URLSearchParams(search);
  const names = [...parameters.keys()];
  if (names.some((name) => !GET_PARAMETERS.has(name)) || new Set(names).size !== names.length) return null;
  const operationName = parameters.get("operationName");
  if (operationName === "") return null;
  let extensions: unknown;
  let variables: unknown;
  try {
    extensions = JSON.parse(parameters.get("extensions") ?? "");
    const sentVariables = parameters.get("variables");
    variables = sentVariables === null ? undefined : JSON.parse(sentVariables);
  } catch {
    return null;
  }
  const hash = persistedHash(extensions);
  const plain = plainVariables(variables);
  if (hash === null || plain === false) return null;
  return { key: `GET\0${sent.accept}\0${operationName ?? ""}\0${hash}`, document: documentOf(hash) ?? null, operationName, variables: plain };
}

/** Whether a variable of this type takes a JSON string as it is: `String` or `String!`. */
function takesString(type: TypeNode): boolean {
  const named = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return named.kind === Kind.NAMED_TYPE && named.name.value === "String";
}

export interface CompiledAnswers {
  /** After yoga answered this request from its compiled statement, without errors. */
  learn(version: string, sent: SentAs, carried: Carried, compiled: CompiledConcept, headers: Record<string, string>): void;
  /**
   * The answer to a request whose query was learnt on this version, sent the same way; null when yoga is
   * to answer it; "over time" when the statement outlasted the request's time budget.
   */
  answer(version: string, sent: SentAs, carried: Carried): Promise<{ headers: Record<string, string>; body: Buffer } | "over time" | null>;
}

/** The persisted document a hash names, as the persisted-operations plugin finds it (use-persisted-documents.ts). */
const persistedDocument = (hash: string) => PERSISTED_DOCUMENTS.get(persistedDocumentId(hash));

export function createCompiledAnswers(query: RawQuery, budgetMs: number = LIMITS.requestMs, documentOf = persistedDocument): CompiledAnswers {
  const plainRequest = (sent: SentAs, carried: Carried): Plain | null =>
    carried.method === "POST" ? plainBody(sent, carried.body) : plainSearch(sent, carried.search, documentOf);
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
    learn(version, sent, carried, { operation, plan }, headers) {
      const parsed = plainRequest(sent, carried);
      // Only what yoga ran is what the request names as we read it: the same document text and operation
      // (a request target read two ways, say, must not teach one query under another's key).
      if (!parsed || parsed.document === null || operation.loc?.source.body !== parsed.document) return;
      if (parsed.operationName !== null && operation.name?.value !== parsed.operationName) return;
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
      // The least recently answered goes first, so that a text answered often (the app's) stays while
      // requests varying their Accept header come and go.
      if (known.size >= MOST_LEARNT) known.delete(known.keys().next().value as string);
      known.set(parsed.key, { plan, slugVariable, headers });
    },
    async answer(version, sent, carried) {
      if (version !== learntOn || learnt.size === 0) return null;
      const parsed = plainRequest(sent, carried);
      const entry = parsed && learnt.get(parsed.key);
      if (!parsed || !entry) return null;
      learnt.delete(parsed.key);
      learnt.set(parsed.key, entry);
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
