/**
 * The response cache for public GraphQL reads, kept as the bytes that were sent, so a hit costs a
 * hash and a socket write: the HTTP server answers it before any Request object, GraphQL parse,
 * validation or execution exists.
 *
 * - Keyed by a synchronous SHA-256 of everything that shapes the answer: the graph version, the
 *   method, the request's query string (GET) or body and content type (POST), and the Accept header
 *   (which picks the response's media type). SHA-256, not a faster hash, because a key an attacker
 *   could make collide with another request's would let them choose what that request is answered.
 * - Requests with an Authorization header are never looked up nor stored (private data stays
 *   uncached); what may be stored is decided by the GraphQL layer (a query touching nothing
 *   personal, random or time-dependent, answered without errors: see use-cacheable-marker.ts).
 * - Retired with the graph version: the version is part of the key, and the whole cache is
 *   dropped when the version changes (a re-seed here or by another process).
 * - Bounded: least recently used entries leave once the byte budget is reached.
 * - Admission: while the cache holds less than a sixteenth of its budget any cacheable answer is
 *   kept (a fresh or re-seeded server fills quickly); past that, an answer is kept only on its
 *   second miss within the recent past (a "doorkeeper" set of recently missed keys), so a stream of
 *   one-off requests (each with a new variable) neither fills memory nor pushes out the answers that
 *   are asked again and again.
 */
import { createHash } from "node:crypto";
import type { GraphVersion } from "../graph-version.ts";

export interface CachedResponse {
  status: number;
  /** The response's own headers (content type); CORS and policy headers are added per request. */
  headers: Record<string, string>;
  body: Buffer;
  /** The body gzipped, made on the first hit that asks for it. */
  gzipped?: Buffer | undefined;
  expires: number;
}

export interface ResponseCacheOptions {
  graphVersion: GraphVersion;
  /** Bytes of bodies (and keys) kept at most. */
  maxBytes?: number;
  /** A single response bigger than this is never kept. */
  maxEntryBytes?: number;
  ttlMs?: number;
  /** How many recently missed keys the doorkeeper remembers before it starts over. */
  doorkeeperSize?: number;
  now?: () => number;
}

/** An answer as another instance stored it (see server/redis/redis-response-store.ts). */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A cache every instance of a deployment shares (Redis with REDIS_URL), behind this process's own:
 * looked up on a miss here, written when this process keeps an answer. Never throws: a failure is a miss.
 */
export interface SharedResponseStore {
  get(key: string): Promise<StoredResponse | undefined>;
  set(key: string, response: StoredResponse, ttlMs: number): void;
}

/** What a request's cache key is made of. */
export interface CacheKeyParts {
  method: string;
  /** GET: the query string; POST: the body. */
  payload: string | Buffer;
  contentType: string;
  accept: string;
}

const ENTRY_OVERHEAD_BYTES = 200;

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly doorkeeper = new Set<string>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  readonly ttlMs: number;
  private readonly doorkeeperSize: number;
  private readonly now: () => number;
  private readonly graphVersion: GraphVersion;
  private version: string;

  constructor(options: ResponseCacheOptions) {
    this.graphVersion = options.graphVersion;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.doorkeeperSize = options.doorkeeperSize ?? 50_000;
    this.now = options.now ?? Date.now;
    this.version = options.graphVersion.current();
    options.graphVersion.onChange(() => this.retire());
  }

  /** The key of a request. */
  key(parts: CacheKeyParts): string {
    const hash = createHash("sha256");
    hash.update(`${this.currentVersion()}\0${parts.method}\0${parts.contentType}\0${parts.accept}\0`);
    hash.update(parts.payload);
    return hash.digest("base64url");
  }

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.remove(key, entry);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Keeps a cacheable response if the admission policy lets it in; returns whether it did.
   * `headers` is called only then (most one-off answers are turned away, at no cost). `popular`
   * skips the doorkeeper: for an answer another instance already kept (asked again elsewhere).
   */
  offer(key: string, version: string, status: number, body: Buffer, headers: () => Record<string, string>, popular = false): boolean {
    // Made under a graph version that has since changed: its key is already unreachable.
    if (version !== this.currentVersion()) return false;
    const size = sizeOf(key, body);
    if (size > this.maxEntryBytes || this.entries.has(key)) return false;
    if (!popular && this.bytes + size > this.maxBytes / 16 && !this.doorkeeper.delete(key)) {
      if (this.doorkeeper.size >= this.doorkeeperSize) this.doorkeeper.clear();
      this.doorkeeper.add(key);
      return false;
    }
    this.entries.set(key, { status, headers: headers(), body, expires: this.now() + this.ttlMs });
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
    return true;
  }

  /** The graph version keys are made with now (the cache is dropped when it changes). */
  currentVersion(): string {
    const version = this.graphVersion.current();
    if (version !== this.version) this.retire();
    return version;
  }

  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private retire(): void {
    this.version = this.graphVersion.current();
    this.entries.clear();
    this.doorkeeper.clear();
    this.bytes = 0;
  }

  private remove(key: string, entry: CachedResponse): void {
    this.entries.delete(key);
    this.bytes -= sizeOf(key, entry.body) + (entry.gzipped?.length ?? 0);
  }

  /** Keeps the gzipped copy of an entry still in the cache (counted in its budget). */
  addGzipped(key: string, entry: CachedResponse, gzipped: Buffer): void {
    if (this.entries.get(key) !== entry || entry.gzipped) return;
    entry.gzipped = gzipped;
    this.bytes += gzipped.length;
  }
}

function sizeOf(key: string, body: Buffer): number {
  return key.length + body.length + ENTRY_OVERHEAD_BYTES;
}
