/** Every table the server reads or writes, for drizzle's typed queries. */
export * from "./graph-tables.ts";
export * from "./learner-tables.ts";
export * from "./room-tables.ts";
