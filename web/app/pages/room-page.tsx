/**
 * One room (/room?code=…), for whoever opens it: the host's screen or a player's, by the token this
 * browser keeps for the code; without one, the form to join (the join link and the QR code lead
 * here). The screen follows the room's subscription, which resumes by itself after a drop or a
 * reload; when the host replays the quiz, players follow to the new room with the same seat.
 */
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, on, onCleanup, Show } from "solid-js";
import { HostRoomUpdatesDocument, RoomUpdatesDocument, type RoomViewFieldsFragment } from "../api/generated/graphql.ts";
import { keepRoomSeat, roomSeat, type RoomSeat } from "../api/room-seats.ts";
import { watchRoom, type HostRoomView } from "../api/room-updates.ts";
import { RoomHostScreen } from "../components/room-host-screen.tsx";
import { RoomJoinForm } from "../components/room-join-form.tsx";
import { RoomPlayerScreen } from "../components/room-player-screen.tsx";

export default function RoomPage() {
  const [params] = useSearchParams<{ code?: string }>();
  const navigate = useNavigate();
  const code = () => (params.code ?? "").replace(/[\s-]+/g, "").toUpperCase();
  const [seat, setSeat] = createSignal<RoomSeat | null>(roomSeat(code()));
  const [view, setView] = createSignal<RoomViewFieldsFragment>();
  // The host's subscription carries the whole class (`players`); the page keeps both in one signal.
  const [hostView, setHostView] = createSignal<HostRoomView>();
  const [connected, setConnected] = createSignal(true);
  const [refusal, setRefusal] = createSignal<string>();

  createEffect(
    on([code, seat], ([room, held]) => {
      setView(undefined);
      setHostView(undefined);
      setRefusal(undefined);
      if (!room || !held) return;
      // A view older than the one shown (a late push from a previous connection) is dropped.
      const newer = <V extends RoomViewFieldsFragment>(shown: V | undefined, next: V) => (shown && shown.code === next.code && shown.version > next.version ? shown : next);
      const handlers = { connection: setConnected, refused: (message: string) => setRefusal(message) };
      const watch =
        held.role === "HOST"
          ? watchRoom(HostRoomUpdatesDocument, room, held.token, { ...handlers, view: (next) => (setHostView((shown) => newer(shown, next)), setView((shown) => newer(shown, next))) })
          : watchRoom(RoomUpdatesDocument, room, held.token, { ...handlers, view: (next) => setView((shown) => newer(shown, next)) });
      onCleanup(() => watch.stop());
    }),
  );

  // The host replayed the quiz: a player's token holds a seat in the new room too.
  createEffect(() => {
    const next = view()?.replayCode;
    const held = seat();
    if (next && held?.role === "PLAYER") {
      keepRoomSeat(next, held);
      navigate(`/room?code=${next}`);
    }
  });
  createEffect(on(code, (room) => setSeat(roomSeat(room))));

  const enter = (room: string) => {
    if (room === code()) setSeat(roomSeat(room));
    else navigate(`/room?code=${room}`);
  };

  return (
    <Show
      when={seat()}
      fallback={
        <>
          <h1>Join the live quiz</h1>
          <RoomJoinForm code={code()} onJoined={enter} />
        </>
      }
    >
      {(held) => (
        <>
          <Show when={!connected() && !refusal()}>
            <p class="notice" role="status">
              Reconnecting…
            </p>
          </Show>
          <Show when={refusal()}>
            {(message) => (
              <div class="notice error" role="alert">
                <p>{message()}</p>
                <p>
                  <A href="/rooms">Join or host another room</A>
                </p>
              </div>
            )}
          </Show>
          <Show when={view()} fallback={<Show when={!refusal()}><p class="notice" role="status">Connecting to the room…</p></Show>}>
            {(shown) => (
              <Show when={held().role === "HOST" ? hostView() : undefined} fallback={<RoomPlayerScreen view={shown()} token={held().token} />}>
                {(hosting) => (
                  <RoomHostScreen
                    view={hosting()}
                    token={held().token}
                    onView={(next) => (setHostView(next), setView(next))}
                    onReplay={(next) => navigate(`/room?code=${next}`)}
                  />
                )}
              </Show>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}
