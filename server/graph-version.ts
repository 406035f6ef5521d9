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
  stop(): Promise<void>;
}

export async function trackGraphVersion(database: Database): Promise<GraphVersion> {
  const [row] = await database.db.select({ hash: seedState.hash }).from(seedState).where(eq(seedState.id, "graph"));
  let version = row?.hash ?? "unseeded";
  const unlisten = await database.listen(GRAPH_SEEDED_CHANNEL, (hash) => {
    version = hash;
  });
  return { current: () => version, stop: unlisten };
}
