/**
 * Content-Security-Policy for HTML responses: scripts only from our origin,
 * plus — for a page that has inline scripts (GraphiQL) — exactly those
 * scripts, by hash. No page gets `'unsafe-inline'` for scripts.
 */
import { createHash } from "node:crypto";

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;
const hashes = new Map<string, string>();

function inlineScriptHashes(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1] ?? "";
    if (!body.trim()) continue;
    let hash = hashes.get(body);
    if (!hash) {
      hash = `'sha256-${createHash("sha256").update(body).digest("base64")}'`;
      if (hashes.size < 100) hashes.set(body, hash);
    }
    found.push(hash);
  }
  return found;
}

export function htmlContentSecurityPolicy(html: string, frameAncestors: string): string {
  const scripts = ["'self'", ...inlineScriptHashes(html)].join(" ");
  return `default-src 'self'; script-src ${scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ${frameAncestors}`;
}
