/**
 * What a public API meets on the open internet: malformed requests (each a
 * short 4xx, nothing logged with a stack), bodies never echoed, links never
 * taken from the Host header, logs without query parameters, a CSP without
 * inline scripts, rate limits on writes, learner ids nobody can guess.
 */
import { connect as connectSocket } from "node:net";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { trackGraphVersion, type GraphVersion } from "../../server/graph-version.ts";
import { createHttpServer, type GraphdeckServer } from "../../server/http/create-server.ts";
import { LIMITS } from "../../server/http/limits.ts";
import { securityHeaders } from "../../server/http/security-headers.ts";
import { DIST_DIR } from "../../server/http/static-files.ts";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let graphVersion: GraphVersion;
const servers: GraphdeckServer[] = [];
let url: string; // PUBLIC_URL set
let bareUrl: string; // no PUBLIC_URL

async function serve(publicUrl?: string, trustProxy = 0): Promise<string> {
  const server = createHttpServer({ database, graphVersion, publicUrl, port: 0, trustProxy });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as AddressInfo).port;
  server.setPort(port);
  return `http://127.0.0.1:${port}`;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  graphVersion = await trackGraphVersion(database);
  url = await serve("https://graphdeck.example");
  bareUrl = await serve();
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  await graphVersion?.stop();
  await database?.drop();
});

/** Sends bytes as they are (fetch would fix or refuse them) and returns status line and body. */
function raw(base: string, request: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connectSocket(Number(port), "127.0.0.1");
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), body });
    });
    // Written, not ended: a half-closed socket may be dropped before a slow answer is sent.
    socket.write(request);
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

/** Runs `during` and returns what the server wrote to the console meanwhile. */
async function logsDuring(during: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const spies = (["error", "warn", "log"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(" "));
    }),
  );
  try {
    await during();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join("\n");
}

async function post(base: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("malformed requests", () => {
  const cases: [string, string, number][] = [
    ["Host: [", "GET /health HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n", 400],
    ["an empty Host", "GET /health HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n", 400],
    ["no Host", "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", 400],
    ["Host: x:99999", "GET /health HTTP/1.1\r\nHost: x:99999\r\nConnection: close\r\n\r\n", 400],
    ["TRACE /", "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 405],
    ["bad percent-encoding in a deck path", "GET /decks/%E0%A4%A/anki.csv HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 400],
    ["bad percent-encoding in a concept path", "GET /concepts/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 400],
    ["a NUL in a path", "GET /concepts/a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 400],
    ["a NUL in a query parameter", "GET /oembed?url=x%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 400],
    ["a header node cannot parse", "GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n", 400],
  ];
  for (const [name, request, status] of cases) {
    it(`${name}: ${status} with a short message, nothing logged`, async () => {
      let answer = { status: 0, body: "" };
      const logs = await logsDuring(async () => {
        answer = await raw(url, request);
      });
      expect(answer.status).toBe(status);
      expect(answer.body.length).toBeLessThan(200);
      expect(answer.body).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts\b/);
      expect(logs).toBe("");
    });
  }

  it("variables nested 100,000 deep: 400, no stack overflow", async () => {
    const deep = `{"query":"{ kinds { slug } }","variables":{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    let answer = { status: 0, text: "" };
    const logs = await logsDuring(async () => {
      answer = await post(url, deep);
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/nested/);
    expect(logs).toBe("");
  });

  it("invalid JSON: 400 that does not quote the body", async () => {
    const answer = await post(url, '{"query": "secret-looking text that must not come back');
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/secret-looking|originalError/);
  });

  it("a NUL in a card id is refused as bad input", async () => {
    const { data } = JSON.parse((await post(url, JSON.stringify({ query: "mutation { startLearner { token } }" }))).text);
    const answer = await post(url, JSON.stringify({ query: `mutation { review(cardId: "term:docker\\u0000", rating: GOOD, reviewId: "x") { reps } }` }), {
      authorization: `Bearer ${data.startLearner.token}`,
    });
    expect(answer.text).toMatch(/BAD_USER_INPUT/);
  });
});

describe("links and logs", () => {
  it("builds absolute links from PUBLIC_URL, whatever the Host header says", async () => {
    const { port } = new URL(url);
    const page = await raw(url, `GET /concepts/docker HTTP/1.1\r\nHost: evil.example:${port}\r\nConnection: close\r\n\r\n`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("https://graphdeck.example/embed.js");
    expect(page.body).not.toContain("evil.example");
    const oembed = await raw(url, `GET /oembed?url=${encodeURIComponent("https://graphdeck.example/concepts/docker")} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(oembed.status).toBe(200);
    expect(oembed.body).toContain("https://graphdeck.example/embed/concept/docker");
    expect(oembed.body).not.toContain("evil.example");
  });

  it("takes a token-less mutation from a page at PUBLIC_URL (the app behind an HTTPS proxy), and none from elsewhere", async () => {
    const start = (base: string, origin: string) =>
      fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify({ query: "mutation { startLearner { token } }" }) });
    expect((await start(url, "https://graphdeck.example")).status).toBe(200);
    expect((await start(url, "https://evil.example")).status).toBe(403);
    // Without PUBLIC_URL, that origin is a stranger.
    expect((await start(bareUrl, "https://graphdeck.example")).status).toBe(403);
  });

  it("without PUBLIC_URL, a foreign Host gets links to localhost, never to itself", async () => {
    const page = await raw(bareUrl, "GET /cards/docker HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    expect(page.status).toBe(200);
    expect(page.body).not.toContain("evil.example");
    expect(page.body).toMatch(/http:\/\/localhost:\d+\/concepts\/docker/);
  });

  it("logs a failed query in one line, without its parameters", async () => {
    await database.db.execute(sql`alter table app_settings rename to app_settings_away`);
    let logs = "";
    try {
      logs = await logsDuring(async () => {
        await post(url, JSON.stringify({ query: "{ quiz(kind: DEFINITION, count: 2, seed: 5) { id } }" }));
      });
    } finally {
      await database.db.execute(sql`alter table app_settings_away rename to app_settings`);
    }
    expect(logs).toMatch(/app_settings/);
    expect(logs).not.toMatch(/params:|\n\s+at /);
    expect(logs.split("\n")).toHaveLength(1);
  });
});

describe("content security policy", () => {
  it("app pages allow no inline script, and the built pages need none", async () => {
    const csp = securityHeaders({ frameable: false, html: '<!doctype html><script type="module" src="/assets/index.js"></script>' })["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-inline'[^;]*;[^;]*style-src/);
    const built = join(DIST_DIR, "app", "index.html");
    if (existsSync(built)) {
      const html = readFileSync(built, "utf8");
      expect(html.match(/<script\b(?![^>]*\bsrc\s*=)[^>]*>[^<]*\S[^<]*<\/script>/gi)).toBeNull();
    }
  });

  it("GraphiQL's inline scripts are allowed by their hashes alone", async () => {
    const page = await fetch(`${url}/graphql`, { headers: { accept: "text/html" } });
    const html = await page.text();
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? "").filter((s) => s.trim());
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) expect(csp).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
  });
});

describe("learners and rate limits", () => {
  it("learner ids are random-looking, not a sequence", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { data } = JSON.parse((await post(url, JSON.stringify({ query: "mutation { startLearner { learner { id } } }" }))).text);
      ids.push(data.startLearner.learner.id);
    }
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it(`startLearner: ${LIMITS.startLearnerPerHour} an hour per address, then 429 with Retry-After`, async () => {
    const statuses: number[] = [];
    let last: Headers | undefined;
    for (let i = 0; i < LIMITS.startLearnerPerHour + 2; i++) {
      const answer = await post(bareUrl, JSON.stringify({ query: "mutation { startLearner { token } }" }));
      statuses.push(answer.status);
      last = answer.headers;
    }
    expect(statuses.slice(0, LIMITS.startLearnerPerHour - 1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last?.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts per address behind a trusted proxy (X-Forwarded-For), and ignores that header otherwise", async () => {
    const proxied = await serve(undefined, 1);
    const start = (base: string, forwardedFor: string) =>
      post(base, JSON.stringify({ query: "mutation { startLearner { token } }" }), { "x-forwarded-for": forwardedFor }).then((a) => a.status);
    for (let i = 0; i < LIMITS.startLearnerPerHour; i++) expect(await start(proxied, `spoofed-${i}, 10.0.0.1`)).toBe(200);
    expect(await start(proxied, "spoofed, 10.0.0.1")).toBe(429);
    expect(await start(proxied, "10.0.0.2")).toBe(200);
    // Without a trusted proxy the header changes nothing: bareUrl's address is already over its limit.
    expect(await start(bareUrl, "10.0.0.3")).toBe(429);
  }, 60_000);

  it(`mutations: ${LIMITS.mutationsPerLearnerPerMinute} a minute per learner, then 429`, async () => {
    const { data } = JSON.parse((await post(url, JSON.stringify({ query: "mutation { startLearner { token } }" }))).text);
    const auth = { authorization: `Bearer ${data.startLearner.token}` };
    const undo = JSON.stringify({ query: "mutation { undoReview { cardId } }" });
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.mutationsPerLearnerPerMinute + 1; i++) statuses.push((await post(url, undo, auth)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.mutationsPerLearnerPerMinute);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);
});
