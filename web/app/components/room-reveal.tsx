/** A closed question: each choice's share of the answers, the right one marked, why, and where it comes from. */
import { For, Show } from "solid-js";
import type { RoomViewFieldsFragment } from "../api/generated/graphql.ts";

type Question = NonNullable<RoomViewFieldsFragment["question"]>;
type Reveal = NonNullable<RoomViewFieldsFragment["reveal"]>;

export function RoomReveal(props: { question: Question; reveal: Reveal; chosen?: string | undefined }) {
  const share = (choiceId: string) => props.reveal.shares.find((s) => s.choiceId === choiceId);
  return (
    <section class="room-reveal" aria-label="Answer">
      <ol class="room-shares">
        <For each={props.question.choices}>
          {(choice) => {
            const right = () => choice.id === props.reveal.correctChoiceId;
            const percent = () => Math.round((share(choice.id)?.share ?? 0) * 100);
            return (
              <li classList={{ right: right(), chosen: choice.id === props.chosen }}>
                <span class="text">
                  {right() ? "✓ " : ""}
                  {choice.text}
                  {choice.id === props.chosen ? " (your answer)" : ""}
                </span>
                <span class="bar" style={{ width: `${percent()}%` }} aria-hidden="true" />
                <span class="count">
                  {share(choice.id)?.count ?? 0} ({percent()}%)
                </span>
              </li>
            );
          }}
        </For>
      </ol>
      <p class="explanation">{props.reveal.explanation}</p>
      <Show when={props.reveal.citations.length > 0}>
        <p class="source">
          Source:{" "}
          <For each={props.reveal.citations}>
            {(citation, i) => (
              <>
                {i() > 0 ? "; " : ""}
                <Show when={citation.source.address} fallback={<cite>{citation.source.title}</cite>}>
                  {(address) => (
                    <a href={address()} rel="noopener noreferrer">
                      <cite>{citation.source.title}</cite>
                    </a>
                  )}
                </Show>{" "}
                ({citation.source.publisher}), {citation.locator}
              </>
            )}
          </For>
        </p>
      </Show>
    </section>
  );
}
