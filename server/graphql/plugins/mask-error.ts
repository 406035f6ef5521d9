/**
 * How errors reach clients: GraphQL errors we raised on purpose as they are,
 * a database outage as 503 UNAVAILABLE (so clients know to retry), anything
 * else as "Unexpected error." — never a stack, SQL, a path or the request body.
 */
import type { GraphQLError } from "graphql";
import { createGraphQLError, maskError as yogaMaskError } from "graphql-yoga";
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from "../../db/unavailable.ts";

export function unavailableError(): GraphQLError {
  return createGraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: { code: "UNAVAILABLE", http: { status: 503, headers: { "retry-after": "2" } } },
  });
}

export function maskError(error: unknown, message: string): Error {
  if (isDatabaseUnavailable(error)) {
    const masked = unavailableError();
    // Keep where in the response the failure happened (a GraphQL error from any copy of graphql).
    const located = error as Partial<Pick<GraphQLError, "path" | "nodes">>;
    if (located.path) return createGraphQLError(masked.message, { extensions: masked.extensions, path: located.path, nodes: located.nodes ?? null });
    return masked;
  }
  // isDev false: yoga never attaches `originalError` (which would quote the failing input).
  return yogaMaskError(error, message, false);
}
