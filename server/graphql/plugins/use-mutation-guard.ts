/**
 * CSRF protection for mutations. Reads are open to every origin (embeds need
 * them); a mutation must carry a bearer token, or come from our own origin, or
 * come from no browser at all (no Origin header: curl, server-side code).
 * Browsers always send Origin on cross-site POSTs, so a foreign page cannot
 * make a visitor's browser change anything.
 *
 * `answer` is open to every origin: without a token it only grades (embedded
 * "test yourself" cards on other sites need it), and with a token the caller
 * already proves who it acts for.
 */
import { getOperationAST, Kind } from "graphql";
import { createGraphQLError, type Plugin, type YogaInitialContext } from "graphql-yoga";

export function mutationAllowed(request: Request, trustedOrigins: readonly string[]): boolean {
  if (/^Bearer\s+\S+/i.test(request.headers.get("authorization") ?? "")) return true;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  return origin === new URL(request.url).origin || trustedOrigins.includes(origin);
}

const OPEN_TO_ALL_ORIGINS = new Set(["answer", "__typename"]);

export function useMutationGuard(trustedOrigins: readonly string[] = []): Plugin<YogaInitialContext> {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== "mutation") return;
      const open = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && OPEN_TO_ALL_ORIGINS.has(s.name.value));
      if (!open && !mutationAllowed(args.contextValue.request, trustedOrigins)) {
        throw createGraphQLError("Mutations from another origin need an `Authorization: Bearer <token>` header.", {
          extensions: { code: "FORBIDDEN", http: { status: 403 } },
        });
      }
    },
  };
}
