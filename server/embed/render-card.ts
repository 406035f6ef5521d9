/**
 * The concept card as plain HTML: with inline styles only for places that run
 * no script and strip stylesheets (RSS, e-mail: /cards/<slug>), with a
 * stylesheet that follows the reader's colour scheme for the iframe embed and
 * oEmbed's preview.
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

/**
 * The same look as inline style attributes, for readers that strip <style>
 * blocks (e-mail, RSS): the light scheme only, since inline styles cannot ask
 * for the reader's colour scheme.
 */
const INLINE: Record<string, string> = {
  "gd-card": "box-sizing:border-box;max-width:32rem;margin:0;padding:1rem 1.125rem;border:1px solid #d0d7de;border-radius:.75rem;background:#fff;color:#1f2328;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif",
  "gd-kind": "margin:0;font-size:.75rem;letter-spacing:.04em;text-transform:uppercase;color:#57606a",
  "gd-name": "margin:.125rem 0 .375rem;font-size:1.2rem;line-height:1.3",
  "gd-name-link": "color:#0b57d0;text-decoration:none",
  "gd-summary": "margin:0 0 .5rem",
  "gd-source": "margin:0;font-size:.8rem;color:#57606a",
  "gd-footer": "margin-top:.5rem;font-size:.75rem",
  "gd-footer-link": "color:#57606a",
};

export type CardStyling = "stylesheet" | "inline";

/** The attributes that style one part of the card: a class for the stylesheet, or the same rules inline. */
function styled(part: string, styling: CardStyling): string {
  if (styling === "inline") return `style="${INLINE[part] ?? ""}"`;
  return part.endsWith("-link") ? "" : `class="${part}"`;
}

export function conceptUrl(origin: string, slug: string): string {
  return `${origin}/concepts/${encodeURIComponent(slug)}`;
}

export function renderCard(card: CardData, origin: string, styling: CardStyling = "stylesheet"): string {
  const href = escapeHtml(conceptUrl(origin, card.slug));
  const source = card.citations[0];
  const at = (part: string) => styled(part, styling);
  return `<article ${at("gd-card")} lang="en">
<p ${at("gd-kind")}>${escapeHtml(card.kind)}</p>
<h2 ${at("gd-name")}><a href="${href}" target="_top" ${at("gd-name-link")}>${escapeHtml(card.name)}</a></h2>
<p ${at("gd-summary")}>${escapeHtml(card.summary)}</p>
${source ? `<p ${at("gd-source")}>Source: ${escapeHtml(source.title)} — ${escapeHtml(source.locator)}</p>` : ""}
<p ${at("gd-footer")}><a href="${href}" target="_top" ${at("gd-footer-link")}>Study ${escapeHtml(card.name)} on Graphdeck →</a></p>
</article>`;
}

export function renderNotFoundCard(slug: string, origin: string, styling: CardStyling = "stylesheet"): string {
  const at = (part: string) => styled(part, styling);
  return `<article ${at("gd-card")} lang="en">
<p ${at("gd-kind")}>Not found</p>
<p ${at("gd-summary")}>Graphdeck has no concept “${escapeHtml(slug)}”.</p>
<p ${at("gd-footer")}><a href="${escapeHtml(origin)}/" target="_top" ${at("gd-footer-link")}>Browse Graphdeck →</a></p>
</article>`;
}

/** A whole page holding one card; `script` adds the iframe height reporter. */
export function renderCardPage(body: string, title: string, options: { script?: string; styling?: CardStyling } = {}): string {
  const inline = options.styling === "inline";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>${inline ? "" : `<meta name="color-scheme" content="light dark">
<style>html,body{margin:0;padding:0;background:transparent}${CARD_CSS}</style>`}
${options.script ? `<script src="${escapeHtml(options.script)}" defer></script>` : ""}
</head><body${inline ? ' style="margin:0;padding:0"' : ""}>${body}</body></html>`;
}
