/** What every resolver receives: the database and this request's loaders. */
import type { Db } from "../db/connect.ts";
import type { Loaders } from "./loaders.ts";

export interface GraphContext {
  db: Db;
  loaders: Loaders;
}
