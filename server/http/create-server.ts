/** The HTTP server: health check and the GraphQL API on one port. */
import { createServer, type Server } from "node:http";
import { sql } from "drizzle-orm";
import type { Database } from "../db/connect.ts";
import { createGraphqlServer } from "../graphql/create-yoga.ts";

export function createHttpServer(database: Database): Server {
  const yoga = createGraphqlServer(database.db);
  return createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/health") {
      void health(database).then((ok) => {
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ status: ok ? "ok" : "unavailable", db: database.kind }));
      });
      return;
    }
    if (path === "/graphql" || path.startsWith("/graphql/")) {
      void yoga(req, res);
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "not found" }));
  });
}

async function health(database: Database): Promise<boolean> {
  try {
    await database.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
