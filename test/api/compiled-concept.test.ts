/**
 * A `concept(slug:)` query compiled into one SQL statement (server/graphql/concept/concept-sql.ts)
 * answers exactly what the resolvers answer, for every concept of the graph, lists in the same
 * order; selections it does not know run through the resolvers as before.
 */
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { ConceptPageDocument } from "../../web/app/api/generated/graphql.ts";
import { useSeededServer } from "../support/seeded-server.ts";
import { onPostgres } from "../support/test-database.ts";

const api = useSeededServer();

/** Every field the compiler builds, with aliases, a fragment, an inline fragment and __typename. */
const WIDE = `query Wide($slug: String!) { __typename
  concept(slug: $slug) { __typename id slug name kind summary description aliases other: name
    kindInfo { __typename slug label plural }
    relations { __typename id type label inverseLabel outdated ...ends citations { locator passage source { id title publisher author address published } } }
    claims { __typename id statement polarity value outdated aspect { slug label } concept { slug } citations { locator passage source { title } } }
    ... on Concept { citations { __typename locator passage source { __typename id title } } }
  } }
fragment ends on Relation { source { slug name kindInfo { label } } target { id slug name claims { id } } }`;

/** The same selection with a directive, which the compiler leaves to the resolvers. */
const viaResolvers = (query: string) => query.replace("concept(slug: $slug) { __typename id", "concept(slug: $slug) { __typename @include(if: true) id");

describe("the concept page compiled into one SQL statement", () => {
  it("answers as the resolvers do, for every concept, in one statement", async () => {
    const { body } = await api.server.graphql<{ concepts: { edges: { node: { slug: string } }[] } }>(`{ concepts(first: 100) { edges { node { slug } } } }`);
    const slugs = body.data?.concepts.edges.map((e) => e.node.slug) ?? [];
    expect(slugs.length).toBeGreaterThan(20);
    const page = ConceptPageDocument.toString();
    const pageViaResolvers = page.replace("concept(slug: $slug) { slug", "concept(slug: $slug) { slug @include(if: true)");
    expect(pageViaResolvers).not.toBe(page);
    for (const slug of [...slugs, "no-such-concept"]) {
      for (const [compiled, resolved] of [
        [page, pageViaResolvers],
        [WIDE, viaResolvers(WIDE)],
      ] as const) {
        // A nonce: each request executes rather than coming from the response cache.
        api.queries.length = 0;
        const fast = await api.server.graphql(compiled, { slug, nonce: Math.random() });
        const statements = api.queries.length;
        const slow = await api.server.graphql(resolved, { slug, nonce: Math.random() });
        expect(fast.status).toBe(200);
        expect(fast.body.errors).toBeUndefined();
        // Same values, lists in the same order. (Key order may differ: the resolvers' executor
        // inserts an object's keys as its fields finish, the compiled answer in selection order.)
        expect(fast.body, slug).toEqual(slow.body);
        expect(statements, slug).toBe(1);
      }
    }
  }, 120_000);

  it("leaves what it does not build to the resolvers", async () => {
    for (const query of [
      `{ concept(slug: "docker") { mentions(first: 1) { locator } } }`,
      `{ concept(slug: "docker") { relations(direction: OUTGOING) { type } } }`,
      `{ concept(slug: "docker") { kindInfo { count } } }`,
      `{ concept(slug: "docker") { name } kinds { slug } }`,
    ]) {
      const { body } = await api.server.graphql(query, { nonce: Math.random() });
      expect(body.errors, query).toBeUndefined();
      expect(body.data?.concept, query).toBeTruthy();
    }
  });

  it("answers a missing or mistyped slug as the executor does", async () => {
    const page = ConceptPageDocument.toString();
    const missing = await api.server.graphql(page, {});
    expect(missing.body.errors?.[0]?.message).toMatch(/\$slug/);
    const nul = await api.server.graphql(page, { slug: "dock\u0000er" });
    expect(nul.body.errors).toBeUndefined();
    expect(nul.body.data?.concept).toBeNull();
  });
});

describe.runIf(onPostgres)("the compiled concept page while the database is away (PostgreSQL)", () => {
  it("answers 503 UNAVAILABLE without SQL or a stack, then serves again once the database is back", async () => {
    const name = new URL(api.database.url as string).pathname.slice(1);
    const admin = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
    const page = ConceptPageDocument.toString();
    try {
      await admin.unsafe(`alter database "${name}" allow_connections false`);
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name}`;
      const { status, body, headers } = await api.server.graphql(page, { slug: "docker", nonce: Math.random() });
      expect(status).toBe(503);
      expect(headers.get("retry-after")).toBe("2");
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAVAILABLE");
      expect(JSON.stringify(body)).not.toMatch(/select|json_build_object|at .*\.ts|stack/i);
    } finally {
      await admin.unsafe(`alter database "${name}" allow_connections true`);
      await admin.end();
    }
    let answer = await api.server.graphql(page, { slug: "docker", nonce: Math.random() });
    for (let i = 0; i < 50 && answer.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await api.server.graphql(page, { slug: "docker", nonce: Math.random() });
    }
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  }, 30_000);
});
