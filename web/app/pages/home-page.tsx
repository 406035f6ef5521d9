/** Home: what Graphdeck is, decks and quiz kinds to start, cards due, and search. */
import { A, useNavigate } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { gql, storedToken } from "../api/graphql.ts";
import { DecksDocument, HomeProgressDocument } from "../api/generated/graphql.ts";
import { AsyncView, loaded } from "../components/async-view.tsx";
import { DailyGoal } from "../components/daily-goal.tsx";
import { WeakSpotsButton } from "../components/weak-spots-button.tsx";
import { QUIZ_KINDS } from "../quiz-kinds.ts";

export default function HomePage() {
  const navigate = useNavigate();
  const [decks, { refetch }] = createResource(() => gql(DecksDocument).then((d) => d.decks));
  const [due] = createResource(
    () => storedToken(),
    () => gql(HomeProgressDocument, { tz: Intl.DateTimeFormat().resolvedOptions().timeZone }, { auth: true }).then((d) => d.progress),
  );
  return (
    <>
      <h1>Learn containers and virtual machines from a map of their concepts</h1>
      <form
        role="search"
        class="search"
        onSubmit={(event) => {
          event.preventDefault();
          const q = new FormData(event.currentTarget).get("q");
          navigate(`/explore?q=${encodeURIComponent(String(q ?? ""))}`);
        }}
      >
        <label for="home-search">Search concepts</label>
        <input id="home-search" name="q" type="search" placeholder="e.g. hypervisor, cgroups, virtualbx" />
        <button type="submit">Search</button>
      </form>
      <Show when={loaded(due)}>
        {(p) => (
          <p class="due">
            <A href="/flashcards">
              {p().dueToday} cards due today, {p().cards.new} new — study now
            </A>
          </p>
        )}
      </Show>
      <DailyGoal />
      <h2>Take a quiz</h2>
      <ul class="tiles">
        <For each={QUIZ_KINDS}>
          {(kind) => (
            <li>
              <A href={`/quiz/play?kind=${kind.id}&count=10`}>
                <strong>{kind.title}</strong>
                <span>{kind.description}</span>
              </A>
            </li>
          )}
        </For>
      </ul>
      <WeakSpotsButton />
      <h2>Play a matching game</h2>
      <ul class="tiles">
        <li>
          <A href="/match?kind=CATEGORY">
            <strong>Tools and their categories</strong>
            <span>Sort providers and tools under the right category.</span>
          </A>
        </li>
        <li>
          <A href="/match?kind=SUMMARY">
            <strong>Concepts and their summaries</strong>
            <span>Pair each concept with what it is.</span>
          </A>
        </li>
      </ul>
      <h2>Study a deck</h2>
      <AsyncView resource={decks} retry={refetch} label="the decks">
        {(list) => (
          <ul class="tiles">
            <For each={list.filter((d) => d.kind !== "KIND").slice(0, 12)}>
              {(deck) => (
                <li>
                  <A href={`/flashcards?deck=${encodeURIComponent(deck.id)}`}>
                    <strong>{deck.title}</strong>
                    <span>{deck.cardCount} cards</span>
                  </A>
                  <a class="anki-link" href={`/decks/${encodeURIComponent(deck.id)}/anki.csv`} download="" aria-label={`Download ${deck.title} for Anki`}>
                    Download for Anki
                  </a>
                </li>
              )}
            </For>
          </ul>
        )}
      </AsyncView>
    </>
  );
}
