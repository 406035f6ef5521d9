/**
 * A list of citations, each a source title and locator that unfolds into the
 * passage it points at. One look for the concept page and quiz answers alike.
 */
import { For, Show } from "solid-js";

export interface CitedPassage {
  source: { title: string };
  locator: string;
  passage?: string | null;
}

/** `open` unfolds the first passage; the others stay a click away, so a phone is not all quotes. */
export function CitedPassages(props: { citations: readonly CitedPassage[]; open?: boolean }) {
  return (
    <ul class="citations">
      <For each={props.citations}>
        {(citation, i) => (
          <li>
            <Show
              when={citation.passage}
              fallback={
                <>
                  <cite>{citation.source.title}</cite>, {citation.locator}
                </>
              }
            >
              {(passage) => (
                <details open={props.open && i() === 0}>
                  <summary>
                    <cite>{citation.source.title}</cite>, {citation.locator}
                  </summary>
                  <blockquote>{passage()}</blockquote>
                </details>
              )}
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}
