/**
 * Errors a room call answers with: BAD_USER_INPUT like every argument a client got wrong, plus a
 * `reason` the app acts on (an unknown code sends a player back to the join form, say).
 */
import { createGraphQLError } from "graphql-yoga";
import type { GraphQLError } from "graphql";

export type RoomErrorReason =
  | "UNKNOWN_ROOM"
  | "ROOM_CLOSED"
  | "ROOM_FINISHED"
  | "ROOM_FULL"
  | "NOT_IN_ROOM"
  | "NOT_HOST"
  | "NOT_PLAYER"
  | "NICKNAME_TAKEN"
  | "WRONG_PHASE"
  | "LATE_ANSWER"
  | "ALREADY_ANSWERED"
  | "NOT_CURRENT_QUESTION"
  | "UNKNOWN_CHOICE";

export function roomError(reason: RoomErrorReason, message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: "BAD_USER_INPUT", reason } });
}
