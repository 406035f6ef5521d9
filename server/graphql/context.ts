/** What every resolver receives: the database, this request's loaders, and the study services. */
import type { learners } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import type { RoomBus } from "../rooms/room-events.ts";
import type { StudyGraphs } from "../study/study-graphs.ts";
import type { Loaders } from "./loaders.ts";

export interface GraphContext {
  db: Db;
  /** Stops this request: useRequestLimits aborts it at the time or value budget, and the loaders then send nothing more. */
  stopper: AbortController;
  loaders: Loaders;
  /** The graph (whole, or a region of a large one) each quiz, round, deck and card is made from. */
  study: StudyGraphs;
  /** The key quiz ids are signed with. */
  quizKey: () => Promise<string>;
  /** The learner whose bearer token came with the request, or null. */
  learner: () => Promise<typeof learners.$inferSelect | null>;
  /** Where live rooms' changes are published and subscribed to, across processes. */
  rooms: RoomBus;
  /** "Now" for scheduling; one instant per request. */
  now: Date;
}
