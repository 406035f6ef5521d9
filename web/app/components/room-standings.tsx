/** The leaderboard (best first, ties sharing a rank) and the podium at the end. */
import { For, Show } from "solid-js";
import type { RoomViewFieldsFragment } from "../api/generated/graphql.ts";

type Player = RoomViewFieldsFragment["leaderboard"][number];

/** `players` best first; `total` counts those not shown (a phone gets only the top of the list). */
export function RoomLeaderboard(props: { players: Player[]; total: number; me?: string | undefined; limit?: number }) {
  const shown = () => props.players.slice(0, props.limit ?? props.players.length);
  return (
    <ol class="room-leaderboard" aria-label="Leaderboard">
      <For each={shown()}>
        {(player) => (
          <li classList={{ me: player.nickname === props.me }}>
            <span class="rank">{player.rank}</span> <span class="name">{player.nickname}</span> <span class="score">{player.score}</span>
          </li>
        )}
      </For>
      <Show when={props.total > shown().length}>
        <li class="muted">and {props.total - shown().length} more</li>
      </Show>
    </ol>
  );
}

export function RoomPodium(props: { podium: RoomViewFieldsFragment["podium"] }) {
  const places = ["first", "second", "third"];
  return (
    <ol class="room-podium" aria-label="Podium">
      <For each={props.podium}>
        {(player) => (
          <li class={places[player.rank - 1] ?? ""}>
            <span class="place">{player.rank === 1 ? "🥇" : player.rank === 2 ? "🥈" : "🥉"}</span>
            <strong class="name">{player.nickname}</strong>
            <span class="score">{player.score} points</span>
          </li>
        )}
      </For>
    </ol>
  );
}
