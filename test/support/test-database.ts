/**
 * A database of its own for one test file: PGlite in memory by default, or a
 * fresh database on the server named by DATABASE_URL (dropped afterwards), so
 * the same suite runs on both backends without touching anyone's data.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connect, type Database } from "../../server/db/connect.ts";
import { migrate } from "../../server/db/migrate.ts";

export interface TestDatabase extends Database {
  /** postgres:// URL of this database, when on a real server. */
  url: string | undefined;
  drop(): Promise<void>;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

/** Creates an empty database on the real server and returns its URL (and how to drop it). */
export async function createScratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL as string;
  const name = `graphdeck_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

export async function createTestDatabase(options: { migrate?: boolean; onQuery?: (query: string) => void } = {}): Promise<TestDatabase> {
  let database: Database;
  let url: string | undefined;
  let dropScratch = async () => {};
  if (onPostgres) {
    const scratch = await createScratchPostgres();
    url = scratch.url;
    dropScratch = scratch.drop;
    database = await connect({ databaseUrl: url, maxConnections: 4, onQuery: options.onQuery });
  } else {
    database = await connect({ onQuery: options.onQuery });
  }
  if (options.migrate !== false) await migrate(database);
  return {
    ...database,
    url,
    drop: async () => {
      await database.close();
      await dropScratch();
    },
  };
}
