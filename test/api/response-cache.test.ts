/**
 * The response cache of the HTTP server (server/http/response-cache.ts): what it keeps, what it
 * never keeps, how it is bounded, and that a hit is answered as the executed request was.
 */
import { gunzipSync } from "node:zlib";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import type { GraphVersion } from "../../server/graph-version.ts";
import { ResponseCache } from "../../server/http/response-cache.ts";
import { useSeededServer } from "../support/seeded-server.ts";

function fakeVersion(): GraphVersion & { set(version: string): void } {
  let version = "v1";
  const listeners = new Set<(version: string) => void>();
  return {
    current: () => version,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => {},
    set(next: string) {
      version = next;
      for (const listener of listeners) listener(next);
    },
  };
}

const CONTENT_TYPE = () => ({ "content-type": "application/json" });

describe("ResponseCache", () => {
  it("keeps answers while under a sixteenth of its budget, then only those missed twice, and stays within its byte budget", () => {
    const version = fakeVersion();
    const cache = new ResponseCache({ graphVersion: version, maxBytes: 1_600_000, maxEntryBytes: 200_000 });
    const key = (n: number) => cache.key({ method: "POST", payload: `{"n":${n}}`, contentType: "application/json", accept: "" });
    // Under a sixteenth of the budget (100,000 bytes): kept on the first miss.
    for (let n = 0; n < 9; n++) expect(cache.offer(key(n), "v1", 200, Buffer.alloc(10_000, 120), CONTENT_TYPE)).toBe(true);
    expect(cache.get(key(0))?.body.length).toBe(10_000);
    // Past it: a one-off is not kept, the same request missed again is.
    expect(cache.offer(key(100), "v1", 200, Buffer.alloc(10_000, 120), CONTENT_TYPE)).toBe(false);
    expect(cache.get(key(100))).toBeUndefined();
    expect(cache.offer(key(100), "v1", 200, Buffer.alloc(10_000, 120), CONTENT_TYPE)).toBe(true);
    expect(cache.get(key(100))).toBeDefined();
    // A stream of second misses: least recently used leave, the budget holds.
    for (let n = 200; n < 400; n++) {
      cache.offer(key(n), "v1", 200, Buffer.alloc(10_000, 120), CONTENT_TYPE);
      cache.offer(key(n), "v1", 200, Buffer.alloc(10_000, 120), CONTENT_TYPE);
    }
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_600_000);
    expect(cache.stats().entries).toBeGreaterThan(100);
    expect(cache.get(key(399))).toBeDefined();
    expect(cache.get(key(1))).toBeUndefined();
    // Too big for one entry: never kept.
    expect(cache.offer(key(500), "v1", 200, Buffer.alloc(300_000, 120), CONTENT_TYPE)).toBe(false);
    expect(cache.offer(key(500), "v1", 200, Buffer.alloc(300_000, 120), CONTENT_TYPE)).toBe(false);
  });

  it("is emptied when the graph version changes, and refuses answers made under an older one", () => {
    const version = fakeVersion();
    const cache = new ResponseCache({ graphVersion: version });
    const parts = { method: "GET", payload: "?query=%7Bkinds%7Bslug%7D%7D", contentType: "", accept: "" };
    const before = cache.key(parts);
    cache.offer(before, "v1", 200, Buffer.alloc(100, 120), CONTENT_TYPE);
    expect(cache.get(before)).toBeDefined();
    version.set("v2");
    expect(cache.stats().entries).toBe(0);
    const after = cache.key(parts);
    expect(after).not.toBe(before);
    expect(cache.offer(after, "v1", 200, Buffer.alloc(100, 120), CONTENT_TYPE)).toBe(false);
    expect(cache.offer(after, "v2", 200, Buffer.alloc(100, 120), CONTENT_TYPE)).toBe(true);
  });

  it("forgets an answer once its time is up", () => {
    let now = 0;
    const cache = new ResponseCache({ graphVersion: fakeVersion(), ttlMs: 1000, now: () => now });
    const key = cache.key({ method: "GET", payload: "?q", contentType: "", accept: "" });
    cache.offer(key, "v1", 200, Buffer.alloc(10, 120), CONTENT_TYPE);
    now = 999;
    expect(cache.get(key)).toBeDefined();
    now = 1000;
    expect(cache.get(key)).toBeUndefined();
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });
});

const api = useSeededServer();

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("the response cache in the HTTP server", () => {
  it("answers a repeated POST without any SQL, with the same bytes, headers and CORS for the asking origin", async () => {
    const body = JSON.stringify({ query: `query ($slug: String!) { concept(slug: $slug) { name relations { label } } }`, variables: { slug: "lxc" } });
    const first = await post(body, { origin: "https://blog.example" });
    api.queries.length = 0;
    const second = await post(body, { origin: "https://other.example" });
    expect(api.queries).toEqual([]);
    expect(second.text).toBe(first.text);
    expect(second.status).toBe(200);
    expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(second.headers.get("access-control-allow-origin")).toBe("https://other.example");
    expect(second.headers.get("cache-control")).toBe("no-store");
    expect(second.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });

  it("answers a hit gzipped to clients that accept it", async () => {
    const query = encodeURIComponent(`{ concept(slug: "docker") { description relations { label source { name } target { name } } } }`);
    const ask = () =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const url = new URL(`${api.server.url}/graphql?query=${query}`);
        request(url, { headers: { "accept-encoding": "gzip", accept: "application/json" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }));
        })
          .on("error", reject)
          .end();
      });
    const first = await ask();
    api.queries.length = 0;
    const second = await ask();
    const third = await ask();
    expect(api.queries).toEqual([]);
    expect(second.encoding).toBe("gzip");
    expect(gunzipSync(second.body).toString()).toBe(gunzipSync(first.body).toString());
    expect(third.body.equals(second.body)).toBe(true);
  });

  it("never keeps what is personal, random, written or failed", async () => {
    const kept = async (body: string, headers: Record<string, string> = {}) => {
      await post(body, headers);
      api.queries.length = 0;
      await post(body, headers);
      return api.queries.length === 0;
    };
    const start = await post(JSON.stringify({ query: "mutation { startLearner { token } }" }));
    const token = (JSON.parse(start.text) as { data: { startLearner: { token: string } } }).data.startLearner.token;
    expect(await kept(JSON.stringify({ query: `{ concept(slug: "podman") { name } }` }))).toBe(true);
    expect(await kept(JSON.stringify({ query: `{ concept(slug: "podman") { name } }` }), { authorization: `Bearer ${token}` })).toBe(false);
    // Each asks for a concept too, so that executing it costs SQL and a hit does not.
    expect(await kept(JSON.stringify({ query: `{ concept(slug: "podman") { name } me { id } }` }), { authorization: `Bearer ${token}` })).toBe(false);
    expect(await kept(JSON.stringify({ query: `{ concept(slug: "podman") { name } quiz(kind: MIXED, count: 2) { id } }` }))).toBe(false);
    expect(await kept(JSON.stringify({ query: `{ concept(slug: "podman") { name } search(query: "") { slug } }` }))).toBe(false);
    const again = await post(JSON.stringify({ query: "mutation { startLearner { token } }" }));
    expect(again.text).not.toBe(start.text);
  });
});
