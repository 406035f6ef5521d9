/**
 * Text the API cut into spans, the matched words marked: each span is a text
 * node (inside <mark> when marked), never markup, so nothing in the text can
 * turn into HTML.
 */
import { For, Show } from "solid-js";

export type TextSpan = { text: string; highlight: boolean };

export function Highlighted(props: { spans: TextSpan[] }) {
  return (
    <For each={props.spans}>
      {(span) => (
        <Show when={span.highlight} fallback={span.text}>
          <mark>{span.text}</mark>
        </Show>
      )}
    </For>
  );
}
