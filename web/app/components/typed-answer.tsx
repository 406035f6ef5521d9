/**
 * Type-in mode for a flashcard (Anki's "type in the answer"): the learner types
 * the term, the server grades it (case, punctuation, aliases and small typos
 * forgiven) and the difference is shown letter by letter.
 */
import { createSignal, For, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { CheckTypedAnswerDocument, type CheckTypedAnswerQuery } from "../api/generated/graphql.ts";

export type TypedGrade = CheckTypedAnswerQuery["checkTypedAnswer"];
export type DiffPart = TypedGrade["diff"][number];

/** The answer box; calls `onGraded` once the server has graded what was typed. */
export function TypedAnswerForm(props: { cardId: string; onGraded: (grade: TypedGrade, typed: string) => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");
  let input: HTMLInputElement | undefined;
  return (
    <form
      class="type-in"
      onSubmit={async (event) => {
        event.preventDefault();
        const typed = input?.value ?? "";
        setBusy(true);
        setError("");
        try {
          const { checkTypedAnswer } = await gql(CheckTypedAnswerDocument, { id: props.cardId, answer: typed.slice(0, 200) });
          props.onGraded(checkTypedAnswer, typed);
        } catch (e) {
          setError((e as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label for="typed-answer">Your answer</label>
      <div class="type-in-row">
        <input
          id="typed-answer"
          ref={(el) => {
            input = el;
            // Ready to type as soon as the card shows.
            queueMicrotask(() => el.focus());
          }}
          name="answer"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          maxlength={200}
        />
        <button type="submit" disabled={busy()}>
          Check <kbd>Enter</kbd>
        </button>
      </div>
      <Show when={error()}>
        <p class="notice error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}

/** What was typed against the expected answer: kept letters plain, extra ones struck, missing ones marked. */
export function TypedDiff(props: { grade: TypedGrade; typed: string }) {
  const verdict = () => (props.grade.correct ? (props.grade.exact ? "Right." : "Right, with a small slip.") : "Not quite.");
  return (
    <div class={`typed-result ${props.grade.correct ? "right" : "wrong"}`}>
      <p class="verdict">
        <strong>{verdict()}</strong> You typed <q>{props.typed.trim() || "nothing"}</q>; the answer is <q>{props.grade.expected}</q>.
      </p>
      <Show when={!props.grade.exact && props.typed.trim()}>
        <p class="diff" aria-label="Difference, letter by letter">
          <For each={props.grade.diff}>
            {(part) =>
              part.kind === "SAME" ? (
                <span>{part.text}</span>
              ) : part.kind === "EXTRA" ? (
                <del title="typed, not in the answer">{part.text}</del>
              ) : (
                <ins title="missing from what you typed">{part.text}</ins>
              )
            }
          </For>
        </p>
      </Show>
    </div>
  );
}
