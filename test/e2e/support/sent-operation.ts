/**
 * What GraphQL operation a page's request sends, whichever way the app sent it: a POST with its
 * document, or a persisted read by GET, whose hash is looked up in the documents codegen persisted
 * (the server's own map), so tests can pick requests out by the operation's text either way.
 */
import type { Request } from "playwright-core";
import { PERSISTED_DOCUMENTS } from "../../../server/graphql/persisted-documents.ts";

/**
 * Matches the API's requests, with or without a query string, for page.route and page.unroute
 * (the same function for both). A glob with stars after "graphql" would also catch the app's
 * own graphql-….js chunk, and one without misses every read (they carry a query string).
 */
export const API_REQUESTS = (url: URL): boolean => url.pathname === "/graphql";

export interface SentOperation {
  document: string;
  variables: unknown;
}

export function sentOperation(request: Request): SentOperation | null {
  const url = new URL(request.url());
  if (url.pathname !== "/graphql") return null;
  if (request.method() === "GET") {
    const extensions = parsed(url.searchParams.get("extensions")) as { persistedQuery?: { sha256Hash?: string } } | null;
    const hash = extensions?.persistedQuery?.sha256Hash;
    const document = (hash ? PERSISTED_DOCUMENTS.get(hash) : undefined) ?? url.searchParams.get("query");
    return document ? { document, variables: parsed(url.searchParams.get("variables")) ?? {} } : null;
  }
  const body = parsed(request.postData()) as { query?: string; variables?: unknown } | null;
  return body?.query ? { document: body.query, variables: body.variables ?? {} } : null;
}

function parsed(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
