/** Where the synthetic benchmark graph lives: never in the real data folder or database. */
import { join } from "node:path";
import postgres from "postgres";
import { loadConfig } from "../../server/config.ts";

export const SYNTHETIC_DB_NAME = "graphdeck_synthetic";

/** A PGlite folder beside the real one, or a database of its own on the PostgreSQL server. */
export async function syntheticTarget(databaseUrl: string | undefined): Promise<{ databaseUrl?: string; dataDir?: string }> {
  if (!databaseUrl) return { dataDir: join(loadConfig().dataDir, "synthetic") };
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${SYNTHETIC_DB_NAME}`;
  if (!exists) await admin.unsafe(`create database ${SYNTHETIC_DB_NAME}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${SYNTHETIC_DB_NAME}`;
  return { databaseUrl: url.toString() };
}
