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
 * The guard wraps each connection object of the pool:
 * - It notes when the pool is told the connection closed, and from then until
 *   the connection is open again it rejects with CONNECTION_CLOSED any query
 *   handed to it rather than writing it. Only the queries the pool kept waiting
 *   for a connection may go as it opens; a statement of the cut session (its
 *   ROLLBACK, sent as soon as its failed statement is rejected) never does, even
 *   when the pool starts opening the connection again at once for a waiting query.
 * - It opens the connection again with no query of its own (a refusal then closes
 *   it the ordinary way), holds the query the pool asked for, and hands that back
 *   to the pool once the connection is open, or rejects it with CONNECTION_CLOSED
 *   when opening failed: the refusal's own reason (a wrong password, a database
 *   closed) is lost on that path, postgres.js passing it to no query.
 * - A connection the pool ended while the guard was opening it is closed as soon
 *   as it opens, rather than left open for its lifetime.
 * - A connection it opened sets postgres.js's pool-wide count of failed attempts
 *   back to zero, as one opened by postgres.js itself does (the count sets the
 *   pause before the next attempt).
 * Connections are reached through postgres.js's `onexecute` query option, which
 * hands a query's connection to the caller; `guardPool` reserves every
 * connection of the pool once at start to reach them all. What it cannot guard:
 * the connection postgres.js keeps for LISTEN (a pool of its own), and a
 * transaction whose callback, cut while it awaited something other than the
 * database, sends its next statement after the connection is open again (that
 * statement then runs in the new session).
 */
import type { Sql } from "postgres";

/** The parts of a postgres.js connection object the guard touches. */
interface Connection {
  execute(query: PendingQuery): unknown;
  connect(query: PendingQuery | null): void;
  end(): Promise<void>;
  terminate(): void;
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

/**
 * Wraps one connection object; idempotent. `onReopened` is called each time the guard has opened it
 * again (see connect below).
 */
export function guardConnection(connection: Connection, onReopened: () => void = () => {}): void {
  if (guarded.has(connection)) return;
  guarded.add(connection);
  /** The session is gone: a statement handed to the connection now is refused. */
  let closed = false;
  /** The query the pool asked to run on the connection while the guard opens it again. */
  let held: PendingQuery | null = null;
  /** The pool's "connecting" list, which holds the connection while it is being opened. */
  let connecting: unknown = null;
  /** The pool has ended the connection: if it opens after all, it is closed at once. */
  let ended = false;
  const execute = connection.execute.bind(connection);
  const connect = connection.connect.bind(connection);
  const end = connection.end.bind(connection);
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
      // Opening it again failed (refused, unreachable, timed out): postgres.js passes the reason to no
      // one when it opens a connection with no query of its own.
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
      if (value === connecting) return;
      // Once the pool has ended it, a connection that still moves is closed: one the guard was opening
      // when the pool ended it opens after all (for the others closing again does nothing).
      if (ended) {
        connection.terminate();
        return;
      }
      if (!held) return;
      // Out of the pool's "connecting" list: either opened, or closed, in which case the pool calls
      // onclose (above) right after this move and that rejects the query. Decide once it has.
      const query = held;
      queueMicrotask(() => {
        if (held !== query) return;
        held = null;
        closed = false;
        onReopened();
        query.handler?.(query);
      });
    },
  });
  connection.connect = (query: PendingQuery | null) => {
    // A reserve placeholder is not a query the pool can be handed back: postgres.js's own way.
    if (!query?.handler || query.reserve) {
      closed = false;
      return connect(query);
    }
    // Still refused until it is open: the cut session's own statements (a transaction's ROLLBACK, sent
    // as its failed statement is rejected) would otherwise be written to a socket not there yet.
    held = query;
    connecting = queue;
    connect(null);
  };
  connection.execute = (query: PendingQuery) => {
    // As it opens, the pool hands it the queries that waited for a connection: those may go.
    if (!closed || (held !== null && query.handler === held.handler)) return execute(query);
    query.reject(new ConnectionClosedError());
    // "Ready for more": the pool must not park a closed connection as full.
    return true;
  };
  connection.end = () => {
    const ending = end();
    ended = true;
    return ending;
  };
}

/**
 * Reaches every connection of the pool (holding each one reserved until all are
 * held, so each is a different one) and guards it. Needs the database up.
 */
export async function guardPool(sql: Sql, size: number): Promise<void> {
  // postgres.js counts failed connection attempts pool-wide for its backoff and starts again from
  // zero when a connection opens with a query of its own; one the guard opened does that here, or
  // after an outage every later reconnection would wait the longest pause.
  const shared = (sql.options as { shared?: { retries: number } }).shared;
  const onReopened = () => {
    if (shared) shared.retries = 0;
  };
  // postgres.js's `onexecute` query option hands over the connection that runs the query.
  const onexecute = (connection: Connection) => (guardConnection(connection, onReopened), true);
  const held: Awaited<ReturnType<Sql["reserve"]>>[] = [];
  try {
    for (let i = 0; i < size; i++) {
      const reserved = await sql.reserve();
      held.push(reserved);
      await reserved.unsafe("select 1", [], { onexecute } as never);
    }
  } finally {
    for (const reserved of held) reserved.release();
  }
}
