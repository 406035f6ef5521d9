/**
 * The embeds as an oEmbed consumer, an RSS reader and a framing page see them:
 * oEmbed answers per the spec, concept pages advertise it, cards are text-only HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { startTestServer, type TestServer } from "../support/graphql-client.ts";
import { HOSTILE_NAME, hostileSeeds } from "../support/hostile-seeds.ts";
import { SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: hostileSeeds(), sourcesDir: SOURCES_DIR });
  server = await startTestServer(database);
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

const oembed = (params: Record<string, string>) => fetch(`${server.url}/oembed?${new URLSearchParams(params)}`);

describe("oEmbed", () => {
  it("answers a rich response with every field the spec asks for", async () => {
    const response = await oembed({ url: `${server.url}/concepts/cgroups`, format: "json" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: "1.0", type: "rich", title: "Control groups", provider_name: "Graphdeck", provider_url: `${server.url}/`, width: 480, height: 240 });
    expect(typeof body.cache_age).toBe("number");
    expect(body.html).toMatch(new RegExp(`^<iframe src="${server.url}/embed/concept/cgroups"[^>]* width="480" height="240"`));
  });

  it("respects maxwidth and maxheight", async () => {
    const body = (await (await oembed({ url: `${server.url}/concepts/cgroups`, maxwidth: "300", maxheight: "150" })).json()) as { width: number; height: number; html: string };
    expect(body.width).toBeLessThanOrEqual(300);
    expect(body.height).toBeLessThanOrEqual(150);
    expect(body.html).toContain('width="300" height="150"');
    expect((await oembed({ url: `${server.url}/concepts/cgroups`, maxwidth: "-4" })).status).toBe(400);
  });

  it("is 404 for unknown concepts and other sites' URLs, 501 for formats other than JSON", async () => {
    expect((await oembed({ url: `${server.url}/concepts/no-such-thing` })).status).toBe(404);
    expect((await oembed({ url: "https://elsewhere.example/concepts/cgroups" })).status).toBe(404);
    expect((await oembed({ url: `${server.url}/concepts/cgroups`, format: "xml" })).status).toBe(501);
    expect((await oembed({})).status).toBe(400);
  });

  it("is discoverable from the concept page", async () => {
    const html = await (await fetch(`${server.url}/concepts/cgroups`)).text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
    expect(link).toBeDefined();
    const discovered = await fetch((link as string).replace(/&amp;/g, "&"));
    expect(((await discovered.json()) as { title: string }).title).toBe("Control groups");
    expect(html).toContain("&lt;graphdeck-card concept=&quot;cgroups&quot;");
  });
});

describe("server-rendered cards", () => {
  it("show the concept as text, for places that run no script", async () => {
    const response = await fetch(`${server.url}/cards/cgroups`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Control groups");
    expect(html).not.toMatch(/<script/);
    // E-mail and RSS readers strip <style> blocks: every rule is on the element itself.
    expect(html).not.toMatch(/<style|class="gd-/);
    expect(html).toMatch(/<article style="[^"]*border:1px solid[^"]*"/);
    expect(html).toContain(`href="${server.url}/concepts/cgroups"`);
  });

  it("render hostile names and summaries as text everywhere", async () => {
    for (const path of ["/cards/hostile-test", "/embed/concept/hostile-test", "/concepts/hostile-test"]) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      expect(html, path).not.toContain(HOSTILE_NAME);
      expect(html, path).toContain("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;Evil");
      expect(html, path).not.toMatch(/<img src=x/);
    }
    const oe = (await (await oembed({ url: `${server.url}/concepts/hostile-test` })).json()) as { html: string };
    expect(oe.html).not.toContain("<script>alert");
  });

  it("show a polite not-found card for unknown concepts", async () => {
    const response = await fetch(`${server.url}/embed/concept/nope`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/Graphdeck has no concept “nope”/);
  });

  it("let only the iframe embed be framed by other sites", async () => {
    const frame = await fetch(`${server.url}/embed/concept/cgroups`);
    expect(frame.headers.get("x-frame-options")).toBeNull();
    expect(frame.headers.get("content-security-policy")).toMatch(/frame-ancestors \*/);
    const page = await fetch(`${server.url}/concepts/cgroups`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });

  it("serves the embed scripts to any origin, or says how to build them", async () => {
    const script = await fetch(`${server.url}/embed.js`);
    expect([200, 503]).toContain(script.status);
    if (script.status === 200) expect(script.headers.get("content-type")).toMatch(/javascript/);
  });
});
