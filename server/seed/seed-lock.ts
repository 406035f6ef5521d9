/** One writer of the graph at a time, even with several servers starting against one database. */
import { sql } from "drizzle-orm";
import type { Db } from "../db/connect.ts";

/** Held until the end of the caller's transaction. */
export async function takeSeedLock(tx: Pick<Db, "execute">): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7355608)`);
}
