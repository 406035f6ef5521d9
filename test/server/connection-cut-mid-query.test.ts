/**
 * A pool connection cut in the middle of a statement (its backend terminated), then
 * opened again by the pool. postgres.js 3.4.9 alone gets several of these wrong (see
 * server/db/postgres-guard.ts); through our pool:
 * - while the database refuses connections, the next statement fails at once as
 *   "unavailable", and the pool serves again as soon as the database accepts;
 * - a transaction cut half-way while another statement waits for the connection
 *   neither crashes the process nor keeps any of its writes, and the waiting
 *   statement is answered;
 * - closing the pool while it reopens a connection leaves no connection behind.
 * Each test uses a pool of one connection, so the statement after the cut goes to
 * the very connection that was cut.
 */
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

function unavailable(outcome: Awaited<ReturnType<typeof within>>): boolean {
  return outcome !== "still waiting" && "error" in outcome && isDatabaseUnavailable(outcome.error);
}

describe.runIf(onPostgres)("a pool connection cut mid-statement", () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgres>>;
  let admin: postgres.Sql;
  let name: string;
  let database: Database;

  beforeAll(async () => {
    scratch = await createScratchPostgres();
    name = new URL(scratch.url).pathname.slice(1);
    admin = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
    const setup = await connect({ databaseUrl: scratch.url, maxConnections: 1 });
    await setup.query("create table kept (n int)", []);
    await setup.close();
  });
  beforeEach(async () => {
    await admin.unsafe(`alter database "${name}" with allow_connections true`);
    database = await connect({ databaseUrl: scratch.url, maxConnections: 1 });
    await database.query("truncate kept", []);
  });
  afterEach(async () => {
    await admin.unsafe(`alter database "${name}" with allow_connections true`);
    await database.close();
  });
  afterAll(async () => {
    await admin.end();
    await scratch.drop();
  });

  /**
   * Starts `work`, then ends the database's sessions while it is under way (closing the database to
   * new ones first, if asked); `work` must then fail as "unavailable". Its outcome is taken at once,
   * so its failure is never a rejection no one handles.
   */
  async function cutWhile(work: () => Promise<unknown>, options: { refuseNew: boolean }): Promise<void> {
    const outcome = within(10_000, work());
    // Let the statement reach the server first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (options.refuseNew) await admin.unsafe(`alter database "${name}" with allow_connections false`);
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    expect(unavailable(await outcome)).toBe(true);
  }

  it("while the database refuses connections, fails the next statements at once, then answers once it accepts", async () => {
    await cutWhile(() => database.query("select pg_sleep(10)", []), { refuseNew: true });

    for (const attempt of [1, 2]) {
      const started = performance.now();
      const next = await within(8000, database.query("select 2 as two", []));
      expect(next, `statement ${attempt} after the cut`).not.toBe("still waiting");
      expect(unavailable(next)).toBe(true);
      expect(performance.now() - started).toBeLessThan(3000);
    }

    await admin.unsafe(`alter database "${name}" with allow_connections true`);
    expect(await within(8000, database.query("select 3 as three", []))).toEqual({ value: [{ three: 3 }] });
    expect(await within(8000, database.query("select 4 as four", []))).toEqual({ value: [{ four: 4 }] });
  }, 60_000);

  it("does the same for a transaction cut half-way, keeping nothing it wrote", async () => {
    const cut = () =>
      database.db.transaction(async (tx) => {
        await tx.execute("insert into kept values (1)");
        await tx.execute("select pg_sleep(10)");
      });
    await cutWhile(cut, { refuseNew: true });

    const started = performance.now();
    expect(unavailable(await within(8000, database.db.transaction(async (tx) => tx.execute("insert into kept values (2)"))))).toBe(true);
    expect(performance.now() - started).toBeLessThan(3000);

    await admin.unsafe(`alter database "${name}" with allow_connections true`);
    expect(await within(8000, database.db.transaction(async (tx) => tx.execute("insert into kept values (3)")))).not.toBe("still waiting");
    expect(await database.query("select array_agg(n order by n) as kept from kept", [])).toEqual([{ kept: [3] }]);
  }, 60_000);

  it("answers a statement that waited for the connection while a transaction on it was cut, and keeps none of the transaction", async () => {
    // Before the guard refused the cut session's ROLLBACK until the connection was open again, this
    // crashed the process: "Cannot read properties of null (reading 'write')", uncaught.
    let waiting: ReturnType<typeof within> | undefined;
    const cut = () => {
      const transaction = database.db.transaction(async (tx) => {
        await tx.execute("insert into kept values (1)");
        await tx.execute("select pg_sleep(10)");
      });
      // Asked while the transaction holds the pool's one connection: it waits for it.
      waiting = within(10_000, database.query("select 5 as five", []));
      return transaction;
    };
    await cutWhile(cut, { refuseNew: false });
    expect(await waiting).toEqual({ value: [{ five: 5 }] });
    expect(await database.query("select count(*)::int as kept from kept", [])).toEqual([{ kept: 0 }]);
  }, 60_000);

  it("leaves no connection open when the pool is closed while it reopens one", async () => {
    // Cut while idle, then a statement makes the pool open the connection again, and the pool is
    // closed before it is open: the connection opened after all is closed at once (it stayed open for
    // the connection's lifetime, half an hour or more, when the guard first opened connections itself).
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = database.query("select 6 as six", []).catch(() => "refused");
    await new Promise((resolve) => setImmediate(resolve));
    await database.close();
    await asked;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [row] = await admin.unsafe(`select count(*)::int as sessions from pg_stat_activity where datname = '${name}'`);
    expect(row?.sessions).toBe(0);
    // afterEach closes it again: closing twice is harmless.
  }, 60_000);
});
