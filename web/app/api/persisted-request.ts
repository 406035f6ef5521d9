/**
 * How the app sends one operation. Reads go as persisted operations, by the hash `npm run codegen`
 * gave their document, over GET (`/graphql?extensions={"persistedQuery":…}&variables=…`): a short,
 * stable URL that browsers and CDNs may cache when the server says the answer is public. Mutations
 * go by POST with their document, as always.
 *
 * - A learner's reads carry the learner's token in a header, never in the URL; the server answers
 *   them `no-store`. Public reads go without it, so every visitor shares one cached answer.
 * - A read whose variables hold a secret (a live room's `token`) goes by POST: a URL ends up in
 *   histories, proxy and CDN logs.
 * - A server from another build may not know a hash (during a deploy): it answers
 *   PersistedQueryNotFound and the read is sent again, by POST with its document.
 */
import type { TypedDocumentString } from "./generated/graphql.ts";

export const PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

/** The operation's kind: the keyword of the first definition that is not a fragment. */
export function operationKind(document: string): "query" | "mutation" | "subscription" {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < document.length; i++) {
    const char = document[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}") depth--;
    else if (depth === 0 && /[A-Za-z_]/.test(char ?? "")) {
      const word = /^[A-Za-z_]\w*/.exec(document.slice(i))?.[0] ?? "";
      if (word === "mutation" || word === "subscription") return word;
      if (word !== "fragment") return "query";
      // Skip the fragment's name and type condition up to its selection set.
      i += word.length - 1;
      while (i + 1 < document.length && document[i + 1] !== "{") i++;
    }
  }
  return "query";
}

/** The document's SHA-256 as codegen wrote it (`sha256:<hex>`), bare hex for Apollo's protocol. */
export function persistedHash<T, V>(document: TypedDocumentString<T, V>): string | undefined {
  const hash: unknown = document.__meta__?.["hash"];
  return typeof hash === "string" ? hash.replace(/^sha256:/, "") : undefined;
}

/** JSON with every object's keys sorted: the same variables always make the same URL (one cache entry). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** The GET URL of a persisted read. */
export function persistedReadUrl(hash: string, variables: object): string {
  const params = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) });
  const vars = canonicalJson(variables);
  if (vars !== "{}") params.set("variables", vars);
  return `/graphql?${params.toString()}`;
}

export interface OperationRequest {
  url: string;
  init: RequestInit;
  /** The same operation by POST with its document, for a server that does not know the hash. */
  fallback?: OperationRequest;
}

/**
 * The request for an operation. `token` is the learner's, for the operations that act for one;
 * reads without it go anonymous (public, cacheable).
 */
export function operationRequest<T, V>(document: TypedDocumentString<T, V>, variables: object, token: string | null): OperationRequest {
  const query = document.toString();
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const post: OperationRequest = {
    url: "/graphql",
    init: { method: "POST", headers: { "content-type": "application/json", accept: "application/json", ...auth }, body: JSON.stringify({ query, variables }) },
  };
  const hash = persistedHash(document);
  if (!hash || operationKind(query) !== "query" || "token" in variables) return post;
  return { url: persistedReadUrl(hash, variables), init: { method: "GET", headers: { accept: "application/json", ...auth } }, fallback: post };
}
