/** The learner a request acts for, or a clear 401 saying how to become one. */
import { createGraphQLError } from "graphql-yoga";
import type { GraphContext } from "../context.ts";

export async function requireLearner(context: GraphContext) {
  const learner = await context.learner();
  if (!learner) {
    throw createGraphQLError("This needs a learner token: call the `startLearner` mutation once, then send `Authorization: Bearer <token>`.", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  return learner;
}
