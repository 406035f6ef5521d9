/**
 * Concept queries answered ahead of yoga (server/http/compiled-answers.ts): a query text yoga has
 * answered from its compiled statement is answered again without yoga, byte for byte as yoga
 * answered it, headers included; whatever could make yoga answer differently still goes to yoga.
 */
import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import type { RawQuery, SqlParameter } from "../../server/db/connect.ts";
import { compileConceptQuery } from "../../server/graphql/concept/concept-sql.ts";
import { createCompiledAnswers, type Carried, type CompiledConcept } from "../../server/http/compiled-answers.ts";
import { LIMITS } from "../../server/http/limits.ts";
import { PERSISTED_DOCUMENTS, persistedDocumentId } from "../../server/graphql/persisted-documents.ts";
import { ConceptPageDocument } from "../../web/app/api/generated/graphql.ts";
import { persistedHash, persistedReadUrl } from "../../web/app/api/persisted-request.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

const PAGE = ConceptPageDocument.toString();
const JSON_SENT = { contentType: "application/json", accept: "application/json" };

function compiled(query: string): CompiledConcept {
  const document = parse(query);
  const plan = compileConceptQuery(document, null);
  const operation = getOperationAST(document, null);
  if (!plan || !operation) throw new Error("not a compiled concept query");
  return { operation, plan };
}

/** A database that answers every statement with the concept `{"slug": <the slug>}` and records what it ran. */
function fakeDatabase(): { query: RawQuery; ran: [string, readonly SqlParameter[]][] } {
  const ran: [string, readonly SqlParameter[]][] = [];
  return {
    ran,
    query: async (text, parameters) => {
      ran.push([text, parameters]);
      return [{ v: JSON.stringify({ slug: parameters[0] }) }];
    },
  };
}

const raw = (bytes: Buffer): Carried => ({ method: "POST", body: bytes });
const body = (value: unknown) => raw(Buffer.from(JSON.stringify(value)));

describe("which requests are answered ahead of yoga", () => {
  const headers = { "content-type": "application/json; charset=utf-8" };

  it("answers a learnt query text, with the slug of each request, and yoga's headers", async () => {
    const database = fakeDatabase();
    const answers = createCompiledAnswers(database.query);
    const page = compiled(PAGE);
    expect(await answers.answer("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }))).toBeNull();
    answers.learn("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }), page, headers);
    const answer = await answers.answer("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "podman", nonce: 1 } }));
    if (answer === null || answer === "over time") throw new Error(`not answered: ${answer}`);
    expect(answer.body.toString()).toBe(page.plan.render(JSON.stringify({ slug: "podman" })));
    expect(answer.headers).toEqual(headers);
    expect(database.ran).toEqual([[page.plan.text, ["podman"]]]);
  });

  it("leaves to yoga what yoga could answer otherwise", async () => {
    const database = fakeDatabase();
    const answers = createCompiledAnswers(database.query);
    answers.learn("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }), compiled(PAGE), headers);
    let deep: unknown = "x";
    for (let i = 0; i <= LIMITS.variablesDepth; i++) deep = { deep };
    // Another graph version: the cost estimate's statistics are the version's.
    expect(await answers.answer("v2", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }))).toBeNull();
    const v1: [string, Carried, typeof JSON_SENT?][] = [
      ["another query text", body({ query: `${PAGE} `, variables: { slug: "docker" } })],
      ["another operation name", body({ query: PAGE, variables: { slug: "docker" }, operationName: "Other" })],
      ["an empty operation name (yoga finds no operation by it)", body({ query: PAGE, variables: { slug: "docker" }, operationName: "" })],
      ["extensions (a persisted operation)", body({ query: PAGE, variables: { slug: "docker" }, extensions: {} })],
      ["a slug that is not a string", body({ query: PAGE, variables: { slug: 5 } })],
      ["no slug", body({ query: PAGE, variables: {} })],
      ["a slug with a NUL", body({ query: PAGE, variables: { slug: "doc\u0000ker" } })],
      ["variables nested too deeply", body({ query: PAGE, variables: { slug: "docker", deep } })],
      ["variables that are not an object", body({ query: PAGE, variables: ["docker"] })],
      ["a body over the limit", body({ query: PAGE, variables: { slug: "docker", pad: "x".repeat(LIMITS.bodyBytes) } })],
      ["a body that is not JSON", raw(Buffer.from("{"))],
      ["another Accept", body({ query: PAGE, variables: { slug: "docker" } }), { ...JSON_SENT, accept: "application/graphql-response+json" }],
      ["another content type", body({ query: PAGE, variables: { slug: "docker" } }), { ...JSON_SENT, contentType: "text/plain" }],
    ];
    for (const [why, request, sent] of v1) expect(await answers.answer("v1", sent ?? JSON_SENT, request), why).toBeNull();
    expect(database.ran).toEqual([]);
  });

  it("learns nothing from a body yoga did not read as JSON", async () => {
    const answers = createCompiledAnswers(fakeDatabase().query);
    const form = { ...JSON_SENT, contentType: "application/x-www-form-urlencoded" };
    answers.learn("v1", form, body({ query: PAGE, variables: { slug: "docker" } }), compiled(PAGE), headers);
    expect(await answers.answer("v1", form, body({ query: PAGE, variables: { slug: "docker" } }))).toBeNull();
    answers.learn("v1", { ...JSON_SENT, contentType: "Application/JSON; charset=utf-8" }, body({ query: PAGE, variables: { slug: "docker" } }), compiled(PAGE), headers);
    expect(await answers.answer("v1", { ...JSON_SENT, contentType: "Application/JSON; charset=utf-8" }, body({ query: PAGE, variables: { slug: "docker" } }))).not.toBeNull();
  });

  it("says when the statement outlasts the request's time, rather than handing it to yoga to run again", async () => {
    const answers = createCompiledAnswers(() => new Promise(() => {}), 20);
    answers.learn("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }), compiled(PAGE), headers);
    expect(await answers.answer("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }))).toBe("over time");
  });

  it("goes to yoga when the statement fails", async () => {
    const answers = createCompiledAnswers(async () => {
      throw new Error("connection closed");
    });
    answers.learn("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }), compiled(PAGE), headers);
    expect(await answers.answer("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }))).toBeNull();
  });

  it("answers the app's persisted GET, learnt by its hash, and leaves to yoga any other GET", async () => {
    const database = fakeDatabase();
    const answers = createCompiledAnswers(database.query);
    const hash = persistedHash(ConceptPageDocument) ?? "";
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // What yoga runs for the hash: the persisted document, as the server keeps it.
    const page = compiled(PERSISTED_DOCUMENTS.get(persistedDocumentId(hash)) ?? "");
    const get = (parameters: Record<string, string>, query = ""): Carried => ({ method: "GET", search: `?${new URLSearchParams(parameters).toString()}${query}` });
    const persisted = (persistedQuery: Record<string, unknown> = { version: 1, sha256Hash: hash }, more: Record<string, unknown> = {}) => JSON.stringify({ persistedQuery, ...more });
    answers.learn("v1", JSON_SENT, get({ extensions: persisted(), variables: '{"slug":"docker"}' }), page, headers);
    const answer = await answers.answer("v1", JSON_SENT, get({ extensions: persisted(), variables: '{"nonce":3,"slug":"podman"}' }));
    if (answer === null || answer === "over time") throw new Error(`not answered: ${answer}`);
    expect(answer.body.toString()).toBe(page.plan.render(JSON.stringify({ slug: "podman" })));
    expect(database.ran).toEqual([[page.plan.text, ["podman"]]]);
    let deep: unknown = "x";
    for (let i = 0; i <= LIMITS.variablesDepth; i++) deep = { deep };
    const yogas: [string, Carried, typeof JSON_SENT?][] = [
      ["another hash", get({ extensions: persisted({ version: 1, sha256Hash: "0".repeat(64) }), variables: '{"slug":"docker"}' })],
      ["a query beside the hash", get({ extensions: persisted(), variables: '{"slug":"docker"}', query: PAGE })],
      ["a parameter twice", get({ extensions: persisted(), variables: '{"slug":"docker"}' }, `&variables=${encodeURIComponent('{"slug":"podman"}')}`)],
      ["extensions holding more than the hash", get({ extensions: persisted(undefined, { tracing: true }), variables: '{"slug":"docker"}' })],
      ["another version of the protocol", get({ extensions: persisted({ version: 2, sha256Hash: hash }), variables: '{"slug":"docker"}' })],
      ["an empty operation name (yoga reads it as none)", get({ extensions: persisted(), variables: '{"slug":"docker"}', operationName: "" })],
      ["another operation name", get({ extensions: persisted(), variables: '{"slug":"docker"}', operationName: "Other" })],
      ["variables that are not JSON", get({ extensions: persisted(), variables: "{slug:docker}" })],
      ["variables nested too deeply", get({ extensions: persisted(), variables: JSON.stringify({ slug: "docker", deep }) })],
      ["a slug that is not a string", get({ extensions: persisted(), variables: '{"slug":5}' })],
      ["no extensions", get({ variables: '{"slug":"docker"}' })],
      ["another Accept", get({ extensions: persisted(), variables: '{"slug":"docker"}' }), { ...JSON_SENT, accept: "application/graphql-response+json" }],
      ["the same request by POST", body({ extensions: JSON.parse(persisted()), variables: { slug: "docker" } })],
    ];
    database.ran.length = 0;
    for (const [why, request, sent] of yogas) expect(await answers.answer("v1", sent ?? JSON_SENT, request), why).toBeNull();
    expect(database.ran).toEqual([]);
  });

  it("learns only what yoga ran for the request as read here: the same document and operation", async () => {
    const answers = createCompiledAnswers(fakeDatabase().query);
    const other = `query ConceptPage($slug: String!) { concept(slug: $slug) { slug name } }`;
    // As if yoga had read another document than the body holds (a request read two ways).
    answers.learn("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }), compiled(other), headers);
    expect(await answers.answer("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" } }))).toBeNull();
    const hash = persistedHash(ConceptPageDocument) ?? "";
    const get: Carried = { method: "GET", search: `?${new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }), variables: '{"slug":"docker"}' })}` };
    answers.learn("v1", JSON_SENT, get, compiled(other), headers);
    expect(await answers.answer("v1", JSON_SENT, get)).toBeNull();
    answers.learn("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" }, operationName: "ConceptPage" }), compiled(PAGE), headers);
    expect(await answers.answer("v1", JSON_SENT, body({ query: PAGE, variables: { slug: "docker" }, operationName: "ConceptPage" }))).not.toBeNull();
  });

  it("keeps a text answered often while others come and go", async () => {
    const answers = createCompiledAnswers(fakeDatabase().query);
    const page = compiled(PAGE);
    const request = body({ query: PAGE, variables: { slug: "docker" } });
    answers.learn("v1", JSON_SENT, request, page, headers);
    for (let i = 0; i < 600; i++) {
      answers.learn("v1", { ...JSON_SENT, accept: `application/json;n=${i}` }, request, page, headers);
      if (i % 100 === 0) expect(await answers.answer("v1", JSON_SENT, request), String(i)).not.toBeNull();
    }
    expect(await answers.answer("v1", JSON_SENT, request)).not.toBeNull();
  });

  it("learns only queries whose one variable is the slug, taken as a string", async () => {
    const answers = createCompiledAnswers(fakeDatabase().query);
    for (const query of [`query ($slug: ID!) { concept(slug: $slug) { name } }`, `query ($slug: String = "docker") { concept(slug: $slug) { name } }`]) {
      answers.learn("v1", JSON_SENT, body({ query, variables: { slug: "docker" } }), compiled(query), headers);
      expect(await answers.answer("v1", JSON_SENT, body({ query, variables: { slug: "docker" } })), query).toBeNull();
    }
  });
});

describe("concept queries answered ahead of yoga, over HTTP", () => {
  /** Status, headers but the date, and the body's bytes of a POST to /graphql. */
  async function post(variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await fetch(`${api.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify({ query: PAGE, variables: { ...variables, nonce: Math.random() } }),
    });
    const kept = [...response.headers].filter(([name]) => name !== "date");
    return { status: response.status, headers: Object.fromEntries(kept), body: await response.text() };
  }

  it("answers every concept as yoga does, headers and bytes", async () => {
    const { body: list } = await api.server.graphql<{ concepts: { edges: { node: { slug: string } }[] } }>(`{ concepts(first: 100) { edges { node { slug } } } }`);
    const slugs = list.data?.concepts.edges.map((e) => e.node.slug) ?? [];
    expect(slugs.length).toBeGreaterThan(20);
    // Answered by yoga, from its compiled statement: from now on the page's text is answered ahead of it.
    expect((await post({ slug: "docker" })).status).toBe(200);
    // A browser page's request (it sends Origin) always goes to yoga: what every answer is held against.
    const withoutCors = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(access-control-|vary$)/.test(name)));
    for (const slug of [...slugs, "no-such-concept"]) {
      const byYoga = await post({ slug }, { origin: "https://cards.example.org" });
      const ahead = await post({ slug });
      expect(byYoga.status, slug).toBe(200);
      expect(ahead.status, slug).toBe(200);
      expect(ahead.body, slug).toBe(byYoga.body);
      expect(withoutCors(ahead.headers), slug).toEqual(withoutCors(byYoga.headers));
      expect(JSON.parse(ahead.body).data.concept?.slug ?? null, slug).toBe(slug === "no-such-concept" ? null : slug);
    }
  }, 60_000);

  it("answers the app's persisted GET of every concept as yoga does, headers and bytes", async () => {
    const hash = persistedHash(ConceptPageDocument) ?? "";
    const get = async (slug: string, headers: Record<string, string> = {}) => {
      // A nonce of its own for each, so that no answer comes from the response cache.
      const response = await fetch(`${api.server.url}${persistedReadUrl(hash, { slug, nonce: Math.random() })}`, { headers: { accept: "application/json", ...headers } });
      const kept = [...response.headers].filter(([name]) => name !== "date");
      return { status: response.status, headers: Object.fromEntries(kept), body: await response.text() };
    };
    const { body: list } = await api.server.graphql<{ concepts: { edges: { node: { slug: string } }[] } }>(`{ concepts(first: 100) { edges { node { slug } } } }`);
    const slugs = list.data?.concepts.edges.map((e) => e.node.slug) ?? [];
    expect((await get("docker")).status).toBe(200);
    const withoutCors = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(access-control-|vary$)/.test(name)));
    for (const slug of [...slugs, "no-such-concept"]) {
      const byYoga = await get(slug, { origin: "https://cards.example.org" });
      const ahead = await get(slug);
      expect(ahead.status, slug).toBe(200);
      expect(ahead.body, slug).toBe(byYoga.body);
      expect(withoutCors(ahead.headers), slug).toEqual(withoutCors(byYoga.headers));
      expect(ahead.headers["cache-control"], slug).toMatch(/public/);
    }
  }, 60_000);

  it("refuses a request target holding a fragment, which yoga and the rest would read apart", async () => {
    const hash = persistedHash(ConceptPageDocument) ?? "";
    const { request } = await import("node:http");
    const target = `${persistedReadUrl(hash, { slug: "docker" })}&#&query=${encodeURIComponent(`{ concept(slug: "podman") { slug } }`)}`;
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const sent = request(`${api.server.url}/`, { path: target, headers: { accept: "application/json" } }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      sent.on("error", reject);
      sent.end();
    });
    expect(status).toBe(400);
    expect(text).toContain("fragment (#)");
  });

  it("still answers bad variables with yoga's errors, and a browser page's request with its CORS headers", async () => {
    await post({ slug: "docker" });
    for (const variables of [{ slug: 5 }, {}, { slug: null }]) {
      const [one, two] = [await post(variables), await post(variables)];
      expect(one.status).toBe(400);
      expect(two).toEqual(one);
    }
    // An empty operation name names no operation: yoga's 400 every time.
    const unnamed = async () => {
      const response = await fetch(`${api.server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query: PAGE, variables: { slug: "docker", nonce: Math.random() }, operationName: "" }),
      });
      return { status: response.status, body: await response.text() };
    };
    const [firstUnnamed, secondUnnamed] = [await unnamed(), await unnamed()];
    expect(firstUnnamed.status).toBe(400);
    expect(secondUnnamed).toEqual(firstUnnamed);
    // A client that accepts only multipart answers gets yoga's multipart answer every time, never bare JSON.
    const [multipart, multipartAgain] = [await post({ slug: "docker" }, { accept: "multipart/mixed" }), await post({ slug: "podman" }, { accept: "multipart/mixed" })];
    expect(multipart.headers["content-type"]).toMatch(/^multipart\/mixed/);
    expect(multipartAgain.headers["content-type"]).toMatch(/^multipart\/mixed/);
    expect(multipartAgain.body).toContain("---");
    const origin = "https://cards.example.org";
    const fromPage = await post({ slug: "docker" }, { origin });
    expect(fromPage.status).toBe(200);
    expect(fromPage.headers["access-control-allow-origin"]).toBe(origin);
    expect(fromPage.body).toBe((await post({ slug: "docker" })).body);
  });
});
