/** What every resolver receives: the database, this request's loaders, and the study services. */
import type { learners } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import type { RoomBus } from "../rooms/room-events.ts";
import type { GraphSnapshot } from "../study/graph-snapshot.ts";
import type { Loaders } from "./loaders.ts";

export interface GraphContext {
  db: Db;
  /** Stops this request: useRequestLimits aborts it at the time or value budget, and the loaders then send nothing more. */
  stopper: AbortController;
  loaders: Loaders;
  /** The whole graph in memory, for generating cards and quizzes (one per graph version). */
  snapshot: () => Promise<GraphSnapshot>;
  /** The key quiz ids are signed with. */
  quizKey: () => Promise<string>;
  /** The learner whose bearer token came with the request, or null. */
  learner: () => Promise<typeof learners.$inferSelect | null>;
  /** Where live rooms' changes are published and subscribed to, across processes. */
  rooms: RoomBus;
  /** "Now" for scheduling; one instant per request. */
  now: Date;
}
