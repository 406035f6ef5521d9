/** Serves built files from dist/, with ETags; refuses any path that leaves its folder. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

export const DIST_DIR = resolve(new URL("../../dist", import.meta.url).pathname);

const cache = new Map<string, { body: Buffer; etag: string; mtime: number }>();

/** The file at `relative` under `root`, or null when there is none (or the path tries to escape). */
export function staticFile(root: string, relative: string, request: Request, maxAge: number): Response | null {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) return null;
  const mtime = statSync(path).mtimeMs;
  let entry = cache.get(path);
  if (!entry || entry.mtime !== mtime) {
    const body = readFileSync(path);
    entry = { body, etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 16)}"`, mtime };
    cache.set(path, entry);
  }
  const headers = {
    "content-type": TYPES[extname(path)] ?? "application/octet-stream",
    etag: entry.etag,
    "cache-control": maxAge > 0 ? `public, max-age=${maxAge}${maxAge >= 31536000 ? ", immutable" : ""}` : "no-cache",
    "access-control-allow-origin": "*",
  };
  if (request.headers.get("if-none-match") === entry.etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(entry.body), { headers });
}
