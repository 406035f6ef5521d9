/**
 * The host's screen, made for a classroom projector: the code, join link and QR code while players
 * join; then each question with its countdown and how many have answered; the answer with its
 * shares and source; the leaderboard; the podium, the results as CSV and a replay.
 */
import { For, Match, Show, Switch } from "solid-js";
import { gql } from "../api/graphql.ts";
import { CloseRoomDocument, NextQuestionDocument, ReplayRoomDocument, RevealAnswerDocument, RoomResultsCsvDocument, StartRoomDocument, type TypedDocumentString } from "../api/generated/graphql.ts";
import { keepRoomSeat, shownCode } from "../api/room-seats.ts";
import type { HostRoomView } from "../api/room-updates.ts";
import { createAction } from "./action-state.tsx";
import { RoomCountdown } from "./room-countdown.tsx";
import { RoomQrCode } from "./room-qr-code.tsx";
import { RoomReveal } from "./room-reveal.tsx";
import { RoomLeaderboard, RoomPodium } from "./room-standings.tsx";

/** A host control's document: every one answers with the host's view under its own name. */
type Control<T> = TypedDocumentString<T, { code: string; token: string }>;

export function RoomHostScreen(props: { view: HostRoomView; token: string; onView: (view: HostRoomView) => void; onReplay: (code: string) => void }) {
  const action = createAction();
  const act = action.run;
  const busy = action.busy;
  const joinUrl = () => `${location.origin}/room?code=${props.view.code}`;
  const control = <T,>(document: Control<T>, viewOf: (data: T) => HostRoomView) =>
    act(async () => props.onView(viewOf(await gql(document, { code: props.view.code, token: props.token }))));
  const download = () =>
    act(async () => {
      const { roomResultsCsv } = await gql(RoomResultsCsvDocument, { code: props.view.code, token: props.token });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([roomResultsCsv], { type: "text/csv" }));
      link.download = `graphdeck-room-${props.view.code}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  const replay = () =>
    act(async () => {
      const { replayRoom } = await gql(ReplayRoomDocument, { code: props.view.code, token: props.token });
      keepRoomSeat(replayRoom.code, { token: replayRoom.token, role: "HOST" });
      props.onReplay(replayRoom.code);
    });
  const last = () => (props.view.questionIndex ?? 0) + 1 >= props.view.questionCount;
  return (
    <section class="room-host" aria-label="Host screen">
      <Switch>
        <Match when={props.view.phase === "LOBBY"}>
          <h1>
            Join at <span class="room-code">{shownCode(props.view.code)}</span>
          </h1>
          <div class="room-join-info">
            <RoomQrCode url={joinUrl()} />
            <p>
              Open <a href={joinUrl()}>{joinUrl()}</a> or scan the code, then pick a nickname. {props.view.questionCount} questions, {props.view.seconds} s each.
            </p>
          </div>
          <h2>
            {props.view.players.length} {props.view.players.length === 1 ? "player" : "players"} joined
          </h2>
          <ul class="room-players" aria-live="polite">
            <For each={props.view.players}>{(player) => <li>{player.nickname}</li>}</For>
          </ul>
          <button type="button" class="primary" disabled={busy() || props.view.players.length === 0} onClick={() => void control(StartRoomDocument, (d) => d.startRoom)}>
            Start the quiz
          </button>
        </Match>
        <Match when={props.view.phase === "QUESTION" && props.view.question}>
          {(question) => (
            <>
              <p class="progress-text">
                Question {(props.view.questionIndex ?? 0) + 1} of {props.view.questionCount} · room {shownCode(props.view.code)}
              </p>
              <RoomCountdown remainingMs={props.view.remainingMs ?? 0} seconds={props.view.seconds} version={props.view.version} />
              <h1>{question().prompt}</h1>
              <ol class="choices room-choices">
                <For each={question().choices}>{(choice) => <li class="choice-text">{choice.text}</li>}</For>
              </ol>
              <p aria-live="polite">
                {props.view.answeredCount ?? 0} of {props.view.players.length} answered
              </p>
              <button type="button" disabled={busy()} onClick={() => void control(RevealAnswerDocument, (d) => d.revealAnswer)}>
                Show the answer now
              </button>
            </>
          )}
        </Match>
        <Match when={props.view.phase === "REVEAL" && props.view.question && props.view.reveal ? { question: props.view.question, reveal: props.view.reveal } : undefined}>
          {(shown) => (
            <>
              <p class="progress-text">
                Question {(props.view.questionIndex ?? 0) + 1} of {props.view.questionCount}
              </p>
              <h1>{shown().question.prompt}</h1>
              <RoomReveal question={shown().question} reveal={shown().reveal} />
              <h2>Leaderboard</h2>
              <RoomLeaderboard players={props.view.players} total={props.view.playerCount} limit={10} />
              <button type="button" class="primary" disabled={busy()} onClick={() => void control(NextQuestionDocument, (d) => d.nextQuestion)}>
                {last() ? "Show the podium" : "Next question"}
              </button>
            </>
          )}
        </Match>
        <Match when={props.view.phase === "FINISHED" || props.view.phase === "CLOSED"}>
          <h1>{props.view.phase === "CLOSED" ? "Room closed" : "Podium"}</h1>
          <RoomPodium podium={props.view.podium} />
          <h2>Everyone</h2>
          <RoomLeaderboard players={props.view.players} total={props.view.playerCount} />
          <div class="quiz-actions">
            <button type="button" disabled={busy()} onClick={() => void download()}>
              Download the results (CSV)
            </button>
            <Show when={!props.view.replayCode}>
              <button type="button" class="primary" disabled={busy()} onClick={() => void replay()}>
                Play the same quiz again
              </button>
            </Show>
            <Show when={props.view.phase === "FINISHED"}>
              <button type="button" disabled={busy()} onClick={() => void control(CloseRoomDocument, (d) => d.closeRoom)}>
                Close the room
              </button>
            </Show>
          </div>
        </Match>
      </Switch>
      <action.Notice />
    </section>
  );
}
