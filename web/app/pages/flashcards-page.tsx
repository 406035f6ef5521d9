/**
 * Studying a deck: one card at a time. Space flips, 1–4 rate (Again, Hard,
 * Good, Easy — each button shows the interval it gives), U undoes the last
 * rating. Works without a mouse.
 */
import { useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { AsyncView, loaded } from "../components/async-view.tsx";
import { DeckPicker } from "../components/deck-picker.tsx";

type Interval = { interval: string; due: string };
type Card = {
  id: string;
  front: string;
  back: string;
  explanation: string;
  concept: { name: string };
  progress: { due: string; state: string };
  intervals: { again: Interval; hard: Interval; good: Interval; easy: Interval };
};

const RATINGS = [
  { key: "1", rating: "AGAIN", field: "again", label: "Again" },
  { key: "2", rating: "HARD", field: "hard", label: "Hard" },
  { key: "3", rating: "GOOD", field: "good", label: "Good" },
  { key: "4", rating: "EASY", field: "easy", label: "Easy" },
] as const;

const DUE = `query ($deck: String) { dueCards(deck: $deck, first: 20) { id front back explanation concept { name }
  progress { due state } intervals { again { interval due } hard { interval due } good { interval due } easy { interval due } } } }`;

export default function FlashcardsPage() {
  const [params, setParams] = useSearchParams<{ deck?: string }>();
  const [cards, { refetch }] = createResource(
    () => params.deck ?? "all",
    (deck) => gql<{ dueCards: Card[] }>(DUE, { deck }, { auth: true }).then((d) => d.dueCards),
  );
  const [index, setIndex] = createSignal(0);
  const [flipped, setFlipped] = createSignal(false);
  const [last, setLast] = createSignal<{ cardId: string; due: string } | null>(null);
  const [message, setMessage] = createSignal("");

  // While another deck loads, the previous deck's card is neither shown nor rated.
  const card = () => (cards.loading ? undefined : loaded(cards)?.[index()]);

  const rate = async (rating: (typeof RATINGS)[number]) => {
    const c = card();
    if (!c || !flipped()) return;
    const { review } = await gql<{ review: { due: string } }>(
      `mutation ($card: ID!, $rating: Rating!, $id: ID!) { review(cardId: $card, rating: $rating, reviewId: $id) { due } }`,
      { card: c.id, rating: rating.rating, id: crypto.randomUUID() },
      { auth: true },
    );
    setLast({ cardId: c.id, due: review.due });
    setMessage(`${rating.label}: back in ${c.intervals[rating.field].interval} (due ${new Date(review.due).toLocaleString()}).`);
    setFlipped(false);
    setIndex((i) => i + 1);
  };

  const undo = async () => {
    if (!last()) return;
    const { undoReview } = await gql<{ undoReview: { cardId: string } | null }>("mutation { undoReview { cardId } }", {}, { auth: true });
    if (!undoReview) return;
    setLast(null);
    setMessage("Last rating undone.");
    setIndex((i) => Math.max(0, i - 1));
    setFlipped(false);
  };

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
      if (event.key === " ") {
        event.preventDefault();
        if (card()) setFlipped((f) => !f);
      } else if (event.key === "u" || event.key === "U") {
        event.preventDefault();
        void undo();
      } else {
        const rating = RATINGS.find((r) => r.key === event.key);
        if (rating && flipped()) {
          event.preventDefault();
          void rate(rating);
        }
      }
    };
    window.addEventListener("keydown", onKey);
    onCleanup(() => window.removeEventListener("keydown", onKey));
  });

  return (
    <>
      <h1>Flashcards</h1>
      <DeckPicker
        deck={params.deck ?? "all"}
        onChange={(deck) => {
          setIndex(0);
          setFlipped(false);
          setLast(null);
          setMessage("");
          setParams({ deck });
        }}
      />
      <p class="hint">
        <kbd>Space</kbd> flips · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>U</kbd> undoes
      </p>
      <AsyncView resource={cards} retry={refetch} label="your cards">
        {(list) => (
          <>
            <progress max={list.length} value={Math.min(index(), list.length)} aria-label="Session progress" />
            <p class="progress-text">
              {Math.min(index(), list.length)} of {list.length} studied
            </p>
            <Show when={!cards.loading} fallback={<p class="notice" role="status">Loading your cards…</p>}>
            <Show when={card()} fallback={<p>Nothing more due in this deck. Well done.</p>}>
              {(c) => (
                <section class="flashcard" aria-live="polite">
                  <p class="kind">{c().concept.name}</p>
                  <p class="front">{c().front}</p>
                  <Show
                    when={flipped()}
                    fallback={
                      <button type="button" onClick={() => setFlipped(true)}>
                        Show answer <kbd>Space</kbd>
                      </button>
                    }
                  >
                    <p class="back">{c().back}</p>
                    <p class="explanation">{c().explanation}</p>
                    <div class="ratings" role="group" aria-label="How well did you know it?">
                      <For each={RATINGS}>
                        {(rating) => (
                          <button type="button" onClick={() => void rate(rating)} aria-keyshortcuts={rating.key}>
                            <kbd>{rating.key}</kbd> {rating.label} <span class="interval">{c().intervals[rating.field].interval}</span>
                          </button>
                        )}
                      </For>
                    </div>
                  </Show>
                </section>
              )}
            </Show>
            </Show>
            <p class="status" role="status" aria-live="polite">
              {message()}
            </p>
            <Show when={last()}>
              <button type="button" onClick={() => void undo()}>
                Undo last rating <kbd>U</kbd>
              </button>
            </Show>
          </>
        )}
      </AsyncView>
    </>
  );
}
