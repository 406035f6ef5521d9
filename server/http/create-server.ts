/**
 * The HTTP server. Every request is checked (method, Host, path encoding), read
 * here (with a size limit), handed to the route that owns its path, and its
 * answer written back with the security headers all routes share. Client
 * mistakes get a short 4xx; a database outage a 503.
 *
 * /graphql is the hot path: a public read the response cache holds is answered
 * from its bytes before any Request object exists (response-cache.ts); anything
 * else goes to yoga as a Request of yoga's own fetch implementation (lighter
 * than Node's global one), and yoga's Response is read once, as bytes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import type { Database } from "../db/connect.ts";
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from "../db/unavailable.ts";
import type { GraphVersion } from "../graph-version.ts";
import { corsHeaders, createGraphqlServer } from "../graphql/create-yoga.ts";
import type { RateLimiter } from "../graphql/plugins/rate-limit.ts";
import { overTimeMessage, responseLimits } from "../graphql/plugins/use-request-limits.ts";
import { createRoomBus, type RoomEventTarget } from "../rooms/room-events.ts";
import { createStudyGraphs } from "../study/study-graphs.ts";
import { warmUpStudy, type WarmUpOutcome } from "../study/warm-up.ts";
import { ankiCsvResponse } from "./anki-csv-route.ts";
import { appRoute, loadAppShell } from "./app-shell.ts";
import { createCompiledAnswers, type Carried, type CompiledConcept } from "./compiled-answers.ts";
import { conceptPageRoute } from "./concept-page-route.ts";
import { embedRoute } from "./embed-routes.ts";
import { gzip, shouldCompress } from "./compress.ts";
import { LIMITS } from "./limits.ts";
import { createPublicOrigin } from "./public-origin.ts";
import { BadBodyError, BodyTooLargeError, createGate, readBody } from "./read-body.ts";
import { ResponseCache, type CachedResponse, type SharedResponseStore } from "./response-cache.ts";
import { logError } from "./safe-log.ts";
import { securityHeaders } from "./security-headers.ts";
import { graphqlCacheControl, PUBLIC_READ_CACHE_CONTROL, varyOnAuthorization } from "./graphql-cache-control.ts";

// Big enough for ordinary requests, small enough to refuse floods early (imports may be bigger: see LIMITS).
export const MAX_BODY_BYTES = LIMITS.bodyBytes;

export interface HttpServerOptions {
  database: Database;
  graphVersion: GraphVersion;
  trustedOrigins?: readonly string[];
  quizSecret?: string | undefined;
  /** PUBLIC_URL's origin: absolute links are built from it. */
  publicUrl?: string | undefined;
  /** The port served, for links when PUBLIC_URL is unset (setPort once listening on port 0). */
  port?: number | undefined;
  /** Where mutation counts are kept for rate limits (in memory unless given). */
  rateLimiter?: RateLimiter | undefined;
  /** Proxies in front that append to X-Forwarded-For (TRUST_PROXY); 0 means none. */
  trustProxy?: number | undefined;
  /** REDIS_URL's event target for live rooms; without it, rooms' changes go through the database's NOTIFY. */
  roomEvents?: RoomEventTarget | undefined;
  /** REDIS_URL's response cache, shared by every instance behind this process's own. */
  sharedResponses?: SharedResponseStore | undefined;
  /** STUDY_WHOLE_GRAPH_LIMIT: above this many concepts, study material is made from regions (default 20,000). */
  studyWholeGraphLimit?: number | undefined;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });

const refuse = (status: number, message: string, headers: Record<string, string> = {}) =>
  json(status, { errors: [{ message, extensions: { code: status === 503 ? "UNAVAILABLE" : "BAD_REQUEST" } }] }, { "cache-control": "no-store", ...headers });

/** A request refused before any route sees it. */
class RefusedRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

/** The HTTP server, plus a way to wait for the requests it is still working on. */
export type GraphdeckServer = Server & {
  /** Resolves once no request is being handled (at once when none is). */
  idle(): Promise<void>;
  /** Ends every subscription being streamed (at shutdown: clients reconnect elsewhere). */
  endStreams(): void;
  /** Loads the current graph and builds its study material now, before a learner asks for it. */
  warmUp(): Promise<WarmUpOutcome>;
  /** The port actually listened on (links use it when PUBLIC_URL is unset). */
  setPort(port: number): void;
};

/** What yoga receives besides the Request: node's objects and how big the body was. */
export interface RequestFacts {
  bodyBytes: number;
  address: string;
  /** Set by the GraphQL layer when the answer may be kept by the response cache. */
  cacheable?: boolean;
  /** Set by the GraphQL layer when it answered from a compiled statement (see compiled-answers.ts). */
  compiled?: CompiledConcept;
  /** Set by the GraphQL layer: whether the query's cost was estimated with the graph version's own statistics. */
  costedOnCurrentStats?: boolean;
}

/** An answer ready to be written: status, headers and the body's bytes. */
interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body already gzipped (cached answers keep theirs), used when the client accepts gzip. */
  gzipped?: Buffer | undefined;
  /** Called with the gzipped body when it had to be made here (so the cache can keep it). */
  onGzipped?: ((gzipped: Buffer) => void) | undefined;
  /** A subscription's server-sent events: written as they come, for as long as they last. */
  stream?: ReadableStream<Uint8Array> | undefined;
}

/** Headers of yoga's answer the cache does not keep: they are made for each request. */
const PER_REQUEST_HEADERS = /^(access-control-|vary$|cache-control$|content-length$)/;

export function createHttpServer(options: HttpServerOptions): GraphdeckServer {
  const study = createStudyGraphs(options.database, options.graphVersion, { wholeGraphLimit: options.studyWholeGraphLimit ?? 20_000 });
  const shell = loadAppShell();
  const publicOrigin = createPublicOrigin(options.publicUrl, options.port);
  // Room changes made by other workers or servers on the same database reach this one's screens too.
  const roomBus = createRoomBus(options.database.db, { listen: options.database.listen, ...(options.roomEvents ? { shared: options.roomEvents } : {}) });
  const yoga = createGraphqlServer({
    roomBus,
    study,
    db: options.database.db,
    query: options.database.query,
    graphVersion: options.graphVersion,
    // The address people use (PUBLIC_URL) is our own origin too: behind an HTTPS proxy the request's
    // own URL says http://<Host>, and the app's token-less mutations (startLearner) come from https://.
    trustedOrigins: [...(options.trustedOrigins ?? []), ...(options.publicUrl ? [options.publicUrl] : [])],
    quizSecret: options.quizSecret,
    rateLimiter: options.rateLimiter,
  });
  const bigBodies = createGate(LIMITS.concurrentBigBodies);
  const cache = new ResponseCache({ graphVersion: options.graphVersion });
  const compiledAnswers = createCompiledAnswers(options.database.query);
  let studyReady = false;

  /**
   * Answers being made for token-less requests, by cache key. When many clients ask the same thing
   * at once (a cold cache under load), one request executes and the others wait for its answer
   * instead of each running the same query: under 256 connections a fresh worker otherwise ran each
   * query hundreds of times at once, holding all of them in memory, and on PGlite's one connection
   * the last ones waited seconds. Resolves to the answer when it may be shared (what the response
   * cache may keep), else to null, and each waiting request then runs on its own.
   */
  const inProgress = new Map<string, Promise<CachedResponse | null>>();

  /** /graphql: from the response cache when it holds the answer, else from yoga (and offered to the cache). */
  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer | undefined, facts: RequestFacts): Promise<Reply> {
    const method = req.method ?? "GET";
    // A subscription (server-sent events) is a stream of its own, never shared or kept.
    const streaming = (req.headers.accept ?? "").includes("text/event-stream");
    // Anything with a token may be personal: never looked up, never kept.
    const shared = (method === "GET" || method === "POST") && !req.headers.authorization && !streaming;
    const version = cache.currentVersion();
    let key: string | null = null;
    if (shared) {
      key = cache.key({ method, payload: method === "GET" ? url.search : (body ?? ""), contentType: req.headers["content-type"] ?? "", accept: req.headers.accept ?? "" });
      const hit = cache.get(key);
      if (hit) return cachedReply(req, key, hit, "memory");
      const made = await inProgress.get(key);
      if (made) return cachedReply(req, key, made, "memory");
    }
    let share: ((made: CachedResponse | null) => void) | undefined;
    if (key !== null && !inProgress.has(key)) inProgress.set(key, new Promise((resolve) => (share = resolve)));
    try {
      const stored = key !== null && share ? await options.sharedResponses?.get(key) : undefined;
      if (key !== null && stored) {
        cache.offer(key, version, stored.status, stored.body, () => stored.headers, true);
        const made: CachedResponse = { ...stored, expires: 0 };
        share?.(made);
        return cachedReply(req, key, cache.get(key) ?? made, "shared");
      }
      // A concept query yoga has answered from its compiled statement before, answered without yoga
      // (compiled-answers.ts). Only token-less POSTs and GETs without an Origin (which a page's own
      // GETs do not send, and a page of another site's do): the rest go to yoga.
      const sent = { contentType: req.headers["content-type"] ?? "", accept: req.headers.accept ?? "" };
      const carried: Carried | null = method === "GET" ? { method, search: url.search } : method === "POST" && body ? { method, body } : null;
      const early = key !== null && carried !== null && req.headers.origin === undefined ? carried : null;
      const answered = early ? await compiledAnswers.answer(version, sent, early) : null;
      let reply: Reply;
      if (answered === "over time") {
        // The request's whole budget is spent: answered as yoga answers it then, not tried again.
        reply = await toReply(json(503, { errors: [{ message: overTimeMessage(LIMITS.requestMs), extensions: { code: "TIMEOUT" } }] }));
      } else if (answered) {
        reply = { status: 200, ...answered };
        facts.cacheable = true;
      } else {
        // Aborted when the client goes away before its answer is sent, so a subscription stops listening
        // to its room; not once the answer is sent (nothing is left to stop, and aborting then made an
        // AbortError for every request).
        const gone = new AbortController();
        res.once("close", () => res.writableFinished || gone.abort());
        const request = new yoga.fetchAPI.Request(url, {
          method,
          headers: requestHeaders(req),
          body: body && body.length > 0 ? new Uint8Array(body) : undefined,
          signal: gone.signal,
        });
        const response = await yoga.fetch(request, { req, res, facts });
        // The content type first: reading `body` turns an answer yoga holds as a string into a stream,
        // encoding it once more than reading it whole does.
        if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream") && response.body) {
          return { ...(await toReply(new Response(null, { status: response.status, headers: response.headers }))), stream: response.body };
        }
        reply = await limitReply(request, response);
      }
      const hasErrors = reply.body.includes('"errors"');
      reply.headers["cache-control"] = graphqlCacheControl({ method, status: reply.status, shared, json: isJson(reply), hasErrors, cacheable: facts.cacheable === true });
      if (reply.headers["cache-control"] === PUBLIC_READ_CACHE_CONTROL) reply.headers.vary = varyOnAuthorization(reply.headers.vary);
      if (key && facts.cacheable && reply.status === 200) {
        let kept: Record<string, string> | undefined;
        const headers = () => {
          if (kept) return kept;
          kept = {};
          for (const [name, value] of Object.entries(reply.headers)) if (!PER_REQUEST_HEADERS.test(name)) kept[name] = value;
          return kept;
        };
        // Learnt only from a JSON answer costed with this version's statistics (what the next requests would get).
        if (early && !answered && facts.compiled && facts.costedOnCurrentStats && isJson(reply) && !hasErrors) {
          compiledAnswers.learn(version, sent, early, facts.compiled, headers());
        }
        if (cache.offer(key, version, reply.status, reply.body, headers)) {
          options.sharedResponses?.set(key, { status: reply.status, headers: headers(), body: reply.body }, cache.ttlMs);
        }
        share?.({ status: reply.status, headers: headers(), body: reply.body, expires: 0 });
      }
      return reply;
    } finally {
      if (share && key !== null) {
        share(null);
        inProgress.delete(key);
      }
    }
  }

  /** A kept answer; `x-cache` says where it was kept (this process's memory, or the cache all instances share). */
  function cachedReply(req: IncomingMessage, key: string, hit: CachedResponse, from: "memory" | "shared"): Reply {
    const origin = req.headers.origin;
    return {
      status: hit.status,
      headers: {
        ...hit.headers,
        "x-cache": `hit-${from}`,
        ...(origin ? corsHeaders(origin) : {}),
        // Only answers marked cacheable are kept, so a kept GET is public (see graphql-cache-control.ts).
        ...(req.method === "GET" ? { "cache-control": PUBLIC_READ_CACHE_CONTROL, vary: varyOnAuthorization(origin ? corsHeaders(origin).vary : undefined) } : { "cache-control": "no-store" }),
      },
      body: hit.body,
      gzipped: hit.gzipped,
      onGzipped: (gzipped) => cache.addGzipped(key, hit, gzipped),
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse, request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === "/health") return json(200, { status: "ok", db: options.database.kind }, { "cache-control": "no-store" });
    if (path === "/health/ready") return ready(options.database, studyReady);
    const anki = /^\/decks\/([^/]+)\/anki\.csv$/.exec(path);
    if (anki?.[1]) return ankiCsvResponse(study, decodeURIComponent(anki[1]));
    const origin = publicOrigin(request);
    const page =
      (await embedRoute(options.database.db, request, origin)) ??
      (await conceptPageRoute(options.database.db, request, shell, origin)) ??
      appRoute(shell, request);
    if (page) return page;
    return json(404, { error: "Not found." });
  }

  // Subscriptions being streamed: ended at shutdown (their clients reconnect, to another process).
  const streams = new Set<() => void>();

  // Requests whose handler is still running, even if their client has gone: shutdown waits for
  // them before closing the database, so none fails half-way on a closed connection.
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    inFlight++;
    void (async () => {
      let reply: Reply;
      let leave: (() => void) | null = null;
      try {
        const checked = checkRequest(req);
        const limit = bodyLimit(req, checked.pathname);
        if (limit > LIMITS.bodyBytes) {
          leave = bigBodies.tryEnter();
          if (!leave) throw new RefusedRequest(503, "Too many large uploads at once; try again in a few seconds.", { "retry-after": "5" });
        }
        const url = requestUrl(req, checked.host);
        const body = await requestBody(req, limit);
        if (checked.pathname === "/graphql") {
          reply = await graphql(req, res, url, body, { bodyBytes: body?.length ?? 0, address: clientAddress(req, options.trustProxy ?? 0) });
        } else {
          const request = new Request(url, { method: req.method ?? "GET", headers: requestHeaders(req), body: body && body.length > 0 ? new Uint8Array(body) : undefined });
          reply = await toReply(await route(req, res, request));
        }
      } catch (error) {
        reply = await toReply(errorResponse(error));
      } finally {
        leave?.();
      }
      if (reply.stream) await sendStream(res, reply, streams);
      else send(req, res, reply, isFrameable(req.url ?? "/"));
    })()
      .catch((error: unknown) => {
        logError("sending a response", error);
        res.destroy();
      })
      .finally(() => {
        if (--inFlight === 0) {
          for (const wake of waiters) wake();
          waiters = [];
        }
      });
  });
  // A request line or headers node cannot parse (e.g. a bad Host or an invalid character): a short 400.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (error.code !== "HPE_INVALID_HEADER_TOKEN" && !error.code?.startsWith("HPE_"))) {
      socket.destroy();
      return;
    }
    const [status, message] = error.code === "HPE_HEADER_OVERFLOW" ? ["431 Request Header Fields Too Large", "Headers too large."] : ["400 Bad Request", "Malformed request."];
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n{"errors":[{"message":"${message}"}]}`);
  });
  // Slow clients may not hold a connection open forever: headers within 10 s, the whole request
  // (a 16 MiB import on a slow link included) within 60 s.
  server.on("close", () => void roomBus.close());
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  let port = options.port;
  return Object.assign(server, {
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    endStreams: () => {
      for (const end of streams) end();
    },
    warmUp: async () => {
      const version = options.graphVersion.current();
      const outcome = await warmUpStudy(study, () => options.graphVersion.current() === version);
      if (outcome.finished) studyReady = true;
      return outcome;
    },
    setPort: (value: number) => {
      port = value;
      publicOrigin.setPort(port);
    },
  });
}

/**
 * The client's address, for rate limits: the peer, or — behind `hops` trusted proxies — the
 * address the outermost of them saw (X-Forwarded-For, counted from the right: entries further
 * left were written by the client and prove nothing).
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const peer = req.socket.remoteAddress ?? "";
  if (hops <= 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - hops] ?? forwarded[0] ?? peer;
}

function errorResponse(error: unknown): Response {
  if (error instanceof RefusedRequest) return refuse(error.status, error.message, error.headers);
  if (error instanceof BodyTooLargeError) return refuse(413, `The request body is over the ${error.limit / 1024} KiB limit.`);
  if (error instanceof BadBodyError) return refuse(400, error.message);
  if (error instanceof URIError) return refuse(400, "The path has invalid percent-encoding.");
  if (isDatabaseUnavailable(error)) {
    logError("request", error);
    return refuse(503, UNAVAILABLE_MESSAGE, { "retry-after": "2" });
  }
  logError("request", error);
  return json(500, { errors: [{ message: "Unexpected error." }] });
}

/** Method, Host and path checked before anything else; throws RefusedRequest. */
function checkRequest(req: IncomingMessage): { host: string; pathname: string } {
  const method = req.method ?? "GET";
  if (!METHODS.has(method)) throw new RefusedRequest(405, `Method ${method.slice(0, 20)} is not allowed.`, { allow: [...METHODS].join(", ") });
  const hostHeader = req.headers.host;
  if (!hostHeader) throw new RefusedRequest(400, "The Host header is missing or empty.");
  let host: URL;
  try {
    host = new URL(`http://${hostHeader}`);
  } catch {
    throw new RefusedRequest(400, "The Host header is not a valid host.");
  }
  if (host.username || host.password || host.pathname !== "/" || host.search || host.hash || host.host !== hostHeader.toLowerCase()) {
    throw new RefusedRequest(400, "The Host header is not a valid host.");
  }
  const target = req.url ?? "/";
  // A fragment is never sent in HTTP; read with one, yoga's parameters (the whole URL) and the rest's (its
  // search part) would differ.
  if (target.includes("#")) throw new RefusedRequest(400, "The request target holds a fragment (#), which HTTP requests do not carry.");
  let url: URL;
  try {
    url = new URL(target.startsWith("/") ? target : target === "*" ? "/" : target, "http://localhost");
  } catch {
    throw new RefusedRequest(400, "The request target is not a valid path.");
  }
  if (!target.startsWith("/") && target !== "*" && !/^https?:\/\//i.test(target)) throw new RefusedRequest(400, "The request target is not a valid path.");
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    throw new RefusedRequest(400, "The path has invalid percent-encoding.");
  }
  // PostgreSQL text cannot hold NUL: refuse it here rather than fail in a query.
  if (decoded.includes("\u0000") || [...url.searchParams].some(([name, value]) => name.includes("\u0000") || value.includes("\u0000"))) {
    throw new RefusedRequest(400, "The request target contains a NUL character.");
  }
  return { host: host.host, pathname: url.pathname };
}

/** Bigger bodies only where an import may come: a learner's POST /graphql. */
function bodyLimit(req: IncomingMessage, pathname: string): number {
  const method = req.method ?? "GET";
  if (method !== "POST" || pathname !== "/graphql" || !/^Bearer\s+\S/i.test(req.headers.authorization ?? "")) return LIMITS.bodyBytes;
  const declared = Number(req.headers["content-length"] ?? NaN);
  const gzipped = (req.headers["content-encoding"] ?? "").toLowerCase().includes("gzip");
  if (!gzipped && Number.isFinite(declared) && declared <= LIMITS.bodyBytes) return LIMITS.bodyBytes;
  return LIMITS.importBodyBytes;
}

function requestUrl(req: IncomingMessage, host: string): URL {
  const target = req.url ?? "/";
  return new URL(target.startsWith("/") ? target : target === "*" ? "/" : new URL(target).pathname + new URL(target).search, `http://${host}`);
}

/** The request's headers for a fetch Request; the body is handed over already inflated, so not its encoding or length. */
function requestHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "content-encoding" || name === "content-length") continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

async function requestBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const method = req.method ?? "GET";
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS" ? readBody(req, limit) : undefined;
}

async function toReply(response: Response): Promise<Reply> {
  const headers: Record<string, string> = {};
  // yoga's own Headers keep the case names were set with ('Content-Length'); node's writeHead does not merge cases.
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** A response over the request's response limit is replaced by an error saying so. */
export async function limitResponse(request: Request, response: Response): Promise<Response> {
  const reply = await limitReply(request, response);
  return new Response(new Uint8Array(reply.body), { status: reply.status, headers: reply.headers });
}

function isJson(reply: Reply): boolean {
  return (reply.headers["content-type"] ?? "").includes("json");
}

/** Only the embed pages may be framed by other sites. */
function isFrameable(url: string): boolean {
  return url.startsWith("/embed/concept/");
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply, frameable: boolean): void {
  const contentType = reply.headers["content-type"] ?? "";
  const headers: Record<string, string> = { ...reply.headers };
  let body = reply.body;
  const html = contentType.startsWith("text/html") ? body.toString("utf8") : null;
  Object.assign(headers, securityHeaders({ frameable, html }));
  if (shouldCompress(req.headers["accept-encoding"], contentType, body.length)) {
    if (reply.gzipped) body = reply.gzipped;
    else {
      body = gzip(body);
      reply.onGzipped?.(body);
    }
    headers["content-encoding"] = "gzip";
    headers.vary = [headers.vary, "Accept-Encoding"].filter(Boolean).join(", ");
  }
  if (res.destroyed) return;
  // The body goes whole, with its length: a chunked encoding yoga named (its multipart answers) would
  // make the response invalid HTTP beside a Content-Length.
  delete headers["transfer-encoding"];
  headers["content-length"] = String(body.length);
  res.writeHead(reply.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Writes server-sent events as yoga makes them, unbuffered and uncompressed (gzip would hold events
 * back), until the subscription ends, the client goes away or the server shuts down.
 */
async function sendStream(res: ServerResponse, reply: Reply, streams: Set<() => void>): Promise<void> {
  const stream = reply.stream;
  if (!stream || res.destroyed) {
    await stream?.cancel();
    return;
  }
  const headers: Record<string, string> = { ...reply.headers, ...securityHeaders({ frameable: false, html: null }), "cache-control": "no-store", "x-accel-buffering": "no" };
  delete headers["content-length"];
  res.writeHead(reply.status, headers);
  res.flushHeaders();
  const reader = stream.getReader();
  const end = () => void reader.cancel().catch(() => {});
  streams.add(end);
  res.once("close", end);
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!res.write(chunk.value)) await drained(res);
    }
  } catch (error) {
    // A stream cancelled because its client left is no failure.
    if (!res.destroyed) logError("streaming a subscription", error);
  } finally {
    streams.delete(end);
    res.off("close", end);
    res.end();
  }
}

/** Until the response's buffer has room again (or the client is gone), leaving no listener behind. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * yoga's answer as bytes; a GraphQL result over the request's response limit is replaced by an
 * error saying so. GraphQL results only: GraphiQL's page, with its bundled scripts, is bigger and static.
 */
async function limitReply(request: Request, response: Response): Promise<Reply> {
  const reply = await toReply(response);
  if (!isJson(reply) || reply.body.length === 0) return reply;
  const limit = responseLimits.get(request) ?? LIMITS.responseBytes;
  if (reply.body.length <= limit) return reply;
  return toReply(
    json(
      400,
      { errors: [{ message: `The response would be over the ${Math.round(limit / 1024)} KiB limit: ask for fewer items.`, extensions: { code: "RESPONSE_TOO_LARGE" } }] },
      { "cache-control": "no-store" },
    ),
  );
}

/** Readiness: the database answers (within 2 s) and the study material has been built. */
async function ready(database: Database, studyReady: boolean): Promise<Response> {
  let databaseOk = false;
  try {
    await Promise.race([
      database.db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 2000).unref()),
    ]);
    databaseOk = true;
  } catch {
    databaseOk = false;
  }
  const ok = databaseOk && studyReady;
  return json(
    ok ? 200 : 503,
    { status: ok ? "ready" : "unavailable", db: database.kind, database: databaseOk ? "ok" : "unreachable", study: studyReady ? "ready" : "building" },
    { "cache-control": "no-store" },
  );
}
