/** The GraphQL endpoint: SDL from schema/, resolvers from the API area folders. */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createSchema, createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Db } from "../db/connect.ts";
import { conceptResolvers } from "./concept/concept-resolvers.ts";
import type { GraphContext } from "./context.ts";

export const typeDefs = readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8");

/** What node:http hands to yoga with each request. */
export interface NodeServerContext {
  req: IncomingMessage;
  res: ServerResponse;
}

export function createGraphqlServer(db: Db): YogaServerInstance<NodeServerContext, GraphContext> {
  return createYoga<NodeServerContext, GraphContext>({
    schema: createSchema<NodeServerContext & GraphContext>({ typeDefs, resolvers: [conceptResolvers] }),
    graphqlEndpoint: "/graphql",
    context: () => ({ db }),
    // Unexpected errors reach the client as "Unexpected error." with no stack, SQL or paths.
    maskedErrors: true,
    logging: "warn",
  });
}
