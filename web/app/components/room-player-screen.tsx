/**
 * A player's screen, made for a phone: who is in while waiting; big answer buttons and the countdown
 * during a question; right or wrong, the points and the source after it; the podium, their place and
 * "review what you missed" (those concepts as a flashcard deck) at the end.
 */
import { A } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { gql } from "../api/graphql.ts";
import { AnswerRoomQuestionDocument, type RoomViewFieldsFragment } from "../api/generated/graphql.ts";
import { createAction } from "./action-state.tsx";
import { RoomCountdown } from "./room-countdown.tsx";
import { RoomReveal } from "./room-reveal.tsx";
import { RoomLeaderboard, RoomPodium } from "./room-standings.tsx";

export function RoomPlayerScreen(props: { view: RoomViewFieldsFragment; token: string }) {
  const answering = createAction();
  const [sending, setSending] = createSignal<{ questionId: string; choiceId: string }>();
  const answer = (questionId: string, choiceId: string) =>
    answering.run(async () => {
      setSending({ questionId, choiceId });
      try {
        await gql(AnswerRoomQuestionDocument, { code: props.view.code, token: props.token, questionId, choiceId });
      } catch (failure) {
        // Refused (too late, say): the buttons come back with the reason beside them.
        setSending(undefined);
        throw failure;
      }
    });
  // The answer sent shows as chosen at once; the pushed view confirms it.
  const chosen = () => {
    const sent = sending();
    return props.view.myAnswer?.choiceId ?? (sent && sent.questionId === props.view.question?.id ? sent.choiceId : undefined);
  };
  const me = () => props.view.me;
  const reviewDeck = () => `/flashcards?deck=${encodeURIComponent(`concepts:${props.view.missed.map((c) => c.slug).join(",")}`)}`;
  return (
    <section class="room-player" aria-label="Player screen">
      <p class="room-me">
        {me()?.nickname} · {me()?.score ?? 0} points
        <Show when={props.view.phase !== "LOBBY"}> · rank {me()?.rank}</Show>
      </p>
      <Switch>
        <Match when={props.view.phase === "LOBBY"}>
          <h1>You are in!</h1>
          <p aria-live="polite">
            Waiting for the host to start. {props.view.playerCount} {props.view.playerCount === 1 ? "player" : "players"} in the room.
          </p>
        </Match>
        <Match when={props.view.phase === "QUESTION" && props.view.question}>
          {(question) => (
            <>
              <p class="progress-text">
                Question {(props.view.questionIndex ?? 0) + 1} of {props.view.questionCount}
              </p>
              <RoomCountdown remainingMs={props.view.remainingMs ?? 0} seconds={props.view.seconds} version={props.view.version} />
              <h1>{question().prompt}</h1>
              <ol class="choices room-choices">
                <For each={question().choices}>
                  {(choice) => (
                    <li>
                      <button type="button" classList={{ chosen: chosen() === choice.id }} aria-pressed={chosen() === choice.id} disabled={chosen() !== undefined} onClick={() => void answer(question().id, choice.id)}>
                        {choice.text}
                      </button>
                    </li>
                  )}
                </For>
              </ol>
              <p role="status" aria-live="polite">
                {props.view.myAnswer ? "Answer locked in. Wait for the others…" : ""}
              </p>
            </>
          )}
        </Match>
        <Match when={props.view.phase === "REVEAL" && props.view.question && props.view.reveal ? { question: props.view.question, reveal: props.view.reveal } : undefined}>
          {(shown) => (
            <>
              <h1 class={props.view.myAnswer?.correct ? "right-text" : "wrong-text"}>
                <strong>{props.view.myAnswer ? (props.view.myAnswer.correct ? `Right! +${props.view.myAnswer.points}` : "Not this time") : "Time is up"}</strong>
              </h1>
              <p class="review-prompt">{shown().question.prompt}</p>
              <RoomReveal question={shown().question} reveal={shown().reveal} chosen={props.view.myAnswer?.choiceId} />
              <h2>Leaderboard</h2>
              <RoomLeaderboard players={props.view.leaderboard} total={props.view.playerCount} me={me()?.nickname} />
            </>
          )}
        </Match>
        <Match when={props.view.phase === "FINISHED" || props.view.phase === "CLOSED"}>
          <h1>
            {me() ? `You came ${ordinal(me()?.rank ?? 0)} with ${me()?.score ?? 0} points` : "The quiz is over"}
          </h1>
          <RoomPodium podium={props.view.podium} />
          <Show when={props.view.missed.length > 0} fallback={<p>Every question right. Well done!</p>}>
            <p>
              <A class="button primary" href={reviewDeck()}>
                Review what you missed ({props.view.missed.length} {props.view.missed.length === 1 ? "concept" : "concepts"})
              </A>
            </p>
            <p class="muted">{props.view.missed.map((c) => c.name).join(", ")}</p>
          </Show>
        </Match>
      </Switch>
      <answering.Notice />
    </section>
  );
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
