/**
 * What the server writes about failures: one line each, never a query's
 * parameters (drizzle's "Failed query … params: …" carries them, the quiz key
 * among them), a request body, a token or a URL's query string. Database
 * outages are noted once per second at most, not once per request.
 */
import { isDatabaseUnavailable } from "../db/unavailable.ts";

const MAX_MESSAGE = 300;

/** A short description of an error: its name, code and first line, with any SQL parameters cut off. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== "object") {
      parts.push(String(current).slice(0, MAX_MESSAGE));
      break;
    }
    const { name, code, message } = current as { name?: unknown; code?: unknown; message?: unknown };
    let text = typeof message === "string" ? message : "";
    // drizzle: "Failed query: <sql>\nparams: <values>" — keep the statement's start, drop the values.
    text = text.replace(/\nparams:[\s\S]*$/, "").split("\n")[0] ?? "";
    // A wrapper repeating its cause's message (GraphQLError around drizzle's error) adds nothing.
    if (!parts.length || !parts[parts.length - 1]?.endsWith(`: ${text.slice(0, MAX_MESSAGE)}`)) {
      parts.push(`${typeof name === "string" ? name : "Error"}${typeof code === "string" ? ` ${code}` : ""}: ${text.slice(0, MAX_MESSAGE)}`);
    }
    const next = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
    if (next === current) break;
    current = next;
  }
  return parts.join(" ← ");
}

/** The root cause alone: its code and first line. */
function innermost(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 8; depth++) {
    const next = (current as { cause?: unknown; originalError?: unknown } | null)?.cause ?? (current as { originalError?: unknown } | null)?.originalError;
    if (!next || next === current) break;
    current = next;
  }
  const parts = describeError(current).split(" ← ");
  return parts[0] ?? "";
}

let lastOutageNote = 0;

/** Logs an unexpected failure safely (see above). */
export function logError(context: string, error: unknown): void {
  if (isDatabaseUnavailable(error)) {
    const now = Date.now();
    if (now - lastOutageNote < 1000) return;
    lastOutageNote = now;
    console.warn(`${context}: database unavailable (${innermost(error)})`);
    return;
  }
  console.error(`${context}: ${describeError(error)}`);
}

/** A yoga logger that goes through logError and keeps warnings short. */
export const safeYogaLogger = {
  debug: () => {},
  info: () => {},
  warn: (...args: unknown[]) => console.warn(`graphql: ${args.map((a) => (typeof a === "string" ? a.slice(0, MAX_MESSAGE) : describeError(a))).join(" ")}`),
  error: (...args: unknown[]) => {
    for (const arg of args) logError("graphql", arg);
  },
};
