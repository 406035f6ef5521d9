/**
 * No N+1: a concept page — the concept, its relations with both ends, its
 * claims and every citation with its passage — costs the same number of SQL
 * statements whether the concept has three relations or thirty.
 */
import { describe, expect, it } from "vitest";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

const PAGE = `query ($slug: String!) { concept(slug: $slug) {
  name kindInfo { label }
  relations { type label source { slug name } target { slug name } citations { locator passage source { title } } }
  claims { id statement polarity aspect { label } value citations { locator passage source { title } } }
  citations { locator passage source { title } }
  mentions { locator source { title } } } }`;

async function statementsFor(slug: string): Promise<{ statements: number; relations: number; claims: number }> {
  api.queries.length = 0;
  // A query nobody sent before, so the response cache cannot answer it.
  const { body } = await api.server.graphql<{ concept: { relations: unknown[]; claims: unknown[] } }>(`${PAGE} # ${slug}`, { slug });
  expect(body.errors).toBeUndefined();
  return { statements: api.queries.length, relations: body.data?.concept.relations.length ?? 0, claims: body.data?.concept.claims.length ?? 0 };
}

describe("SQL statements per concept page", () => {
  it("do not grow with the number of relations and claims", async () => {
    // Vocabularies and sources are loaded once per process and graph version; load them first.
    await api.server.graphql(`{ kinds { slug } }`);
    const small = await statementsFor("rkt");
    const large = await statementsFor("container");
    expect(large.relations).toBeGreaterThan(small.relations * 5);
    expect(small.claims).toBeGreaterThan(0);
    expect(large.claims).toBeGreaterThan(small.claims * 10);
    expect(large.statements).toBe(small.statements);
    // One statement per batch: concept, relations, their ends, claims, mentions, and
    // citations at each of three depths (concept, relation, claim).
    expect(large.statements).toBeLessThanOrEqual(8);
  });
});
