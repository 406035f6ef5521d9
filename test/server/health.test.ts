/**
 * Liveness and readiness: /health answers 200 whenever the process does;
 * /health/ready only once the study material is built (and the database
 * answers — the PostgreSQL outage case is in start-up.test.ts).
 */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackGraphVersion, type GraphVersion } from "../../server/graph-version.ts";
import { createHttpServer, type GraphdeckServer } from "../../server/http/create-server.ts";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let graphVersion: GraphVersion;
let server: GraphdeckServer;
let url: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  graphVersion = await trackGraphVersion(database);
  server = createHttpServer({ database, graphVersion });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  await graphVersion?.stop();
  await database?.drop();
});

describe("health", () => {
  it("is live at once, ready only when the study material is built", async () => {
    const live = await fetch(`${url}/health`);
    expect(live.status).toBe(200);
    expect(live.headers.get("cache-control")).toBe("no-store");
    const before = await fetch(`${url}/health/ready`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ status: "unavailable", database: "ok", study: "building" });
    expect((await server.warmUp()).finished).toBe(true);
    const after = await fetch(`${url}/health/ready`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ status: "ready", database: "ok", study: "ready" });
  });
});
