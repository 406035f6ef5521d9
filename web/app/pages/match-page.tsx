/**
 * The matching game: pick a term, then where it belongs (or the other way
 * round). Right pairs lock in place; wrong ones are counted and explained.
 * Every control is a button, so Tab and Enter play the whole game; the URL
 * carries the seed, so the address is the link to share.
 */
import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { MatchingRoundDocument, type MatchingKind, type MatchingRoundQuery } from "../api/generated/graphql.ts";
import { AsyncView, loaded } from "../components/async-view.tsx";

type Round = MatchingRoundQuery["matching"];
type Term = Round["terms"][number];
type Target = Round["targets"][number];

/** A sentence ending in one full stop, whatever the text it ends with ("… beneath it." stays one stop). */
const stop = (text: string) => `${text.trim().replace(/[.!?…\s]+$/u, "")}.`;

/** 83 000 ms → "1:23". */
const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
};

/** Best times per round (kind, seed and topic), kept in this browser. */
const bestKey = (r: { kind: string; seed: number; topic: string | null }) => `graphdeck.match.best:${r.kind}:${r.seed}:${r.topic ?? ""}`;
function readBest(key: string): number | null {
  try {
    const value = Number(localStorage.getItem(key));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}
function saveBest(key: string, ms: number): void {
  try {
    localStorage.setItem(key, String(ms));
  } catch {
    // Private mode: the best time lasts as long as the page.
  }
}

const GAMES = [
  { kind: "CATEGORY", title: "Tools and their categories", hint: "Put each tool or provider under its category. A category can take several." },
  { kind: "SUMMARY", title: "Concepts and their summaries", hint: "Pair each concept with the summary that describes it." },
] as const;

export default function MatchPage() {
  const [params, setParams] = useSearchParams<{ kind?: string; seed?: string; topic?: string }>();
  const kind = (): MatchingKind => (params.kind === "SUMMARY" ? "SUMMARY" : "CATEGORY");
  const [round, { refetch }] = createResource(
    () => ({ kind: kind(), seed: params.seed ? Number(params.seed) : undefined, topic: params.topic }),
    (spec) => gql(MatchingRoundDocument, spec).then((d) => d.matching),
  );
  const [matched, setMatched] = createSignal<ReadonlySet<string>>(new Set());
  const [misses, setMisses] = createSignal<ReadonlyMap<string, number>>(new Map());
  const [term, setTerm] = createSignal<string | null>(null);
  const [target, setTarget] = createSignal<string | null>(null);
  const [message, setMessage] = createSignal("");
  const buttons = new Map<string, HTMLButtonElement>();
  // The clock starts with the first pick and stops when the last pair is matched.
  const [startedAt, setStartedAt] = createSignal<number | null>(null);
  const [finishedAt, setFinishedAt] = createSignal<number | null>(null);
  const [now, setNow] = createSignal(Date.now());
  const [best, setBest] = createSignal<number | null>(null);
  const [newBest, setNewBest] = createSignal(false);
  const tick = setInterval(() => {
    if (startedAt() !== null && finishedAt() === null) setNow(Date.now());
  }, 250);
  onCleanup(() => clearInterval(tick));
  const elapsed = () => {
    const start = startedAt();
    return start === null ? 0 : (finishedAt() ?? now()) - start;
  };
  const startClock = () => {
    if (startedAt() === null) {
      setStartedAt(Date.now());
      setNow(Date.now());
    }
  };

  // A new round starts clean, and its seed goes into the address so it can be shared.
  // (A memo, so that re-fetching the same round does not wipe a game in play.)
  const seed = createMemo(() => loaded(round)?.seed);
  createEffect(
    on(
      seed,
      (seed) => {
        setMatched(new Set<string>());
        setMisses(new Map<string, number>());
        setTerm(null);
        setTarget(null);
        setMessage("");
        setStartedAt(null);
        setFinishedAt(null);
        setNewBest(false);
        const r = loaded(round);
        setBest(r ? readBest(bestKey(r)) : null);
        if (seed !== undefined && params.seed !== String(seed)) setParams({ seed: String(seed) }, { replace: true });
      },
    ),
  );

  const game = () => GAMES.find((g) => g.kind === kind()) ?? GAMES[0];
  const oneToOne = () => loaded(round)?.kind === "SUMMARY";
  const textOf = (id: string) => loaded(round)?.targets.find((t) => t.id === id)?.text ?? "";
  const termFor = (targetId: string) => loaded(round)?.terms.find((t) => t.matchId === targetId && matched().has(t.id));
  const targetUsed = (targetId: string) => oneToOne() && termFor(targetId) !== undefined;
  const done = createMemo(() => {
    const r = loaded(round);
    return r !== undefined && r.terms.length > 0 && matched().size === r.terms.length;
  });
  const firstTry = () => (loaded(round)?.terms ?? []).filter((t) => !misses().has(t.id)).length;

  const focusNext = () => {
    const next = loaded(round)?.terms.find((t) => !matched().has(t.id));
    if (next) queueMicrotask(() => buttons.get(next.id)?.focus());
  };

  const finish = () => {
    const r = loaded(round);
    const start = startedAt();
    if (!r || start === null) return;
    const end = Date.now();
    setFinishedAt(end);
    const time = end - start;
    const previous = readBest(bestKey(r));
    if (previous === null || time < previous) {
      saveBest(bestKey(r), time);
      setNewBest(previous !== null);
      setBest(time);
    }
  };

  const attempt = (termId: string, targetId: string) => {
    const t = loaded(round)?.terms.find((x) => x.id === termId);
    if (!t) return;
    setTerm(null);
    setTarget(null);
    if (t.matchId === targetId) {
      setMatched((set) => new Set([...set, termId]));
      if (done()) finish();
      setMessage(`${stop(`Right: ${t.text} — ${textOf(targetId)}`)}${done() ? " All matched." : ""}`);
      focusNext();
    } else {
      setMisses((map) => new Map([...map, [termId, (map.get(termId) ?? 0) + 1]]));
      setMessage(oneToOne() ? `Not quite: that summary is not ${t.text}'s. Try another.` : `${stop(`Not quite: ${t.text} does not go under ${textOf(targetId)}`)} Try another.`);
      queueMicrotask(() => buttons.get(termId)?.focus());
    }
  };

  const pickTerm = (id: string) => {
    startClock();
    const chosenTarget = target();
    if (chosenTarget) return attempt(id, chosenTarget);
    setTerm((current) => (current === id ? null : id));
    if (term() === id) {
      const text = loaded(round)?.terms.find((t) => t.id === id)?.text;
      setMessage(`${text} picked: now choose where it belongs.`);
    }
  };

  const pickTarget = (id: string) => {
    startClock();
    const chosenTerm = term();
    if (chosenTerm) return attempt(chosenTerm, id);
    setTarget((current) => (current === id ? null : id));
    if (target() === id) setMessage("Now choose the term that belongs there.");
  };

  const shareUrl = () => {
    const url = new URL("/match", location.origin);
    url.search = new URLSearchParams({ kind: kind(), seed: String(loaded(round)?.seed ?? ""), ...(params.topic ? { topic: params.topic } : {}) }).toString();
    return url.toString();
  };

  return (
    <>
      <h1>Matching game</h1>
      <nav class="segmented" aria-label="Game">
        <For each={GAMES}>
          {(g) => (
            // A plain link: the router's <A> marks every link to /match as current, whatever its query.
            <a href={`/match?kind=${g.kind}${params.topic ? `&topic=${encodeURIComponent(params.topic)}` : ""}`} aria-current={g.kind === kind() ? "page" : undefined}>
              {g.title}
            </a>
          )}
        </For>
      </nav>
      <p class="hint">{game().hint} Pick a term, then where it belongs (Tab and Enter work too).</p>
      <AsyncView resource={round} retry={refetch} label="the round">
        {(r) => (
          <>
            <Show when={r.topic}>
              <p class="muted">
                Topic: <A href={`/concepts/${r.topic}`}>{r.topic}</A>
              </p>
            </Show>
            <div class="match-status">
              <p class="progress-text">
                {matched().size} of {r.terms.length} matched
              </p>
              <p class="timer">
                Time <span role="timer">{clock(elapsed())}</span>
                <Show when={startedAt() === null}>
                  <span class="muted"> (starts with your first pick)</span>
                </Show>
                <Show when={best()}>{(ms) => <span class="muted"> · Best {clock(ms())}</span>}</Show>
              </p>
            </div>
            <progress max={r.terms.length} value={matched().size} aria-label="Round progress" />
            <div class={`board ${oneToOne() ? "summaries" : ""}`}>
              <section aria-labelledby="terms-title">
                <h2 id="terms-title">Terms</h2>
                <ul class="match-list">
                  <For each={r.terms}>
                    {(t) => (
                      <li>
                        <button
                          type="button"
                          ref={(el) => buttons.set(t.id, el)}
                          class={matched().has(t.id) ? "right" : misses().has(t.id) ? "missed" : ""}
                          aria-pressed={term() === t.id}
                          disabled={matched().has(t.id)}
                          onClick={() => pickTerm(t.id)}
                        >
                          {t.text}
                          <Show when={matched().has(t.id) && !oneToOne()}>
                            <span class="placed"> → {textOf(t.matchId)}</span>
                          </Show>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
              <section aria-labelledby="targets-title">
                <h2 id="targets-title">{r.kind === "SUMMARY" ? "Summaries" : "Categories"}</h2>
                <ul class="match-list">
                  <For each={r.targets}>
                    {(t) => (
                      <li>
                        <button type="button" class={targetUsed(t.id) ? "right" : ""} aria-pressed={target() === t.id} disabled={targetUsed(t.id) || done()} onClick={() => pickTarget(t.id)}>
                          <Show when={targetUsed(t.id)}>
                            <strong>{termFor(t.id)?.text}: </strong>
                          </Show>
                          {t.text}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </div>
            <p class="status" role="status" aria-live="polite">
              {message()}
            </p>
            <Show when={done()}>
              <section class="results" aria-labelledby="match-results">
                <h2 id="match-results" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
                  All matched: {firstTry()} of {r.terms.length} on the first try
                </h2>
                <p>
                  Time: {clock(elapsed())}.{" "}
                  <Show when={newBest()} fallback={<Show when={best() !== null && best() !== elapsed()}>Your best for this round: {clock(best() ?? 0)}.</Show>}>
                    <strong>A new best time for this round!</strong>
                  </Show>
                </p>
                <Show when={misses().size > 0}>
                  <h3>Worth another look</h3>
                  <ul>
                    <For each={r.terms.filter((t) => misses().has(t.id))}>
                      {(t) => (
                        <li>
                          <A href={`/concepts/${t.concept.slug}`}>{t.concept.name}</A>: {t.explanation}
                          <Show when={t.citations[0]}>
                            {(c) => (
                              <span class="source">
                                {" "}
                                (<cite>{c().source.title}</cite>, {c().locator})
                              </span>
                            )}
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <p>
                  Share this round: <a href={shareUrl()}>{shareUrl()}</a>
                </p>
                <button type="button" onClick={() => setParams({ seed: undefined })}>
                  Play another round
                </button>
              </section>
            </Show>
          </>
        )}
      </AsyncView>
    </>
  );
}
