/**
 * The web app's pages: the built index.html with a title, head tags and
 * script-free content put in by the server, and the app's hashed assets.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { APP_PAGE_PATHS } from "../../schema/app-pages.ts";
import { escapeHtml } from "../embed/escape-html.ts";
import { DIST_DIR, staticFile } from "./static-files.ts";

export type AppShell = (status: number, content: { title: string; head?: string; body?: string }) => Response;

const APP_DIR = join(DIST_DIR, "app");

const YEAR = 31536000;
const DAY = 86400;

/** The shell renderer, or null when the app has not been built. */
export function loadAppShell(): AppShell | null {
  const file = join(APP_DIR, "index.html");
  if (!existsSync(file)) return null;
  const template = readFileSync(file, "utf8");
  return (status, content) =>
    new Response(
      template
        .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(content.title)}</title>`)
        .replace("<!--graphdeck:head-->", content.head ?? "")
        .replace("<!--graphdeck:body-->", content.body ?? ""),
      { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" } },
    );
}

/** The app's own paths and assets; null for anything else. */
export function appRoute(shell: AppShell | null, request: Request): Response | null {
  const path = new URL(request.url).pathname;
  if (path.startsWith("/assets/")) return staticFile(APP_DIR, path.slice(1), request, YEAR);
  if (path === "/favicon.svg" || path === "/manifest.webmanifest") return staticFile(APP_DIR, path.slice(1), request, DAY);
  if (!shell) return null;
  if (APP_PAGE_PATHS.has(path)) return shell(200, { title: "Graphdeck", body: "<p>Graphdeck needs JavaScript for studying; concept pages and cards work without it.</p>" });
  // Browsers asking for an unknown page get the app's own "not found" page, with a 404.
  if (request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html")) return shell(404, { title: "Not found · Graphdeck" });
  return null;
}
