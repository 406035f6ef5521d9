/**
 * `npm run seed:synthetic -- --concepts 100000 [--relations-per-concept 5] [--database NAME]`
 *
 * Builds a large random graph — concepts with varied names, typed relations,
 * claims on aspects and citations — in a database of its own (see
 * synthetic-database.ts), to measure how each operation grows with the graph.
 * `--database` names it (default graphdeck_synthetic; with PGlite, the folder
 * under DATA_DIR, default "synthetic"), so graphs of several sizes can sit side by side.
 * Everything is generated set-wise in SQL, so 100k concepts take seconds.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { connect } from "../../server/db/connect.ts";
import { migrate } from "../../server/db/migrate.ts";
import { queryRows } from "../../server/db/query-rows.ts";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { refreshNameTables } from "../../server/seed/name-tables.ts";
import { refreshStudyRows } from "../../server/seed/study-rows.ts";
import { SEEDS_DIR } from "../support/seed-paths.ts";
import { syntheticTarget } from "./synthetic-database.ts";

const { values } = parseArgs({
  options: {
    concepts: { type: "string", default: "100000" },
    "relations-per-concept": { type: "string", default: "5" },
    database: { type: "string" },
  },
});
const concepts = Number(values.concepts);
const perConcept = Number(values["relations-per-concept"]);
if (!Number.isInteger(concepts) || concepts < 10 || !Number.isInteger(perConcept) || perConcept < 1) {
  console.error("usage: npm run seed:synthetic -- --concepts N (N >= 10) [--relations-per-concept K] [--database NAME]");
  process.exit(2);
}

let target: Awaited<ReturnType<typeof syntheticTarget>>;
try {
  target = await syntheticTarget(process.env.DATABASE_URL || undefined, values.database);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const database = await connect({ ...target, maxConnections: 1 });
const started = Date.now();
try {
  await migrate(database);
  // The real seeds first: vocabularies, sources and the hand-written concepts stay reachable.
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: undefined });
  const db = database.db;
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from concepts where slug like 'syn-%'`);
    // Names from syllables so trigram search meets realistic, overlapping words.
    await tx.execute(sql`
      insert into concepts (slug, name, kind, summary, description, aliases, search_names)
      select 'syn-' || i,
             name,
             (select array_agg(slug order by position) from kinds)[1 + i % (select count(*) from kinds)],
             'A synthetic concept number ' || i || ' used to measure the API at scale.',
             'It exists only in the benchmark database; its relations and claims are random.',
             array[lower(name) || ' alias'],
             lower(name) || chr(10) || lower(name) || ' alias'
      from (
        select i,
               (array['Vir','Con','Hyper','Kube','Pod','Dock','Xen','Qem','Lux','Build','Kan','Cloud','Net','Stor','Imag','Lay'])[1 + i % 16]
               || (array['ta','ro','ma','ni','lo','ve','su','ka','pe','do','ri','zu','fa','ge','bo','xi'])[1 + (i / 16) % 16]
               || (array['nix','tor','ware','box','mon','ion','ent','ode','ine','ash','ock','ium','ard','ell','ist','ope'])[1 + (i / 256) % 16]
               || ' ' || i as name
        from generate_series(1, ${concepts}) as i
      ) as generated`);
    await tx.execute(sql`
      insert into relations (type, source_id, target_id)
      select types[1 + (random() * (cardinality(types) - 1))::int], s, t
      from (select array_agg(slug) as types from relation_types) as vocabulary,
           (select min(id) as lo, max(id) as hi from concepts where slug like 'syn-%') as range,
           lateral (
             select lo + (random() * (hi - lo))::int as s, lo + (random() * (hi - lo))::int as t
             from generate_series(1, ${concepts * perConcept})
           ) as pairs
      where s <> t
      on conflict do nothing`);
    await tx.execute(sql`
      insert into claims (key, concept_id, statement, polarity, aspect, value, position)
      select c.slug || '/synthetic', c.id, 'A synthetic claim about ' || c.name || '.',
             (array['pro','con','neutral']::polarity[])[1 + c.id % 3],
             (select array_agg(slug order by position) from aspects)[1 + c.id % (select count(*) from aspects)],
             'value ' || (c.id % 7), 1000000 + c.id
      from concepts c where c.slug like 'syn-%'`);
    await tx.execute(sql`
      insert into citations (source_id, locator, concept_id, position)
      select (select min(id) from sources), 'Lead ¶1', id, 0 from concepts where slug like 'syn-%'`);
    await refreshNameTables(tx);
    await refreshStudyRows(tx);
  });
  // Vacuumed as well as analysed: a study region walks relations by index alone only where the
  // visibility map says the table's pages are settled, which autovacuum would otherwise see to later.
  await db.execute(sql`vacuum analyze`);
  const [counts] = await queryRows<{ concepts: number; relations: number; claims: number }>(
    db,
    sql`select (select count(*) from concepts)::int as concepts, (select count(*) from relations)::int as relations, (select count(*) from claims)::int as claims`,
  );
  const where = target.dataDir ? `PGlite in ${target.dataDir}` : `PostgreSQL database ${new URL(target.databaseUrl ?? "postgres://x/").pathname.slice(1)}`;
  console.log(
    `synthetic graph built in ${((Date.now() - started) / 1000).toFixed(1)} s (${where}): ` +
      `${counts?.concepts} concepts, ${counts?.relations} relations, ${counts?.claims} claims`,
  );
} finally {
  await database.close();
}
