/**
 * The concept card as plain HTML with inline styles: for places that run no
 * script (RSS, e-mail previews), for the iframe embed, and as oEmbed's preview.
 */
import type { CardData } from "./card-data.ts";
import { escapeHtml } from "./escape-html.ts";

export const CARD_CSS = `
.gd-card{box-sizing:border-box;max-width:32rem;margin:0;padding:1rem 1.125rem;border:1px solid #d0d7de;border-radius:.75rem;background:#fff;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.gd-kind{margin:0;font-size:.75rem;letter-spacing:.04em;text-transform:uppercase;color:#57606a}
.gd-name{margin:.125rem 0 .375rem;font-size:1.2rem;line-height:1.3}
.gd-name a{color:#0b57d0;text-decoration:none}.gd-name a:hover{text-decoration:underline}
.gd-summary{margin:0 0 .5rem}
.gd-source{margin:0;font-size:.8rem;color:#57606a}
.gd-footer{margin-top:.5rem;font-size:.75rem}.gd-footer a{color:#57606a}
@media (prefers-color-scheme:dark){.gd-card{background:#161b22;color:#e6edf3;border-color:#30363d}.gd-kind,.gd-source,.gd-footer a{color:#9198a1}.gd-name a{color:#79b8ff}}
`;

export function conceptUrl(origin: string, slug: string): string {
  return `${origin}/concepts/${encodeURIComponent(slug)}`;
}

export function renderCard(card: CardData, origin: string): string {
  const href = escapeHtml(conceptUrl(origin, card.slug));
  const source = card.citations[0];
  return `<article class="gd-card" lang="en">
<p class="gd-kind">${escapeHtml(card.kind)}</p>
<h2 class="gd-name"><a href="${href}" target="_top">${escapeHtml(card.name)}</a></h2>
<p class="gd-summary">${escapeHtml(card.summary)}</p>
${source ? `<p class="gd-source">Source: ${escapeHtml(source.title)} — ${escapeHtml(source.locator)}</p>` : ""}
<p class="gd-footer"><a href="${href}" target="_top">Study ${escapeHtml(card.name)} on Graphdeck →</a></p>
</article>`;
}

export function renderNotFoundCard(slug: string, origin: string): string {
  return `<article class="gd-card" lang="en">
<p class="gd-kind">Not found</p>
<p class="gd-summary">Graphdeck has no concept “${escapeHtml(slug)}”.</p>
<p class="gd-footer"><a href="${escapeHtml(origin)}/" target="_top">Browse Graphdeck →</a></p>
</article>`;
}

/** A whole page holding one card; `script` adds the iframe height reporter. */
export function renderCardPage(body: string, title: string, options: { script?: string } = {}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><meta name="color-scheme" content="light dark">
<style>html,body{margin:0;padding:0;background:transparent}${CARD_CSS}</style>
${options.script ? `<script src="${escapeHtml(options.script)}" defer></script>` : ""}
</head><body>${body}</body></html>`;
}
