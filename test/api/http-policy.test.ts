/**
 * How the API behaves as an HTTP citizen on the open internet: CORS for
 * embeds, security headers, caching that CDNs can use and that a re-seed
 * invalidates, and GraphiQL served without any CDN.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { copyOfSeeds, SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

describe("HTTP policy", () => {
  it("lets any origin read, without credentials, and answers the preflight", async () => {
    const preflight = await fetch(`${api.server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://blog.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(["*", "https://blog.example"]).toContain(preflight.headers.get("access-control-allow-origin"));
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
    expect(preflight.headers.get("access-control-allow-credentials")).not.toBe("true");
    const read = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent("{ kinds { slug } }")}`, { headers: { origin: "https://blog.example" } });
    expect(read.status).toBe(200);
    expect(["*", "https://blog.example"]).toContain(read.headers.get("access-control-allow-origin"));
  });

  it("puts security headers on every response", async () => {
    for (const path of ["/graphql?query=%7Bkinds%7Bslug%7D%7D", "/health", "/nope"]) {
      const response = await fetch(`${api.server.url}${path}`);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("content-security-policy"), path).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get("referrer-policy"), path).toBeTruthy();
    }
  });

  it("marks successful GET reads cacheable by CDNs, and everything else not", async () => {
    const get = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent("{ concept(slug: \"lxc\") { name } }")}`);
    expect(get.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const post = await api.server.graphql(`{ concept(slug: "lxc") { name } }`);
    expect(post.headers.get("cache-control")).toBe("no-store");
    const failed = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent("{ search(query: \"\") { slug } }")}`);
    expect(failed.headers.get("cache-control")).toBe("no-store");
    const personal = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent("{ kinds { slug } }")}`, { headers: { authorization: "Bearer abc" } });
    expect(personal.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a repeated read from its response cache, and a re-seed retires the cached answer", async () => {
    const read = `{ concept(slug: "podman") { summary } }`;
    const first = await api.server.graphql<{ concept: { summary: string } }>(read);
    api.queries.length = 0;
    const second = await api.server.graphql<{ concept: { summary: string } }>(read);
    expect(second.body).toEqual(first.body);
    expect(api.queries).toEqual([]);
    // Different variables make a different request, even ones the operation ignores (the
    // benchmark's "uncached" runs rely on this): executed, not answered from the cache.
    const nonce1 = await api.server.graphql(read, { nonce: 1 });
    expect(nonce1.body).toEqual(first.body);
    api.queries.length = 0;
    await api.server.graphql(read, { nonce: 2 });
    expect(api.queries.length).toBeGreaterThan(0);

    const dir = copyOfSeeds();
    const file = join(dir, "concepts/container-tools.yaml");
    // Whatever Podman's summary says today, it now starts "A daemon-less tool".
    writeFileSync(file, readFileSync(file, "utf8").replace(/(- slug: podman\n[\s\S]*?\n  summary: )/, "$1A daemon-less tool. "));
    await seed(api.database.db, { seedsDir: dir, sourcesDir: SOURCES_DIR });
    let summary = "";
    for (let i = 0; i < 50 && !summary.startsWith("A daemon-less tool"); i++) {
      summary = (await api.server.graphql<{ concept: { summary: string } }>(read)).body.data?.concept.summary ?? "";
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(summary).toMatch(/^A daemon-less tool/);
    await seed(api.database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  });

  it("serves GraphiQL to a browser from this server alone", async () => {
    const page = await fetch(`${api.server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/graphiql/i);
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr/);
  });

  it("answers introspection, so tools can explore the schema", async () => {
    const { body } = await api.server.graphql<{ __schema: { queryType: { name: string } } }>(`{ __schema { queryType { name } } }`);
    expect(body.data?.__schema.queryType.name).toBe("Query");
  });

  it("compresses large text responses for clients that accept gzip", async () => {
    const response = await fetch(`${api.server.url}/graphql`, { headers: { accept: "text/html", "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect((await response.text()).length).toBeGreaterThan(1000);
  });
});
