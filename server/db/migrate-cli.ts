/** `npm run migrate`: bring the configured database up to the latest migration. */
import { loadConfig } from "../config.ts";
import { connect } from "./connect.ts";
import { migrate } from "./migrate.ts";

const config = loadConfig();
const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(database);
  console.log(`migrations applied (${database.kind})`);
} finally {
  await database.close();
}
