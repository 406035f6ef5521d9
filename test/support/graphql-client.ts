/**
 * Serves the real HTTP server on a free port and posts GraphQL to it: a query string, or one of the
 * app's typed documents (web/app/api/operations), whose result and variables types then apply.
 */
import type { AddressInfo } from "node:net";
import type { TypedDocumentString } from "../../web/app/api/generated/graphql.ts";
import type { Database } from "../../server/db/connect.ts";
import { trackGraphVersion } from "../../server/graph-version.ts";
import { createHttpServer } from "../../server/http/create-server.ts";

export interface GraphqlResponse<T> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  headers: Headers;
}

export interface RequestOptions {
  /** A learner's token, sent as `Authorization: Bearer …`. */
  token?: string;
}

export interface TestServer {
  url: string;
  graphql<T, V>(document: TypedDocumentString<T, V>, variables: V, options?: RequestOptions): Promise<GraphqlResponse<T>>;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Above this many concepts the server studies the graph in regions (0: always). */
  studyWholeGraphLimit?: number;
}

export async function startTestServer(database: Database, options: TestServerOptions = {}): Promise<TestServer> {
  const graphVersion = await trackGraphVersion(database);
  const server = createHttpServer({ database, graphVersion, studyWholeGraphLimit: options.studyWholeGraphLimit });
  // The tests' fetch reuses an idle connection; one a test spent seconds of this process's CPU beside
  // (a study graph built in the test itself) may be closed by the server's 5 s keep-alive timer just
  // as the next request goes out on it, which fetch reports as ECONNRESET. close() ends them all.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async graphql<T>(query: string | TypedDocumentString<T, unknown>, variables?: unknown, options: RequestOptions = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ query: query.toString(), variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphqlResponse<T>["body"], headers: response.headers };
    },
    close: async () => {
      await graphVersion.stop();
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
    },
  };
}
