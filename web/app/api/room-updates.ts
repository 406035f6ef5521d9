/**
 * Keeps a room screen current: holds the RoomUpdates subscription (server-sent events over a fetch
 * POST, so the token never sits in an address), and when the connection drops — a phone sleeping, a
 * server restarting — opens it again after a short pause; the first view it gets is the room as it
 * is now, so the screen resumes at the current question. Errors the server gives for the room itself
 * (an unknown code, a token it does not know) end it: trying again would not help.
 */
import type { HostRoomUpdatesSubscription, RoomViewFieldsFragment, TypedDocumentString } from "./generated/graphql.ts";

/** The host's view: a player's, plus the whole class. */
export type HostRoomView = HostRoomUpdatesSubscription["room"];
import { readSseEvents } from "./sse-events.ts";

export interface RoomWatch {
  stop(): void;
}

export interface RoomWatchHandlers<V> {
  view(view: V): void;
  /** Connected or not (a reconnection under way). */
  connection(connected: boolean): void;
  /** The room refused this screen for good. */
  refused(message: string, reason: string | undefined): void;
}

type Result<V> = { data?: { room: V }; errors?: { message: string; extensions?: { reason?: string } }[] };

/** `document` is the host's subscription or the players' (which leaves the class list out). */
export function watchRoom<V extends RoomViewFieldsFragment>(
  document: TypedDocumentString<{ room: V }, { code: string; token: string }>,
  code: string,
  token: string,
  on: RoomWatchHandlers<V>,
): RoomWatch {
  let stopped = false;
  let controller: AbortController | undefined;
  let pause = 500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = async () => {
    controller = new AbortController();
    let refused = false;
    try {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query: document.toString(), variables: { code, token } }),
        signal: controller.signal,
      });
      if (!response.body || !response.ok) throw new Error(`status ${response.status}`);
      await readSseEvents(response.body, (event, data) => {
        if (event !== "next") return;
        const result = JSON.parse(data) as Result<V>;
        const error = result.errors?.[0];
        if (error) {
          refused = true;
          on.refused(error.message, error.extensions?.reason);
          return;
        }
        if (result.data) {
          pause = 500;
          on.connection(true);
          on.view(result.data.room);
        }
      });
    } catch {
      // Dropped or unreachable: tried again below.
    }
    if (stopped || refused) return;
    on.connection(false);
    timer = setTimeout(() => void connect(), pause);
    pause = Math.min(pause * 2, 5000);
  };
  void connect();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    },
  };
}
