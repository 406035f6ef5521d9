/** The database rows resolvers pass around; GraphQL fields are resolved from these. */
import type { concepts } from "../../schema/index.ts";

export type ConceptRow = typeof concepts.$inferSelect;
