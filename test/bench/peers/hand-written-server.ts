/**
 * The floor for `npm run bench -- --side-by-side`: node:http and postgres.js, no GraphQL. It answers
 * a POST to /graphql carrying `variables.slug` with the same facts the web app's concept-page operation
 * asks for, in the same JSON shape, from one prepared SQL statement that builds the JSON in PostgreSQL.
 * One process, a pool of 10 connections (Graphdeck's size).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is required");
const sql = postgres(databaseUrl, { max: 10, prepare: true, onnotice: () => {} });

const conceptPage = (slug: string) => sql<{ concept: string }[]>`
  select json_build_object(
    'slug', c.slug, 'name', c.name, 'summary', c.summary, 'description', c.description, 'aliases', c.aliases,
    'kindInfo', json_build_object('label', k.label),
    'relations', coalesce((
      select json_agg(json_build_object(
        'type', r.type, 'label', t.label, 'inverseLabel', t.inverse_label,
        'source', json_build_object('slug', s.slug, 'name', s.name),
        'target', json_build_object('slug', o.slug, 'name', o.name),
        'outdated', r.outdated) order by t.position, r.id)
      from relations r
      join relation_types t on t.slug = r.type
      join concepts s on s.id = r.source_id
      join concepts o on o.id = r.target_id
      where r.source_id = c.id or r.target_id = c.id), '[]'),
    'claims', coalesce((
      select json_agg(json_build_object(
        'id', cl.key, 'statement', cl.statement, 'polarity', upper(cl.polarity::text),
        'aspect', case when a.slug is null then null else json_build_object('label', a.label) end,
        'value', cl.value, 'outdated', cl.outdated) order by cl.position)
      from claims cl left join aspects a on a.slug = cl.aspect
      where cl.concept_id = c.id), '[]'),
    'citations', coalesce((
      select json_agg(json_build_object('locator', ci.locator, 'passage', p.text, 'source', json_build_object('title', so.title)) order by ci.position)
      from citations ci
      join sources so on so.id = ci.source_id
      left join passages p on p.source_id = ci.source_id and p.locator = ci.locator
      where ci.concept_id = c.id), '[]')
  )::text as concept
  from concepts c join kinds k on k.slug = c.kind
  where c.slug = ${slug}`;

const server = createServer((request, response) => {
  if (request.method !== "POST" || request.url !== "/graphql") {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > 1 << 20) request.destroy();
    else chunks.push(chunk);
  });
  request.on("end", () => {
    let slug: unknown;
    try {
      slug = (JSON.parse(Buffer.concat(chunks).toString()) as { variables?: { slug?: unknown } }).variables?.slug;
    } catch {
      slug = undefined;
    }
    if (typeof slug !== "string") {
      response.writeHead(400, { "content-type": "application/json" }).end('{"errors":[{"message":"variables.slug is required"}]}');
      return;
    }
    conceptPage(slug).then(
      ([row]) => response.writeHead(200, { "content-type": "application/json" }).end(`{"data":{"concept":${row?.concept ?? "null"}}}`),
      () => response.writeHead(500, { "content-type": "application/json" }).end('{"errors":[{"message":"Unexpected error."}]}'),
    );
  });
});
server.listen(0, "127.0.0.1", () => console.log(`hand-written listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => {
  server.close();
  void sql.end().then(() => process.exit(0));
});
