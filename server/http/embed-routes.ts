/**
 * Everything other sites embed: the server-rendered card (/cards/:slug), the
 * card alone for an iframe (/embed/concept/:slug), oEmbed (/oembed) and the
 * scripts (/embed.js, /embed/report-height.js).
 */
import { join } from "node:path";
import type { Db } from "../db/connect.ts";
import { loadCardData } from "../embed/card-data.ts";
import { conceptUrl, renderCard, renderCardPage, renderNotFoundCard } from "../embed/render-card.ts";
import { escapeHtml } from "../embed/escape-html.ts";
import { DIST_DIR, staticFile } from "./static-files.ts";

const html = (status: number, body: string, maxAge: number) =>
  new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": `public, max-age=${maxAge}`, "access-control-allow-origin": "*" },
  });

const json = (status: number, body: unknown, maxAge = 0) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": maxAge ? `public, max-age=${maxAge}` : "no-store",
      "access-control-allow-origin": "*",
    },
  });

const ONE_HOUR = 3600;
const OEMBED_CACHE_AGE = 86400;
const DEFAULT_WIDTH = 480;
const DEFAULT_HEIGHT = 240;

/** Answers the embed paths; null for any other path. */
export async function embedRoute(db: Db, request: Request, origin: string): Promise<Response | null> {
  const url = new URL(request.url);
  const path = url.pathname;

  if (path === "/embed.js") return staticFile(join(DIST_DIR, "embed"), "embed.js", request, 300) ?? notBuilt();
  if (path === "/embed/report-height.js") return staticFile(join(DIST_DIR, "embed"), "report-height.js", request, 300) ?? notBuilt();

  const card = /^\/(cards|embed\/concept)\/([^/]+)$/.exec(path);
  if (card?.[1] && card[2]) {
    const slug = safeDecode(card[2]);
    const data = slug === null ? null : await loadCardData(db, slug);
    const script = card[1] === "embed/concept" ? "/embed/report-height.js" : undefined;
    // /cards/<slug> goes into e-mail and RSS, which strip <style>: inline styles only.
    const styling = card[1] === "cards" ? "inline" : "stylesheet";
    if (!data) return html(404, renderCardPage(renderNotFoundCard(slug ?? card[2], origin, styling), "Not found · Graphdeck", { script, styling }), 60);
    return html(200, renderCardPage(renderCard(data, origin, styling), `${data.name} · Graphdeck`, { script, styling }), ONE_HOUR);
  }

  if (path === "/oembed") return oembed(db, url, origin);
  return null;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function notBuilt(): Response {
  return json(503, { error: "The embed script is not built: run `npm run build`." });
}

/** oEmbed 1.0 (https://oembed.com): a `rich` response whose html is the iframe embed. */
async function oembed(db: Db, url: URL, origin: string): Promise<Response> {
  const format = url.searchParams.get("format") ?? "json";
  if (format !== "json") return json(501, { error: `Only format=json is offered, not "${format.slice(0, 20)}".` });
  const target = url.searchParams.get("url");
  if (!target) return json(400, { error: "The url parameter is required: the address of a concept page." });
  let conceptPage: URL;
  try {
    conceptPage = new URL(target);
  } catch {
    return json(400, { error: "The url parameter is not a URL." });
  }
  const match = /^\/concepts\/([^/]+)\/?$/.exec(conceptPage.pathname);
  const slug = match?.[1] ? safeDecode(match[1]) : null;
  const data = conceptPage.origin === origin && slug ? await loadCardData(db, slug) : null;
  if (!data) return json(404, { error: "No Graphdeck concept page at that address." });

  const limit = (name: string): number | null | "bad" => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === "") return null;
    const value = Number(raw);
    return Number.isInteger(value) && value > 0 ? value : "bad";
  };
  const maxWidth = limit("maxwidth");
  const maxHeight = limit("maxheight");
  if (maxWidth === "bad" || maxHeight === "bad") return json(400, { error: "maxwidth and maxheight must be positive whole numbers." });
  const width = Math.min(DEFAULT_WIDTH, maxWidth ?? DEFAULT_WIDTH);
  const height = Math.min(DEFAULT_HEIGHT, maxHeight ?? DEFAULT_HEIGHT);
  const frame = `${origin}/embed/concept/${encodeURIComponent(data.slug)}`;
  return json(
    200,
    {
      version: "1.0",
      type: "rich",
      title: data.name,
      provider_name: "Graphdeck",
      provider_url: `${origin}/`,
      cache_age: OEMBED_CACHE_AGE,
      width,
      height,
      html:
        `<iframe src="${escapeHtml(frame)}" title="${escapeHtml(`${data.name} · Graphdeck`)}" width="${width}" height="${height}" ` +
        `style="border:0;max-width:100%" loading="lazy" data-graphdeck-embed></iframe>` +
        `<script src="${escapeHtml(origin)}/embed.js" async></script>`,
    },
    OEMBED_CACHE_AGE,
  );
}

/** The discovery tag concept pages carry, so an oEmbed consumer finds the endpoint from the page URL. */
export function oembedDiscoveryLink(origin: string, slug: string, title: string): string {
  const href = `${origin}/oembed?url=${encodeURIComponent(conceptUrl(origin, slug))}&format=json`;
  return `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(href)}" title="${escapeHtml(title)}">`;
}
