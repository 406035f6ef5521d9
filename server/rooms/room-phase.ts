/**
 * Where a room stands at an instant. A question's countdown ends without anyone writing it down:
 * an open question past its deadline reads as revealed, so no process has to be awake at that
 * moment (after a restart, or with several instances, any of them tells the same story).
 */
import type { RoomStatus } from "./room-snapshot.ts";

export type RoomPhase = "LOBBY" | "QUESTION" | "REVEAL" | "FINISHED" | "CLOSED";

export function roomPhase(status: RoomStatus, endsAt: Date | string | null, now: number): RoomPhase {
  if (status === "question") return endsAt !== null && new Date(endsAt).getTime() > now ? "QUESTION" : "REVEAL";
  return status === "lobby" ? "LOBBY" : status === "reveal" ? "REVEAL" : status === "finished" ? "FINISHED" : "CLOSED";
}
