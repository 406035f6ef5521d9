/**
 * Studying a deck, one card at a time, in the order the server's study queue
 * gives (learning steps come back when due, siblings apart). Space flips, 1–4
 * rate (Again, Hard, Good, Easy — each button shows the interval it gives), U
 * undoes the last rating. In type-in mode the learner types the term and Enter
 * checks it. The front never names the card's concept: it shows what kind of
 * question the card asks, and the concept only once the answer shows.
 */
import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { FlashcardDocument, ReviewDocument, StudyNextDocument, UndoReviewDocument, type CardFieldsFragment, type FlashcardType, type StudyNextQuery } from "../api/generated/graphql.ts";
import { AsyncView, loaded } from "../components/async-view.tsx";
import { DailyGoal, timeZone } from "../components/daily-goal.tsx";
import { DeckPicker } from "../components/deck-picker.tsx";
import { RatingsGuide } from "../components/ratings-guide.tsx";
import { StudySummary, type SessionStats } from "../components/study-summary.tsx";
import { TypedAnswerForm, TypedDiff, type TypedGrade } from "../components/typed-answer.tsx";
import "../components/flashcards.css";

type CardType = FlashcardType;
type Card = CardFieldsFragment;
type Step = StudyNextQuery["studyNext"];

const RATINGS = [
  { key: "1", rating: "AGAIN", field: "again", label: "Again" },
  { key: "2", rating: "HARD", field: "hard", label: "Hard" },
  { key: "3", rating: "GOOD", field: "good", label: "Good" },
  { key: "4", rating: "EASY", field: "easy", label: "Easy" },
] as const;
type RatingChoice = (typeof RATINGS)[number];

/** What each kind of card asks, shown above its front instead of the concept's name. */
const ASKS: Record<CardType, string> = {
  TERM: "What is it?",
  DEFINITION: "Which concept is this?",
  KIND: "What kind is it?",
  RELATION: "Fill the gap",
  COMPARISON: "How do they differ?",
};


/** "4:05" */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** A front with its cloze gap marked. */
function Front(props: { text: string }) {
  return (
    <p class="front">
      <For each={props.text.split("[…]")}>
        {(part, i) => (
          <>
            {i() > 0 ? (
              <span class="gap" role="img" aria-label="blank">
                […]
              </span>
            ) : null}
            {part}
          </>
        )}
      </For>
    </p>
  );
}

const SESSION_KEY = "graphdeck.flashcardSession";
const SESSION_IDLE_MS = 2 * 3_600_000;
const freshSession = (): SessionStats => ({ studied: 0, again: 0, startedAt: null });

function savedSession(deck: string): SessionStats {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "null") as (SessionStats & { deck: string; at: number }) | null;
    if (!saved || saved.deck !== deck || Date.now() - saved.at > SESSION_IDLE_MS) return freshSession();
    return { studied: saved.studied, again: saved.again, startedAt: saved.startedAt };
  } catch {
    return freshSession();
  }
}

function saveSession(deck: string, stats: SessionStats): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ...stats, deck, at: Date.now() }));
  } catch {
    // Storage unavailable: the session lasts as long as the page.
  }
}

export default function FlashcardsPage() {
  const [params, setParams] = useSearchParams<{ deck?: string; mode?: string }>();
  const deck = () => params.deck ?? "all";
  const typeMode = () => params.mode === "type";
  const [tick, setTick] = createSignal(0);
  const [ahead, setAhead] = createSignal(false);
  // From a rating until the next card arrives, the rated card is gone.
  const [stale, setStale] = createSignal(false);
  const [step, { refetch }] = createResource(
    () => ({ deck: deck(), tick: tick(), ahead: ahead(), typeIn: typeMode() }),
    ({ deck, ahead, typeIn }) =>
      gql(StudyNextDocument, { deck, tz: timeZone(), ahead, typeIn }, { auth: true }).then((d) => {
        setStale(false);
        return d.studyNext;
      }),
  );
  const [override, setOverride] = createSignal<Card | null>(null);
  const [flipped, setFlipped] = createSignal(false);
  const [grade, setGrade] = createSignal<{ grade: TypedGrade; typed: string } | null>(null);
  const [last, setLast] = createSignal<{ cardId: string; rating: RatingChoice } | null>(null);
  const [message, setMessage] = createSignal("");
  // The session survives a reload of the page (this tab only; a new one after two idle hours).
  const [stats, setStats] = createSignal<SessionStats>(savedSession(deck()));
  createEffect(() => saveSession(deck(), stats()));
  const [ended, setEnded] = createSignal(false);
  const [now, setNow] = createSignal(Date.now());
  let busy = false;
  let lastPoll = 0;

  // While the next card loads, the previous one is neither shown nor rated.
  const current = () => loaded(step);
  const card = () => override() ?? (step.loading || stale() ? undefined : (current()?.card ?? undefined));
  const revealed = () => flipped() || grade() !== null;
  const typing = () => typeMode() && card()?.typeIn === true && !revealed();
  const waitUntil = () => (override() || step.loading || stale() ? null : (current()?.waitUntil ?? null));

  const next = () => {
    setAhead(false);
    setTick((t) => t + 1);
  };
  const resetCard = () => {
    setFlipped(false);
    setGrade(null);
  };

  // The session's clock starts with its first card.
  createEffect(() => {
    if (card() && stats().startedAt === null) setStats((s) => ({ ...s, startedAt: Date.now() }));
  });

  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  // A card coming back: fetch it when its time is up.
  createEffect(
    on(now, (at) => {
      const until = waitUntil();
      // At most every few seconds, in case this browser's clock runs ahead of the server's.
      if (until && !ended() && new Date(until).getTime() <= at && !step.loading && at - lastPoll > 3000) {
        lastPoll = at;
        next();
      }
    }),
  );

  // On a touch screen, once the answer shows: swipe right for Good, left for Again (as in Anki's apps).
  let swipeFrom: { x: number; y: number } | null = null;
  const swipeStart = (event: PointerEvent) => {
    swipeFrom = event.pointerType === "mouse" ? null : { x: event.clientX, y: event.clientY };
  };
  const swipeEnd = (event: PointerEvent) => {
    const from = swipeFrom;
    swipeFrom = null;
    if (!from || !revealed()) return;
    const dx = event.clientX - from.x;
    if (Math.abs(dx) < 80 || Math.abs(event.clientY - from.y) > 60) return;
    void rate(RATINGS[dx > 0 ? 2 : 0]);
  };

  const rate = async (rating: RatingChoice) => {
    const c = card();
    if (!c || !revealed() || busy) return;
    busy = true;
    try {
      const { review } = await gql(ReviewDocument, { card: c.id, rating: rating.rating, id: crypto.randomUUID() }, { auth: true });
      setStale(true);
      setLast({ cardId: c.id, rating });
      setStats((s) => ({ ...s, studied: s.studied + 1, again: s.again + (rating.rating === "AGAIN" ? 1 : 0) }));
      setMessage(`${rating.label}: back in ${c.intervals[rating.field].interval} (due ${new Date(review.due).toLocaleString()}).`);
      setOverride(null);
      resetCard();
      next();
    } catch (error) {
      setMessage(`Could not save that rating: ${(error as Error).message}`);
    } finally {
      busy = false;
    }
  };

  const undo = async () => {
    const undone = last();
    if (!undone || busy) return;
    busy = true;
    try {
      const { undoReview } = await gql(UndoReviewDocument, {}, { auth: true });
      if (!undoReview) return;
      const { flashcard } = await gql(FlashcardDocument, { id: undoReview.cardId }, { auth: true });
      setLast(null);
      setStats((s) => ({ ...s, studied: Math.max(0, s.studied - 1), again: Math.max(0, s.again - (undone.rating.rating === "AGAIN" ? 1 : 0)) }));
      setMessage("Last rating undone.");
      setEnded(false);
      resetCard();
      // The undone card comes back at once, as it was.
      setOverride(flashcard);
      next();
    } finally {
      busy = false;
    }
  };

  const graded = (result: TypedGrade, typed: string) => {
    setGrade({ grade: result, typed });
    // Enter then accepts the rating the answer suggests.
    const suggested = !result.correct ? "AGAIN" : result.exact ? "GOOD" : "HARD";
    queueMicrotask(() => document.querySelector<HTMLButtonElement>(`.ratings button[data-rating="${suggested}"]`)?.focus());
  };

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === " ") {
        if (!card() || typing()) return;
        event.preventDefault();
        if (grade() === null) setFlipped((f) => !f);
      } else if (event.key === "u" || event.key === "U") {
        event.preventDefault();
        void undo();
      } else {
        const rating = RATINGS.find((r) => r.key === event.key);
        if (rating && revealed()) {
          event.preventDefault();
          void rate(rating);
        }
      }
    };
    window.addEventListener("keydown", onKey);
    onCleanup(() => window.removeEventListener("keydown", onKey));
  });

  const changeDeck = (id: string) => {
    setOverride(null);
    resetCard();
    setLast(null);
    setMessage("");
    setEnded(false);
    setStats(freshSession());
    setParams({ deck: id });
  };

  const remaining = () => {
    const due = current()?.due;
    return due ? due.learning + due.review + due.new : 0;
  };

  return (
    <>
      <h1>Flashcards</h1>
      <RatingsGuide />
      <DeckPicker deck={deck()} onChange={changeDeck} />
      <div class="mode-switch" role="group" aria-label="How to answer">
        <button
          type="button"
          aria-pressed={!typeMode()}
          onClick={() => {
            resetCard();
            setParams({ mode: undefined });
          }}
        >
          Flip the card
        </button>
        <button
          type="button"
          aria-pressed={typeMode()}
          onClick={() => {
            resetCard();
            setParams({ mode: "type" });
          }}
        >
          Type the answer
        </button>
      </div>
      <p class="hint">
        <Show when={typeMode()} fallback={<><kbd>Space</kbd> flips</>}>
          Type, then <kbd>Enter</kbd> checks
        </Show>{" "}
        · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>U</kbd> undoes
      </p>
      <AsyncView resource={step} retry={refetch} label="your cards">
        {() => (
          <>
            <progress max={stats().studied + remaining()} value={stats().studied} aria-label="Session progress" />
            <p class="progress-text">
              {stats().studied} studied{stats().again ? `, ${stats().again} again` : ""} · due now: {current()?.due.learning ?? 0} learning, {current()?.due.review ?? 0} to review, {current()?.due.new ?? 0} new
            </p>
            <Show
              when={card()}
              fallback={
                <Show when={!step.loading} fallback={<p class="notice" role="status">Loading your next card…</p>}>
                  <Show
                    when={waitUntil() && !ended()}
                    fallback={
                      <>
                        <p class="notice done">
                          {ended() ? "Session ended." : "Nothing more due in this deck for now: no card comes back within 20 minutes."} Well done.
                        </p>
                        <StudySummary stats={stats()} nextDue={current()?.nextDue ?? null} buried={current()?.buried ?? 0} now={now()} />
                        <DailyGoal refresh={stats().studied} />
                      </>
                    }
                  >
                    <section class="waiting" aria-labelledby="waiting-heading">
                      <h2 id="waiting-heading">
                        Next card in <span class="countdown">{clock(new Date(waitUntil() as string).getTime() - now())}</span>
                      </h2>
                      <p class="muted">
                        A card you are still learning comes back at {new Date(waitUntil() as string).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}; the session goes on
                        then.
                      </p>
                      <p class="actions">
                        <button
                          type="button"
                          onClick={() => {
                            setAhead(true);
                            setTick((t) => t + 1);
                          }}
                        >
                          Study it now
                        </button>
                        <button type="button" onClick={() => setEnded(true)}>
                          End the session
                        </button>
                      </p>
                    </section>
                  </Show>
                </Show>
              }
            >
              {(c) => (
                <section class="flashcard" aria-live="polite" aria-label="Flashcard" onPointerDown={swipeStart} onPointerUp={swipeEnd}>
                  <p class="kind card-asks">{ASKS[c().type]}</p>
                  <Front text={c().front} />
                  <Show
                    when={revealed()}
                    fallback={
                      <Show
                        when={typing()}
                        fallback={
                          <>
                            <Show when={typeMode()}>
                              <p class="muted">This card's answer is not a single name: think of it, then flip.</p>
                            </Show>
                            <button type="button" onClick={() => setFlipped(true)}>
                              Show answer <kbd>Space</kbd>
                            </button>
                          </>
                        }
                      >
                        <TypedAnswerForm cardId={c().id} onGraded={graded} />
                      </Show>
                    }
                  >
                    <Show when={grade()}>{(g) => <TypedDiff grade={g().grade} typed={g().typed} />}</Show>
                    <p class="back">{c().back}</p>
                    <p class="explanation">{c().explanation}</p>
                    <p class="about muted">
                      About <A href={`/concepts/${c().concept.slug}`}>{c().concept.name}</A>
                    </p>
                    <div class="ratings" role="group" aria-label="How well did you know it?">
                      <For each={RATINGS}>
                        {(rating) => (
                          <button type="button" data-rating={rating.rating} onClick={() => void rate(rating)} aria-keyshortcuts={rating.key}>
                            <kbd>{rating.key}</kbd> {rating.label} <span class="interval">{c().intervals[rating.field].interval}</span>
                          </button>
                        )}
                      </For>
                    </div>
                  </Show>
                </section>
              )}
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
