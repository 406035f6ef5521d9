/**
 * The room tokens this browser holds, by room code: a reload (or the join link opened again) takes
 * the same seat, as host or player, without joining again.
 */
export interface RoomSeat {
  token: string;
  role: "HOST" | "PLAYER";
}

const key = (code: string) => `graphdeck.room.${code.toUpperCase()}`;
/** Where seats are kept when localStorage refuses (private mode): until the page is closed. */
const memory = new Map<string, RoomSeat>();

export function roomSeat(code: string): RoomSeat | null {
  try {
    const seat = JSON.parse(localStorage.getItem(key(code)) ?? "null") as RoomSeat | null;
    return seat && typeof seat.token === "string" ? seat : (memory.get(key(code)) ?? null);
  } catch {
    return memory.get(key(code)) ?? null;
  }
}

export function keepRoomSeat(code: string, seat: RoomSeat): void {
  memory.set(key(code), seat);
  try {
    localStorage.setItem(key(code), JSON.stringify(seat));
  } catch {
    // Private mode: kept in memory only.
  }
}

/** A room code as shown and read aloud: two groups of three. */
export function shownCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}
