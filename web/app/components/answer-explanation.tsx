/**
 * What an answer teaches: the right answer as a sentence, why the chosen one
 * is wrong (when it was), and the passages of the sources both come from.
 */
import { Show } from "solid-js";
import { CitedPassages } from "./cited-passages.tsx";
import type { AnswerResult, Citation } from "./quiz-store.ts";

/** The verdict and the explanations, as sentences (no sources). */
export function AnswerVerdict(props: { result: AnswerResult; correctText: string; chosenText: string }) {
  return (
    <>
      <p class={props.result.correct ? "right-text" : "wrong-text"}>
        <strong>{props.result.correct ? "Right." : "Not quite."}</strong> {props.result.correct ? "" : `The answer is ${props.correctText}. `}
        {props.result.explanation}
      </p>
      <Show when={!props.result.correct && props.result.chosenExplanation}>
        {(why) => (
          <p class="why-not">
            <strong>Why not “{props.chosenText}”?</strong> {why()}
          </p>
        )}
      </Show>
    </>
  );
}

const key = (c: Citation) => `${c.source.title}\u0000${c.locator}`;

/**
 * The cited passages: those behind the right answer, then those about the
 * wrong choice (without repeating one). `open` unfolds the first passage of
 * each group; the others stay a click away, so a phone is not all quotes.
 */
export function AnswerSources(props: { result: AnswerResult; chosenText: string; open?: boolean }) {
  const chosen = () => {
    const seen = new Set(props.result.citations.map(key));
    return props.result.chosenCitations.filter((c) => !seen.has(key(c)));
  };
  return (
    <Show when={props.result.citations.length + chosen().length > 0}>
      <div class="answer-sources">
        <Show when={props.result.citations.length > 0}>
          <p class="sources-title">{props.result.citations.length === 1 ? "Source" : "Sources"}</p>
          <CitedPassages citations={props.result.citations} open={props.open} />
        </Show>
        <Show when={chosen().length > 0}>
          <p class="sources-title">About “{props.chosenText}”</p>
          <CitedPassages citations={chosen()} open={props.open} />
        </Show>
      </div>
    </Show>
  );
}
