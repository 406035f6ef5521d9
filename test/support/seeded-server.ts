/** A test file's seeded database behind a real HTTP server, set up once per file. */
import { afterAll, beforeAll } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { startTestServer, type TestServer, type TestServerOptions } from "./graphql-client.ts";
import { SEEDS_DIR, SOURCES_DIR } from "./seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export interface SeededServer {
  database: TestDatabase;
  server: TestServer;
  /** SQL statements sent since the last reset (for counting). */
  queries: string[];
}

export function useSeededServer(options: TestServerOptions = {}): SeededServer {
  const handle = { queries: [] as string[] } as SeededServer;
  beforeAll(async () => {
    handle.database = await createTestDatabase({ onQuery: (q) => handle.queries.push(q) });
    await seed(handle.database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
    handle.server = await startTestServer(handle.database, options);
  });
  afterAll(async () => {
    await handle.server?.close();
    await handle.database?.drop();
  });
  return handle;
}
