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

export async function trackGraphVersion(database: Database): Promise<GraphVersion> {
  const [row] = await database.db.select({ hash: seedState.hash }).from(seedState).where(eq(seedState.id, "graph"));
  let version = row?.hash ?? "unseeded";
  const listeners = new Set<(version: string) => void>();
  const unlisten = await database.listen(GRAPH_SEEDED_CHANNEL, (hash) => {
    if (hash === version) return;
    version = hash;
    for (const listener of listeners) listener(hash);
  });
  return {
    current: () => version,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: unlisten,
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
