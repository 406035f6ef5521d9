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
 * A second fault of the same versions: a connection whose socket closed in the
 * middle of a query keeps that query as "the one under way" until a reply ends
 * it. When the pool opens the connection again for the next query and the
 * server refuses it (a database closed to connections, a server starting up),
 * the refusal is taken as that old query's error: the next query is neither run
 * nor rejected, and the connection tries again at once, over and over, until
 * the server accepts (a request hung 20 s and more in our start-up test; the
 * same steps reproduce it on a bare postgres.js client).
 *
 * The guard wraps each connection object of the pool: it notes when the pool is
 * told the connection closed and when the pool reconnects it, and while it is
 * closed, a query handed to it is rejected with CONNECTION_CLOSED instead of
 * being written. It opens the connection again with no query of its own (a
 * refusal then closes it the ordinary way), holds the query the pool asked for,
 * and hands that back to the pool once the connection is open, or rejects it
 * with CONNECTION_CLOSED when opening failed. Connections are reached through
 * postgres.js's `onexecute` query option, which hands a query's connection to
 * the caller; `guardPool` reserves every connection of the pool once at start
 * to reach them all.
 */
import type { Sql } from "postgres";

/** The parts of a postgres.js connection object the guard touches. */
interface Connection {
  execute(query: PendingQuery): unknown;
  connect(query: PendingQuery | null): void;
  onclose?: ((error: unknown) => void) | null;
  /** Which of the pool's lists (open, busy, connecting, closed…) holds it; the pool sets it on every move. */
  queue: unknown;
}

interface PendingQuery {
  reject(error: unknown): void;
  /** The pool's own entry point for a query (a query made by `sql` or `sql.unsafe`). */
  handler?: (query: PendingQuery) => unknown;
  /** Set on the pool's placeholder for `sql.reserve()`, which is not a query. */
  reserve?: unknown;
}

const guarded = new WeakSet<object>();

export class ConnectionClosedError extends Error {
  readonly code = "CONNECTION_CLOSED";
  constructor(message = "write CONNECTION_CLOSED: the database connection closed") {
    super(message);
  }
}

/** Wraps one connection object; idempotent. */
export function guardConnection(connection: Connection): void {
  if (guarded.has(connection)) return;
  guarded.add(connection);
  let closed = false;
  // The query the pool asked to run on the connection being opened again, while it is opened.
  let held: PendingQuery | null = null;
  let connecting: unknown = null;
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
      const query = held;
      held = null;
      query?.reject(new ConnectionClosedError("CONNECTION_CLOSED: the database connection closed and could not be opened again"));
    },
    set: (value: ((error: unknown) => void) | null) => {
      listener = value;
    },
  });
  let queue = connection.queue;
  Object.defineProperty(connection, "queue", {
    configurable: true,
    get: () => queue,
    set: (value: unknown) => {
      queue = value;
      if (!held || value === connecting) return;
      // Out of the pool's "connecting" list: either opened, or closed, in which case the pool calls
      // onclose (below) right after this move and that rejects the query. Decide once it has.
      const query = held;
      queueMicrotask(() => {
        if (held !== query) return;
        held = null;
        query.handler?.(query);
      });
    },
  });
  connection.connect = (query: PendingQuery | null) => {
    closed = false;
    // A reserve placeholder is not a query the pool can be handed back: postgres.js's own way.
    if (!query?.handler || query.reserve) return connect(query);
    held = query;
    connecting = queue;
    connect(null);
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
