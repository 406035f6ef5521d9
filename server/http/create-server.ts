/**
 * The HTTP server. Every request is read here (with a size limit), handed to
 * the route that owns its path as a fetch Request, and its Response written
 * back with the security headers all routes share.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import type { Database } from "../db/connect.ts";
import type { GraphVersion } from "../graph-version.ts";
import { createGraphqlServer } from "../graphql/create-yoga.ts";
import { createGraphSnapshotCache } from "../study/graph-snapshot.ts";
import { warmUpStudy, type WarmUpOutcome } from "../study/warm-up.ts";
import { ankiCsvResponse } from "./anki-csv-route.ts";
import { appRoute, loadAppShell } from "./app-shell.ts";
import { conceptPageRoute } from "./concept-page-route.ts";
import { embedRoute } from "./embed-routes.ts";
import { gzip, shouldCompress } from "./compress.ts";
import { BodyTooLargeError, readBody } from "./read-body.ts";
import { securityHeaders } from "./security-headers.ts";

// Big enough for a learner's exported progress, small enough to refuse floods early.
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerOptions {
  database: Database;
  graphVersion: GraphVersion;
  trustedOrigins?: readonly string[];
  quizSecret?: string | undefined;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

/** The HTTP server, plus a way to wait for the requests it is still working on. */
export type GraphdeckServer = Server & {
  /** Resolves once no request is being handled (at once when none is). */
  idle(): Promise<void>;
  /** Loads the current graph and builds its study material now, before a learner asks for it. */
  warmUp(): Promise<WarmUpOutcome>;
};

export function createHttpServer(options: HttpServerOptions): GraphdeckServer {
  const snapshot = createGraphSnapshotCache(options.database.db, options.graphVersion);
  const shell = loadAppShell();
  const yoga = createGraphqlServer({
    snapshot,
    db: options.database.db,
    graphVersion: options.graphVersion,
    trustedOrigins: options.trustedOrigins ?? [],
    quizSecret: options.quizSecret,
  });

  async function route(req: IncomingMessage, res: ServerResponse, request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === "/health") return health(options.database);
    if (path === "/graphql") return withCacheControl(request, await yoga.fetch(request, { req, res }));
    const anki = /^\/decks\/([^/]+)\/anki\.csv$/.exec(path);
    if (anki?.[1]) return ankiCsvResponse(await snapshot(), decodeURIComponent(anki[1]));
    const page =
      (await embedRoute(options.database.db, request)) ??
      (await conceptPageRoute(options.database.db, request, shell)) ??
      appRoute(shell, request);
    if (page) return page;
    return json(404, { error: "Not found." });
  }

  // Requests whose handler is still running, even if their client has gone: shutdown waits for
  // them before closing the database, so none fails half-way on a closed connection.
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    inFlight++;
    void (async () => {
      let response: Response;
      try {
        response = await route(req, res, await toRequest(req));
      } catch (error) {
        response =
          error instanceof BodyTooLargeError
            ? json(413, { errors: [{ message: `The request body is over the ${MAX_BODY_BYTES / 1024} KiB limit.` }] })
            : json(500, { errors: [{ message: "Unexpected error." }] });
        if (!(error instanceof BodyTooLargeError)) console.error(error);
      }
      await send(req, res, response, isFrameable(req.url ?? "/"));
    })().finally(() => {
      if (--inFlight === 0) {
        for (const wake of waiters) wake();
        waiters = [];
      }
    });
  });
  return Object.assign(server, {
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    warmUp: async () => {
      const graph = await snapshot();
      return warmUpStudy(graph, () => options.graphVersion.current() === graph.version);
    },
  });
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = hasBody ? await readBody(req, MAX_BODY_BYTES) : undefined;
  return new Request(url, { method, headers, body: body && body.length > 0 ? new Uint8Array(body) : undefined });
}

/** Only the embed pages may be framed by other sites. */
function isFrameable(url: string): boolean {
  return url.startsWith("/embed/concept/");
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response, frameable: boolean): Promise<void> {
  const contentType = response.headers.get("content-type") ?? "";
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  Object.assign(headers, securityHeaders({ frameable, html: contentType.startsWith("text/html") }));
  let body: Buffer = Buffer.from(await response.arrayBuffer());
  if (shouldCompress(req.headers["accept-encoding"], contentType, body.length)) {
    body = gzip(body);
    headers["content-encoding"] = "gzip";
    headers.vary = [headers.vary, "Accept-Encoding"].filter(Boolean).join(", ");
  }
  res.writeHead(response.status, { ...headers, "content-length": String(body.length) });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Successful public GET reads may be cached by browsers and CDNs for a minute
 * (and served stale while revalidating); anything personal, failed or written is not.
 */
async function withCacheControl(request: Request, response: Response): Promise<Response> {
  let cacheable = request.method === "GET" && response.status === 200 && !request.headers.get("authorization");
  if (cacheable && (response.headers.get("content-type") ?? "").includes("json")) {
    const text = await response.clone().text();
    cacheable = !text.includes('"errors"');
  } else {
    cacheable = false;
  }
  const headers = new Headers(response.headers);
  headers.set("cache-control", cacheable ? "public, max-age=60, stale-while-revalidate=600" : "no-store");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function health(database: Database): Promise<Response> {
  try {
    await database.db.execute(sql`select 1`);
    return json(200, { status: "ok", db: database.kind }, { "cache-control": "no-store" });
  } catch {
    return json(503, { status: "unavailable", db: database.kind }, { "cache-control": "no-store" });
  }
}
