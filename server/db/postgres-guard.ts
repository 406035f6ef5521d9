/**
 * A guard around postgres.js 3.4.x connections (3.4.9 is the newest on npm and
 * still has the fault): after a connection's socket closes (a PostgreSQL
 * restart, a backend killed), postgres.js may still hand it a query — the
 * ROLLBACK `sql.begin` sends when the transaction's callback fails, or the next
 * statement of a transaction — and writing that query dereferences the closed
 * socket from a setImmediate callback: an uncaught
 * `TypeError: Cannot read properties of null (reading 'write')` that no
 * try/catch can stop (porsager/postgres#1154, #1208).
 *
 * The guard wraps each connection object of the pool: it notes when the pool is
 * told the connection closed and when the pool reconnects it, and while it is
 * closed, a query handed to it is rejected with CONNECTION_CLOSED instead of
 * being written. Connections are reached through postgres.js's `onexecute`
 * query option, which hands a query's connection to the caller; `guardPool`
 * reserves every connection of the pool once at start to reach them all.
 */
import type { Sql } from "postgres";

/** The parts of a postgres.js connection object the guard touches. */
interface Connection {
  execute(query: PendingQuery): unknown;
  connect(query: unknown): void;
  onclose?: ((error: unknown) => void) | null;
}

interface PendingQuery {
  reject(error: unknown): void;
}

const guarded = new WeakSet<object>();

export class ConnectionClosedError extends Error {
  readonly code = "CONNECTION_CLOSED";
  constructor() {
    super("write CONNECTION_CLOSED: the database connection closed");
  }
}

/** Wraps one connection object; idempotent. */
export function guardConnection(connection: Connection): void {
  if (guarded.has(connection)) return;
  guarded.add(connection);
  let closed = false;
  const execute = connection.execute.bind(connection);
  const connect = connection.connect.bind(connection);
  // postgres.js's pool calls `c.onclose` (when set) every time it learns the socket closed, and
  // `sql.begin` sets it to reject the transaction: keep whatever it sets, and note the closing.
  let listener = connection.onclose ?? null;
  Object.defineProperty(connection, "onclose", {
    configurable: true,
    get: () => (error: unknown) => {
      closed = true;
      const current = listener;
      listener = null;
      current?.(error);
    },
    set: (value: ((error: unknown) => void) | null) => {
      listener = value;
    },
  });
  connection.connect = (query: unknown) => {
    closed = false;
    connect(query);
  };
  connection.execute = (query: PendingQuery) => {
    if (!closed) return execute(query);
    query.reject(new ConnectionClosedError());
    // "Ready for more": the pool must not park a closed connection as full.
    return true;
  };
}

/** The `onexecute` query option that guards whichever connection runs the query. */
export const guardOnExecute = { onexecute: (connection: Connection) => (guardConnection(connection), true) };

/**
 * Reaches every connection of the pool (holding each one reserved until all are
 * held, so each is a different one) and guards it. Needs the database up.
 */
export async function guardPool(sql: Sql, size: number): Promise<void> {
  const held: Awaited<ReturnType<Sql["reserve"]>>[] = [];
  try {
    for (let i = 0; i < size; i++) {
      const reserved = await sql.reserve();
      held.push(reserved);
      await reserved.unsafe("select 1", [], guardOnExecute as never);
    }
  } finally {
    for (const reserved of held) reserved.release();
  }
}
