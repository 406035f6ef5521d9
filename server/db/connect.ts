/**
 * Opens the database: the embedded PGlite by default, a real PostgreSQL when a
 * URL is given. Both hand back the same drizzle API, so nothing above this
 * file knows which one it talks to.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../schema/index.ts";
import { guardPool } from "./postgres-guard.ts";

export type Schema = typeof schema;

/**
 * Settings every session gets. Fuzzy search counts a name as a near-miss from a
 * word similarity of 0.4 (pg_trgm's default 0.6 misses swapped letters: "dokcer").
 * No JIT compilation: on a graph of a million concepts the planner's cost estimates
 * for a study region's reads (tens of milliseconds each) crossed its threshold, and
 * compiling them took longer than running them (a 270 ms read took 770 ms).
 */
const SESSION_SETTINGS: Record<string, string> = { "pg_trgm.word_similarity_threshold": "0.4", jit: "off" };
/**
 * PGlite's PostgreSQL lives in one WebAssembly memory, which grows to its high-water mark and never
 * shrinks. initdb's 128 MB of shared buffers (sized for a server whose backends share them) had about
 * 120 MB of it resident in the PGlite worker soon after start, for a database of about 25 MB; 16 MB
 * hold the hot part of the graph, and a page beyond them is read back from the OS's file cache (the
 * load bench ran no slower).
 */
const PGLITE_SETTINGS = ["-c", "shared_buffers=16MB"];
/** How many distinct hand-written statements are prepared at most (see connect). */
const PREPARED_STATEMENTS = 200;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = "pglite" | "postgres";

/** A parameter of a raw statement. */
export type SqlParameter = string | number | boolean | null;

/**
 * One SQL statement by text and parameters, answered as rows of column values. On PostgreSQL it is
 * a prepared statement (postgres.js prepares it once per connection and reuses it), so a hot
 * statement is planned once; it is logged like drizzle's statements (tests count them).
 */
export type RawQuery = (text: string, parameters: readonly SqlParameter[]) => Promise<Record<string, unknown>[]>;

export interface Database {
  db: Db;
  kind: DbKind;
  /** Hand-written SQL for hot paths, prepared on PostgreSQL (drizzle's statements are not). */
  query: RawQuery;
  /** Subscribes to NOTIFY on a channel; resolves to a function that unsubscribes. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * PostgreSQL only: a query that bypasses drizzle (and its query log), for background checks
   * that must not show up in what a request is counted as sending.
   */
  background?: (text: string) => Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  /** PGlite folder; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Called with every SQL statement drizzle sends (tests count them). */
  onQuery?: (query: string) => void;
}

export async function connect(options: ConnectOptions): Promise<Database> {
  const onQuery = options.onQuery;
  const logger = onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined;
  if (options.databaseUrl) {
    const max = options.maxConnections ?? 10;
    const client = postgres(options.databaseUrl, {
      max,
      onnotice: () => {},
      connection: SESSION_SETTINGS,
      // While the server is down (a restart), a query fails at once with ECONNREFUSED; these keep
      // the pauses between reconnection attempts short (0.05 s doubling up to 1 s, rather than up
      // to 20 s), so service resumes within about a second of the server's return.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
      connect_timeout: 5,
    });
    // Every connection of the pool guarded against postgres.js's write to a closed socket.
    await guardPool(client, max);
    // postgres.js keeps every statement it prepared, per connection, for the connection's life (and
    // so does the server): only the first PREPARED_STATEMENTS distinct texts are prepared, so clients
    // sending ever new selections (each compiles to new SQL) cannot grow that without bound.
    const prepared = new Set<string>();
    return {
      db: drizzlePostgres(client, { schema, logger }) as unknown as Db,
      kind: "postgres",
      query: async (text, parameters) => {
        onQuery?.(text);
        if (!prepared.has(text) && prepared.size < PREPARED_STATEMENTS) prepared.add(text);
        return [...(await client.unsafe<Record<string, unknown>[]>(text, [...parameters], { prepare: prepared.has(text) }))];
      },
      listen: async (channel, onMessage) => {
        const { unlisten } = await client.listen(channel, onMessage);
        return unlisten;
      },
      background: async (text) => [...(await client.unsafe(text))] as Record<string, unknown>[],
      close: () => client.end({ timeout: 5 }),
    };
  }
  let dataDir: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    dataDir = join(options.dataDir, "pglite");
  }
  // Loaded only when used: PGlite's module alone is ~45 MB of memory a PostgreSQL server never needs.
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
  ]);
  // PGlite's own start parameters (single-user mode and the like) plus ours: given, they replace its defaults.
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
    await client.query("select set_config($1, $2, false)", [name, value]);
  }
  return {
    db: drizzlePglite(client, { schema, logger }) as unknown as Db,
    kind: "pglite",
    query: async (text, parameters) => {
      onQuery?.(text);
      return (await client.query<Record<string, unknown>>(text, [...parameters])).rows;
    },
    listen: (channel, onMessage) => client.listen(channel, onMessage),
    close: () => client.close(),
  };
}
