/**
 * Which version of the graph this server is serving: the hash of the last
 * seed. Cached responses are keyed by it, so a re-seed — by this process or
 * another one on the same database (announced with NOTIFY) — retires them.
 */
import { eq } from "drizzle-orm";
import { seedState } from "../schema/index.ts";
import type { Database } from "./db/connect.ts";
import { GRAPH_SEEDED_CHANNEL } from "./seed/apply-seeds.ts";

export interface GraphVersion {
  current(): string;
  /** Calls the listener with each new version, until the returned function is called. */
  onChange(listener: (version: string) => void): () => void;
  stop(): Promise<void>;
}

/**
 * How often the stored version is read as well, in case a NOTIFY was missed: postgres.js re-listens
 * after a lost connection, but a re-listen that meets the server still down is dropped for good.
 */
export const GRAPH_VERSION_POLL_MS = 5000;

/** A second way versions travel between instances (Redis, see server/redis/redis-graph-version.ts). */
export interface VersionChannel {
  /** Tells every instance listening of this version. */
  announce(version: string): void;
  /** Calls `onVersion` with each version announced; resolves to a function that stops it. */
  listen(onVersion: (version: string) => void): Promise<() => Promise<void>>;
}

export interface TrackGraphVersionOptions {
  pollMs?: number;
  shared?: VersionChannel | undefined;
}

export async function trackGraphVersion(database: Database, options: TrackGraphVersionOptions = {}): Promise<GraphVersion> {
  const pollMs = options.pollMs ?? GRAPH_VERSION_POLL_MS;
  const shared = options.shared;
  const read = async () => (await database.db.select({ hash: seedState.hash }).from(seedState).where(eq(seedState.id, "graph")))[0]?.hash ?? "unseeded";
  let version = await read();
  const listeners = new Set<(version: string) => void>();
  const changeTo = (hash: string) => {
    if (hash === version) return;
    version = hash;
    for (const listener of listeners) listener(hash);
  };
  /** Learnt from the database (NOTIFY or the poll): passed on to the instances listening on the shared channel. */
  const learnt = (hash: string) => {
    if (hash === version) return;
    changeTo(hash);
    shared?.announce(hash);
  };
  const unlisten = await database.listen(GRAPH_SEEDED_CHANNEL, learnt);
  // A version heard on the shared channel is the seed's hash, as the database stores it.
  const unlistenShared = await shared?.listen(changeTo).catch(() => undefined);
  // PostgreSQL only (PGlite's notifications never leave the process, so none is lost), and
  // outside drizzle's query log.
  const background = database.background;
  let polling = false;
  const poll = background
    ? setInterval(() => {
        if (polling) return;
        polling = true;
        background("select hash from seed_state where id = 'graph'")
          .then((rows) => learnt(String(rows[0]?.hash ?? "unseeded")), () => {}) // away: the next poll tries again
          .finally(() => (polling = false));
      }, pollMs)
    : undefined;
  poll?.unref();
  return {
    current: () => version,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => {
      if (poll) clearInterval(poll);
      await unlisten();
      await unlistenShared?.();
    },
  };
}

/**
 * A value derived from the graph, computed once per graph version and shared
 * by every request: recomputed after a re-seed, retried after a failure.
 */
export function perGraphVersion<T>(graphVersion: GraphVersion, compute: (version: string) => Promise<T>): () => Promise<T> {
  let cached: { version: string; value: Promise<T> } | undefined;
  return () => {
    const version = graphVersion.current();
    if (cached?.version !== version) {
      const value = compute(version);
      cached = { version, value };
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
