/**
 * Every page of the web app loads directly (a shared link, a refresh): 200 with
 * the app; an unknown path gets the app's own not-found page with a 404.
 * Needs the built app (`npm install` builds it).
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APP_PAGES } from "../../schema/app-pages.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();
const built = existsSync("dist/app/index.html");

describe.skipIf(!built)("app pages loaded directly (skipped when the app is not built: run npm run build)", () => {
  it.each(Object.entries(APP_PAGES))("%s (%s) answers 200 with the app", async (_, path) => {
    const response = await fetch(`${api.server.url}${path}?seed=1`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app">');
  });

  it("has a favicon and a web app manifest, linked from every page", async () => {
    const html = await (await fetch(`${api.server.url}/`, { headers: { accept: "text/html" } })).text();
    expect(html).toMatch(/<link rel="icon" href="\/favicon.svg"/);
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    const icon = await fetch(`${api.server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    const manifest = await fetch(`${api.server.url}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(((await manifest.json()) as { name: string }).name).toBe("Graphdeck");
  });

  it("an unknown page answers 404 with the app's not-found page", async () => {
    const response = await fetch(`${api.server.url}/no-such-page`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<div id="app">');
    expect(html).toContain("<title>Not found · Graphdeck</title>");
  });
});
