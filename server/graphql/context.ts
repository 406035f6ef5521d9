/** What every resolver receives: the database, for this request. */
import type { Db } from "../db/connect.ts";

export interface GraphContext {
  db: Db;
}
