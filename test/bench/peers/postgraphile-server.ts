/**
 * PostGraphile v4 over the bench's database, for `npm run bench -- --side-by-side`: one process,
 * a pool of 10 connections (Graphdeck's size), no GraphiQL, no query log, no mutations.
 * The citation's passage is a computed column (`citations_passage`, created by the bench),
 * since citations point at passages by (source, locator) without a foreign key.
 */
import { createServer } from "node:http";
import Module, { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import pg from "pg";

// PostGraphile v4 needs graphql 15 and brings its own copy, but npm hoists one of its peers
// (graphql-parse-resolve-info) beside our graphql 16, and two graphql modules in one schema fail
// ("Cannot use GraphQLObjectType from another module or realm"). In this process only, every
// require of graphql therefore resolves to PostGraphile's copy.
const require = createRequire(import.meta.url);
const postgraphileDir = dirname(require.resolve("postgraphile/package.json"));
type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: ResolveFilename };
const resolveFilename = loader._resolveFilename;
let redirecting = false;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  if (redirecting || !(request === "graphql" || request.startsWith("graphql/"))) return resolveFilename.call(this, request, ...rest);
  redirecting = true;
  try {
    return require.resolve(request, { paths: [postgraphileDir] });
  } finally {
    redirecting = false;
  }
};
const { postgraphile } = await import("postgraphile");

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is required");
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const middleware = postgraphile(pool, "public", {
  graphiql: false,
  disableQueryLog: true,
  disableDefaultMutations: true,
  enableQueryBatching: false,
  retryOnInitFail: false,
  watchPg: false,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
});
const server = createServer(middleware);
server.listen(0, "127.0.0.1", () => console.log(`postgraphile listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
