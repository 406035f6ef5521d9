/**
 * What one subscriber receives: its view of the room at once (so a reconnect resumes at the
 * current question with the score kept), then a new view whenever the room changes for it, and
 * when a question's countdown runs out (nobody writes that moment down: see room-phase.ts).
 */
import { Repeater } from "graphql-yoga";
import type { Db } from "../db/connect.ts";
import type { RoomBus } from "./room-events.ts";
import { loadRoomSnapshot, type RoomSnapshot } from "./room-snapshot.ts";
import { roomView, viewKey, type RoomViewRow, type RoomViewer } from "./room-view.ts";

export function roomStream(db: Db, bus: RoomBus, roomId: number, viewer: RoomViewer): Repeater<RoomViewRow> {
  return new Repeater<RoomViewRow>(async (push, stop) => {
    // Listening starts before the first read, so a change made in between is not missed.
    const { changes, release } = bus.subscribe(roomId);
    let next = changes.next();
    let latest: RoomSnapshot;
    try {
      latest = await loadRoomSnapshot(db, roomId);
    } catch (error) {
      release();
      void changes.return();
      throw error;
    }
    let sentKey = "";
    let timer: NodeJS.Timeout | undefined;
    const emit = (): void => {
      clearTimeout(timer);
      const view = roomView(latest, viewer, Date.now());
      const key = viewKey(view);
      if (key !== sentKey) {
        sentKey = key;
        void push(view);
      }
      if (view.phase === "QUESTION" && latest.endsAt) {
        // 5 ms past the deadline, so the view made then reads the question as closed.
        timer = setTimeout(emit, Math.max(0, new Date(latest.endsAt).getTime() - Date.now()) + 5);
      }
    };
    emit();
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      clearTimeout(timer);
      release();
      void changes.return();
    });
    while (!stopped) {
      // Stopping returns `changes`, which settles the pending read as done.
      const change = await next;
      if (change.done) break;
      // Snapshots may arrive out of order (two changes published at once): an older one is dropped.
      if (change.value.version >= latest.version) {
        latest = change.value;
        emit();
      }
      next = changes.next();
    }
    stop();
  });
}
