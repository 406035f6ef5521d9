/** Seeds the graph when it is empty or the seeds changed since the last seed; never otherwise. */
import { eq } from "drizzle-orm";
import { seedState } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import { applySeeds, type SeedCounts } from "./apply-seeds.ts";
import { loadSeeds } from "./load-seeds.ts";
import { seedHash } from "./seed-hash.ts";

export interface SeedOptions {
  seedsDir: string;
  sourcesDir: string | undefined;
}

export type SeedOutcome = { seeded: false; hash: string } | { seeded: true; hash: string; counts: SeedCounts };

export async function seed(db: Db, options: SeedOptions): Promise<SeedOutcome> {
  const hash = seedHash(options.seedsDir, options.sourcesDir);
  // Validate everything before opening a transaction: bad seeds change nothing.
  const graph = loadSeeds(options);
  return { seeded: true, hash, counts: await applySeeds(db, graph, hash) };
}

export async function ensureSeeded(db: Db, options: SeedOptions): Promise<SeedOutcome> {
  const hash = seedHash(options.seedsDir, options.sourcesDir);
  const [current] = await db.select({ hash: seedState.hash }).from(seedState).where(eq(seedState.id, "graph"));
  if (current?.hash === hash) return { seeded: false, hash };
  return seed(db, options);
}
