/**
 * Tells "the database cannot be reached right now" (a restart, an outage, a
 * connection cut) from every other failure, so the API can answer 503
 * UNAVAILABLE at once instead of "Unexpected error.".
 */

/** Node socket errors and postgres.js's own connection error codes. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * PostgreSQL SQLSTATEs meaning the server is going away or not there yet:
 * class 08 (connection exception), 57P01-57P05 (shutting down, crash, cannot
 * connect now, database dropped, idle session timeout), 53300 (too many connections).
 */
function isUnavailableState(code: string): boolean {
  return code.startsWith("08") || /^57P0[1-5]$/.test(code) || code === "53300";
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== "object") return false;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || isUnavailableState(code))) return true;
    // A database closed to connections (ALTER DATABASE … ALLOW_CONNECTIONS false) or not there.
    const message = (current as { message?: unknown }).message;
    if ((code === "55000" && typeof message === "string" && /accepting connections/.test(message)) || code === "3D000") return true;
    // drizzle wraps driver errors (DrizzleQueryError) with the original as `cause`;
    // GraphQL errors keep it as `originalError`.
    const next = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
    if (next === current) return false;
    current = next;
  }
  return false;
}

export const UNAVAILABLE_MESSAGE = "The database is unavailable for a moment; try again in a few seconds.";
