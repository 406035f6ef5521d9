/**
 * GET /concepts/:slug — the concept's page. The web app renders it in the
 * browser; the server puts in what must work without scripts: the card, the
 * snippets to embed it, and the oEmbed discovery link, so a CMS given this URL
 * finds the embed.
 */
import type { Db } from "../db/connect.ts";
import { loadCardData } from "../embed/card-data.ts";
import { escapeHtml } from "../embed/escape-html.ts";
import { CARD_CSS, conceptUrl, renderCard, renderNotFoundCard } from "../embed/render-card.ts";
import type { AppShell } from "./app-shell.ts";
import { oembedDiscoveryLink } from "./embed-routes.ts";

export async function conceptPageRoute(db: Db, request: Request, shell: AppShell | null, origin: string): Promise<Response | null> {
  const url = new URL(request.url);
  const match = /^\/concepts\/([^/]+)\/?$/.exec(url.pathname);
  if (!match?.[1]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    slug = match[1];
  }
  const data = await loadCardData(db, slug);
  const page = (status: number, title: string, head: string, body: string) =>
    shell
      ? shell(status, { title, head, body })
      : new Response(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><meta name="color-scheme" content="light dark">${head}
<style>body{margin:0 auto;max-width:48rem;padding:1.5rem;font:16px/1.55 system-ui,sans-serif}${CARD_CSS}pre{overflow:auto;padding:.75rem;border-radius:.5rem;background:#f6f8fa;font-size:.85rem}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}pre{background:#161b22}}</style>
</head><body><main>${body}</main></body></html>`,
      { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=300" } },
    );
  if (!data) return page(404, "Not found · Graphdeck", "", renderNotFoundCard(slug, origin));
  const snippets = [
    ["Script and element", `<script src="${origin}/embed.js" async></script>\n<graphdeck-card concept="${data.slug}" quiz>\n  <a href="${conceptUrl(origin, data.slug)}">${data.name} on Graphdeck</a>\n</graphdeck-card>`],
    ["iframe", `<iframe src="${origin}/embed/concept/${encodeURIComponent(data.slug)}" title="${data.name} · Graphdeck" width="480" height="240" style="border:0;max-width:100%" loading="lazy"></iframe>\n<script src="${origin}/embed.js" async></script>`],
    ["oEmbed", `${conceptUrl(origin, data.slug)}`],
  ];
  return page(
    200,
    `${data.name} · Graphdeck`,
    `${oembedDiscoveryLink(origin, data.slug, `${data.name} · Graphdeck`)}<link rel="canonical" href="${escapeHtml(conceptUrl(origin, data.slug))}">`,
    `${renderCard(data, origin)}<h2>Embed this card</h2>${snippets
      .map(([label, code]) => `<h3>${escapeHtml(label as string)}</h3><pre><code>${escapeHtml(code as string)}</code></pre>`)
      .join("")}`,
  );
}
