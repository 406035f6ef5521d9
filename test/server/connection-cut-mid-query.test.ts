/**
 * A pool connection cut in the middle of a query, then opened again while the
 * database still refuses connections (here: closed with ALLOW_CONNECTIONS false).
 * postgres.js 3.4.9 alone leaves the next query waiting as long as the refusal
 * lasts (see server/db/postgres-guard.ts); through our pool it fails at once as
 * "unavailable", and the pool serves again as soon as the database accepts.
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Database } from "../../server/db/connect.ts";
import { isDatabaseUnavailable } from "../../server/db/unavailable.ts";
import { createScratchPostgres, onPostgres } from "../support/test-database.ts";

/** What a promise came to within `ms`: its value, its error, or "still waiting". */
async function within<T>(ms: number, promise: Promise<T>): Promise<{ value: T } | { error: unknown } | "still waiting"> {
  let timer: NodeJS.Timeout | undefined;
  const waiting = new Promise<"still waiting">((resolve) => (timer = setTimeout(() => resolve("still waiting"), ms)));
  try {
    return await Promise.race([promise.then((value) => ({ value }), (error: unknown) => ({ error })), waiting]);
  } finally {
    clearTimeout(timer);
  }
}

describe.runIf(onPostgres)("a connection cut mid-query while the database refuses new ones", () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgres>>;
  let admin: postgres.Sql;
  let name: string;
  let database: Database;

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    name = new URL(scratch.url).pathname.slice(1);
    admin = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin.unsafe(`alter database "${name}" with allow_connections true`);
    await database?.close();
    await admin.end();
    await scratch.drop();
  });

  /** Closes the database to connections and ends the ones it has, while `busy` is under way. */
  async function cutWhile(busy: Promise<unknown>): Promise<void> {
    // Let the statement reach the server first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await admin.unsafe(`alter database "${name}" with allow_connections false`);
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    const outcome = await within(5000, busy);
    expect(outcome !== "still waiting" && "error" in outcome && isDatabaseUnavailable(outcome.error)).toBe(true);
  }

  it("fails the next statement at once as unavailable, and answers again once connections are allowed", async () => {
    // One connection: the next statement must go to the very connection that was cut.
    database = await connect({ databaseUrl: scratch.url, maxConnections: 1 });
    await cutWhile(database.query("select pg_sleep(10)", []));

    for (const attempt of [1, 2]) {
      const started = performance.now();
      const next = await within(8000, database.query("select 2 as two", []));
      expect(next, `statement ${attempt} after the cut`).not.toBe("still waiting");
      expect(next !== "still waiting" && "error" in next && isDatabaseUnavailable(next.error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(3000);
    }

    await admin.unsafe(`alter database "${name}" with allow_connections true`);
    expect(await within(8000, database.query("select 3 as three", []))).toEqual({ value: [{ three: 3 }] });
    expect(await within(8000, database.query("select 4 as four", []))).toEqual({ value: [{ four: 4 }] });
  }, 60_000);

  it("does the same for a transaction cut half-way", async () => {
    await admin.unsafe(`alter database "${name}" with allow_connections true`);
    await database.close();
    database = await connect({ databaseUrl: scratch.url, maxConnections: 2 });
    await database.query("create table if not exists kept (n int)", []);
    const cut = database.db.transaction(async (tx) => {
      await tx.execute("insert into kept values (1)");
      await tx.execute("select pg_sleep(10)");
    });
    await cutWhile(cut);

    const started = performance.now();
    const next = await within(8000, database.db.transaction(async (tx) => tx.execute("insert into kept values (2)")));
    expect(next !== "still waiting" && "error" in next && isDatabaseUnavailable(next.error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(3000);

    await admin.unsafe(`alter database "${name}" with allow_connections true`);
    expect(await within(8000, database.db.transaction(async (tx) => tx.execute("insert into kept values (3)")))).not.toBe("still waiting");
    // Only what committed is there: the cut transaction rolled back, the refused one never ran.
    expect(await database.query("select array_agg(n order by n) as kept from kept", [])).toEqual([{ kept: [3] }]);
  }, 60_000);
});
