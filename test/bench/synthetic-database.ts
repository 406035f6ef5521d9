/** Where the synthetic benchmark graph lives: never in the real data folder or database. */
import { join } from "node:path";
import postgres from "postgres";
import { loadConfig } from "../../server/config.ts";

export const SYNTHETIC_DB_NAME = "graphdeck_synthetic";

/** A name `create database` takes unquoted: lower-case letters, digits and underscores. */
export function checkDatabaseName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name "${name}": use lower-case letters, digits and underscores (at most 63)`);
  return name;
}

/**
 * A PGlite folder beside the real one (`<DATA_DIR>/<name>`), or a database of its own on the
 * PostgreSQL server, created when missing; `name` defaults to graphdeck_synthetic (PGlite: "synthetic").
 */
export async function syntheticTarget(databaseUrl: string | undefined, name?: string): Promise<{ databaseUrl?: string; dataDir?: string }> {
  if (name !== undefined) checkDatabaseName(name);
  if (!databaseUrl) return { dataDir: join(loadConfig().dataDir, name ?? "synthetic") };
  const database = name ?? SYNTHETIC_DB_NAME;
  const url = new URL(databaseUrl);
  if (url.pathname.slice(1) === database) throw new Error(`refusing to write the synthetic graph into ${database}, the database DATABASE_URL names`);
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!exists) await admin.unsafe(`create database ${database}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${database}`;
  return { databaseUrl: url.toString() };
}
