/** Choosing a deck: everything, a topic, or a kind of concept (the flashcards and progress pages). */
import { createResource, For, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { DecksDocument, type DecksQuery } from "../api/generated/graphql.ts";
import { loaded } from "./async-view.tsx";

type Deck = DecksQuery["decks"][number];

export function DeckPicker(props: { deck: string; onChange: (deck: string) => void }) {
  const [decks] = createResource(() => gql(DecksDocument).then((d) => d.decks));
  const group = (kind: Deck["kind"]) => (loaded(decks) ?? []).filter((d) => d.kind === kind);
  const option = (deck: Deck) => (
    <option value={deck.id} selected={deck.id === props.deck}>
      {deck.title} ({deck.cardCount})
    </option>
  );
  return (
    <p class="pickers">
      <label for="deck-picker">Deck</label>
      <select id="deck-picker" disabled={!loaded(decks)} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <Show when={loaded(decks)} fallback={<option>{props.deck === "all" ? "All cards" : props.deck}</option>}>
          <For each={group("ALL")}>{option}</For>
          {/* A deck of named concepts (what a player missed in a live room) is opened by link, not listed. */}
          <Show when={props.deck.startsWith("concepts:")}>
            <option value={props.deck} selected>
              What I missed in the live quiz
            </option>
          </Show>
          <optgroup label="Topics">
            <For each={group("TOPIC")}>{option}</For>
          </optgroup>
          <optgroup label="Kinds of concept">
            <For each={group("KIND")}>{option}</For>
          </optgroup>
        </Show>
      </select>
      {/* The chosen deck as a CSV that Anki imports (File → Import). */}
      <a class="anki-link" href={`/decks/${encodeURIComponent(props.deck)}/anki.csv`} download="">
        Download for Anki
      </a>
    </p>
  );
}

