/**
 * Persisted operations: the app's reads by hash over GET (web/app/api/persisted-request.ts builds
 * them, server/graphql/plugins/use-persisted-documents.ts answers them), cacheable by browsers and
 * CDNs when public and kept in the response cache, while arbitrary documents stay open and a
 * learner's reads stay private.
 */
import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { typeDefs } from "../../server/graphql/create-yoga.ts";
import { isCacheableOperation } from "../../server/graphql/plugins/use-cacheable-marker.ts";
import { PERSISTED_DOCUMENTS } from "../../server/graphql/persisted-documents.ts";
import { PUBLIC_READ_CACHE_CONTROL } from "../../server/http/graphql-cache-control.ts";
import {
  ConceptPageDocument,
  DecksDocument,
  HomeProgressDocument,
  KindsDocument,
  NeighborhoodDocument,
  RoomResultsCsvDocument,
  SearchHitsDocument,
  StartLearnerDocument,
  type TypedDocumentString,
} from "../../web/app/api/generated/graphql.ts";
import { operationKind, operationRequest, persistedHash, persistedReadUrl } from "../../web/app/api/persisted-request.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${api.server.url}${path}`, { headers: { accept: "application/json", ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer["body"] };
}

/** The GET the app sends for a read (the learner's token, when given, goes in a header). */
function persistedGet<T, V>(document: TypedDocumentString<T, V>, variables: object, token: string | null = null): Promise<Answer> {
  const request = operationRequest(document, variables, token);
  expect(request.init.method).toBe("GET");
  return get(request.url, (request.init.headers ?? {}) as Record<string, string>);
}

function hashOf<T, V>(document: TypedDocumentString<T, V>): string {
  const hash = persistedHash(document);
  if (!hash) throw new Error("codegen gave the document no hash");
  return hash;
}

describe("persisted operations", () => {
  it("loads every app operation codegen persisted, each under its document's SHA-256", async () => {
    const { createHash } = await import("node:crypto");
    expect(PERSISTED_DOCUMENTS.size).toBeGreaterThan(20);
    for (const [hash, document] of PERSISTED_DOCUMENTS) expect(createHash("sha256").update(document).digest("hex")).toBe(hash);
    expect(PERSISTED_DOCUMENTS.has(hashOf(ConceptPageDocument))).toBe(true);
  });

  it("answers a read by hash over GET with the same data as the POST of its document", async () => {
    const cases: [TypedDocumentString<unknown, never>, object][] = [
      [ConceptPageDocument as TypedDocumentString<unknown, never>, { slug: "docker" }],
      [KindsDocument as TypedDocumentString<unknown, never>, {}],
      [DecksDocument as TypedDocumentString<unknown, never>, {}],
      [SearchHitsDocument as TypedDocumentString<unknown, never>, { q: "virtualbx" }],
      [NeighborhoodDocument as TypedDocumentString<unknown, never>, { slug: "podman", depth: 2 }],
    ];
    for (const [document, variables] of cases) {
      const byHash = await persistedGet(document, variables);
      const posted = await api.server.graphql(document.toString(), variables as Record<string, unknown>);
      expect(byHash.status, document.toString().slice(0, 40)).toBe(200);
      expect(byHash.body.errors).toBeUndefined();
      expect(byHash.body.data).toEqual(posted.body.data);
    }
  });

  it("answers an unknown hash with a clear PersistedQueryNotFound error, never a stack", async () => {
    const answer = await get(persistedReadUrl("0".repeat(64), { slug: "docker" }));
    expect(answer.status).toBe(404);
    expect(answer.body.errors).toEqual([{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }]);
    expect(answer.text).not.toMatch(/stack|\.ts:|at [A-Za-z]/);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    // Neither a document nor a hash: says what to send.
    const empty = await get("/graphql?variables=%7B%7D");
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.[0]?.message).toMatch(/query.*persistedQuery\.sha256Hash/);
  });

  it("refuses a mutation by GET, persisted or not, and runs nothing", async () => {
    api.queries.length = 0;
    const byHash = await get(persistedReadUrl(hashOf(StartLearnerDocument), {}));
    expect(byHash.status).toBe(405);
    expect(byHash.body.errors?.[0]?.message).toMatch(/POST/);
    const arbitrary = await get(`/graphql?query=${encodeURIComponent("mutation { startLearner { token } }")}`);
    expect(arbitrary.status).toBe(405);
    expect(api.queries.filter((q) => /insert/i.test(q))).toEqual([]);
    // The app sends mutations by POST with their document.
    expect(operationRequest(StartLearnerDocument, {}, null).init.method).toBe("POST");
  });

  it("still runs arbitrary documents, by POST and by GET, within the limits", async () => {
    const posted = await api.server.graphql<{ concept: { name: string } }>(`{ concept(slug: "lxc") { name } }`);
    expect(posted.body.data?.concept.name).toBe("LXC");
    const got = await get(`/graphql?query=${encodeURIComponent(`{ concept(slug: "lxc") { name } }`)}`);
    expect(got.body.data).toEqual(posted.body.data);
    // Over the cost limit (query-limits.test.ts): refused before anything runs, by either method.
    const heavy = (i: number) => `n${i}: neighborhood(slug: "container", depth: 3) { nodes { relations { target { relations { target { slug } } } } } }`;
    const costly = `{ ${Array.from({ length: 15 }, (_, i) => heavy(i)).join(" ")} }`;
    const refused = await api.server.graphql(costly);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
    const refusedGet = await get(`/graphql?query=${encodeURIComponent(costly)}`);
    expect(refusedGet.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
  });

  it("marks a public persisted read cacheable and answers its repeat from the response cache, one entry per hash and variables", async () => {
    const first = await persistedGet(ConceptPageDocument, { slug: "qemu" });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe(PUBLIC_READ_CACHE_CONTROL);
    expect(first.headers.get("vary")).toMatch(/Authorization/);
    api.queries.length = 0;
    const second = await persistedGet(ConceptPageDocument, { slug: "qemu" });
    expect(api.queries).toEqual([]);
    expect(second.text).toBe(first.text);
    expect(second.headers.get("cache-control")).toBe(PUBLIC_READ_CACHE_CONTROL);
    expect(second.headers.get("vary")).toMatch(/Authorization/);
    // Other variables: executed, and answered for themselves.
    const other = await persistedGet(ConceptPageDocument, { slug: "xen" });
    expect(api.queries.length).toBeGreaterThan(0);
    expect((other.body.data?.["concept"] as { slug: string }).slug).toBe("xen");
    // Another hash with the same variables never gets the first one's entry.
    const kinds = await persistedGet(KindsDocument, {});
    const decks = await persistedGet(DecksDocument, {});
    expect(Object.keys(kinds.body.data ?? {})).toEqual(["kinds"]);
    expect(Object.keys(decks.body.data ?? {})).toEqual(["decks"]);
    // The same variables in another order make the same URL.
    expect(operationRequest(NeighborhoodDocument, { slug: "lxc", depth: 1 }, null).url).toBe(operationRequest(NeighborhoodDocument, { depth: 1, slug: "lxc" }, null).url);
  });

  it("never lets a learner's read be cached publicly, nor kept", async () => {
    const started = await api.server.graphql<{ startLearner: { token: string } }>(StartLearnerDocument.toString());
    const token = started.body.data?.startLearner.token ?? "";
    expect(token).not.toBe("");
    const mine = await persistedGet(HomeProgressDocument, { tz: "UTC" }, token);
    expect(mine.status).toBe(200);
    expect(mine.body.errors).toBeUndefined();
    expect(mine.headers.get("cache-control")).toBe("no-store");
    api.queries.length = 0;
    const again = await persistedGet(HomeProgressDocument, { tz: "UTC" }, token);
    expect(again.headers.get("cache-control")).toBe("no-store");
    expect(api.queries.length).toBeGreaterThan(0);
    // The same read without a token is about nobody, and still not public.
    const anonymous = await persistedGet(HomeProgressDocument, { tz: "UTC" });
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    // The token goes in a header, never in the URL; a read whose variables hold a room token goes by POST.
    expect(operationRequest(HomeProgressDocument, { tz: "UTC" }, token).url).not.toContain(token);
    expect(operationRequest(RoomResultsCsvDocument, { code: "ABC-DEF", token: "secret" }, null).init.method).toBe("POST");
  });

  it("keeps live rooms' views and learners' study steps out of every cache", () => {
    const schema = buildSchema(typeDefs);
    for (const query of [
      `{ room(code: "ABC-DEF", token: "t") { code } }`,
      `{ roomResultsCsv(code: "ABC-DEF", token: "t") }`,
      `{ studyNext { waitUntil } }`,
      `{ studyStreak { streak } }`,
      `{ weakSpotsQuiz { id } }`,
    ]) {
      expect(isCacheableOperation(schema, parse(query), null), query).toBe(false);
    }
    expect(isCacheableOperation(schema, parse(`{ kinds { slug } }`), null)).toBe(true);
  });

  it("tells an operation's kind from its document, fragments first or last", () => {
    expect(operationKind("fragment F on Concept { slug } query Q { concept(slug: \"x\") { ...F } }")).toBe("query");
    expect(operationKind("fragment F on Concept { slug } mutation M { startLearner { token } }")).toBe("mutation");
    expect(operationKind("subscription S { room(code: \"a\", token: \"b\") { code } }")).toBe("subscription");
    expect(operationKind("{ kinds { slug } }")).toBe("query");
    expect(operationKind("query Q { search(query: \"} mutation\") { slug } }")).toBe("query");
  });
});
