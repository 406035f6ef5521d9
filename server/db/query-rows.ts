/** Runs raw SQL and returns its rows, whichever driver is underneath. */
import type { SQL } from "drizzle-orm";
import type { Db } from "./connect.ts";

export async function queryRows<T>(db: Pick<Db, "execute">, query: SQL): Promise<T[]> {
  // PGlite answers { rows }, postgres.js a row array.
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
