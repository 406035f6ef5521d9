/**
 * A quiz, one question at a time, graded on the server with immediate
 * feedback that teaches (the right answer as a sentence, why the chosen one is
 * wrong, the cited passages). Keys: 1–4 choose, Enter goes on.
 *
 * The address always carries the seed, so it is the link to share and a
 * reload asks for the same quiz; the answers given are kept in this browser
 * under the quiz id, so a reload resumes at the next question and a finished
 * quiz shows its results again. `?id=` opens a quiz kept in this browser
 * (a weak-spots quiz, which cannot be asked for again by its settings).
 */
import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { ApiError } from "../api/graphql.ts";
import { AnswerSources, AnswerVerdict } from "../components/answer-explanation.tsx";
import { AsyncView, loaded } from "../components/async-view.tsx";
import { fetchQuiz, firstRound, gradeAnswer, readProgress, savedQuiz, writeProgress, type Question, type Quiz, type QuizProgress, type Round } from "../components/quiz-store.ts";
import { WeakSpotsButton } from "../components/weak-spots-button.tsx";

type Params = { kind?: string; count?: string; seed?: string; topic?: string; id?: string };
type Source = { id: string } | { kind: string; count: number; seed: number; topic?: string };

const choiceText = (question: Question, choiceId: string) => question.choices.find((c) => c.id === choiceId)?.text ?? "";

export default function QuizRunPage() {
  const [params, setParams] = useSearchParams<Params>();
  // Without a seed the quiz would change on reload: pick one and put it in the address first.
  createEffect(() => {
    if (!params.id && !params.seed) setParams({ seed: String(Math.floor(Math.random() * 2 ** 31)) }, { replace: true });
  });
  const source = (): Source | false => {
    if (params.id) return { id: params.id };
    if (!params.seed) return false;
    return { kind: params.kind ?? "MIXED", count: Number(params.count ?? 10), seed: Number(params.seed), topic: params.topic || undefined };
  };
  const [quiz, { refetch }] = createResource(source, (s): Promise<Quiz | null> => ("id" in s ? Promise.resolve(savedQuiz(s.id) ?? null) : fetchQuiz(s)));

  const [progress, setProgress] = createSignal<QuizProgress>();
  const [index, setIndex] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [answerError, setAnswerError] = createSignal<string>();
  let next: HTMLButtonElement | undefined;
  let prompt: HTMLHeadingElement | undefined;

  // A quiz (re)loaded: take up the answers kept for it, at the first question not answered yet.
  createEffect(
    on(
      () => loaded(quiz)?.id,
      () => {
        const q = loaded(quiz);
        if (!q) return setProgress(undefined);
        const kept = readProgress(q) ?? { rounds: [firstRound(q)], updated: Date.now() };
        setProgress(kept);
        const round = kept.rounds[kept.rounds.length - 1];
        setIndex(round ? round.questionIds.filter((id) => round.given[id]).length : 0);
      },
    ),
  );

  const round = (): Round | undefined => progress()?.rounds.at(-1);
  const roundNumber = () => progress()?.rounds.length ?? 1;
  const questions = (): Question[] => {
    const q = loaded(quiz);
    const r = round();
    if (!q || !r) return [];
    return r.questionIds.flatMap((id) => q.questions.find((question) => question.id === id) ?? []);
  };
  const current = () => questions()[index()];
  const answered = () => {
    const question = current();
    return question ? round()?.given[question.id] : undefined;
  };
  const done = () => progress() !== undefined && index() >= questions().length;

  const save = (change: (p: QuizProgress) => QuizProgress) => {
    const q = loaded(quiz);
    const p = progress();
    if (!q || !p) return;
    const updated = change(p);
    setProgress(updated);
    writeProgress(q.id, updated);
  };

  const choose = async (choiceId: string) => {
    const q = loaded(quiz);
    const question = current();
    if (!q || !question || answered() || busy()) return;
    setBusy(true);
    setAnswerError(undefined);
    try {
      const result = await gradeAnswer(q.id, question.id, choiceId);
      save((p) => ({ ...p, rounds: p.rounds.map((r, i) => (i === p.rounds.length - 1 ? { ...r, given: { ...r.given, [question.id]: { choiceId, result } } } : r)) }));
      queueMicrotask(() => next?.focus());
    } catch (error) {
      setAnswerError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const goOn = () => {
    setAnswerError(undefined);
    setIndex((i) => i + 1);
    queueMicrotask(() => prompt?.focus());
  };

  const startRound = (questionIds: string[]) => {
    save((p) => ({ ...p, rounds: [...p.rounds, { questionIds, given: {} }] }));
    setIndex(0);
    queueMicrotask(() => prompt?.focus());
  };

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest("input, select, textarea")) return;
      const question = current();
      if (!question) return;
      const n = Number(event.key);
      if (n >= 1 && n <= question.choices.length && !answered()) {
        event.preventDefault();
        void choose(question.choices[n - 1]?.id ?? "");
      } else if (event.key === "Enter" && answered() && !target?.closest("button, a, summary")) {
        // On a button, link or passage toggle Enter does what that control does.
        event.preventDefault();
        goOn();
      }
    };
    window.addEventListener("keydown", onKey);
    onCleanup(() => window.removeEventListener("keydown", onKey));
  });

  const given = () => {
    const r = round();
    return questions().map((question) => ({ question, given: r?.given[question.id] }));
  };
  const score = () => given().filter((g) => g.given?.result.correct).length;
  const missed = () => given().filter((g) => !g.given?.result.correct).map((g) => g.question.id);
  const shareUrl = (q: Quiz) => {
    const url = new URL("/quiz/play", location.origin);
    url.search = new URLSearchParams({ kind: q.kind, count: String(q.count), seed: String(q.seed), ...(q.topic ? { topic: q.topic } : {}) }).toString();
    return url.toString();
  };

  // Settings no quiz can be made from: trying again will not help, choosing others will.
  const badSettings = () => quiz.error instanceof ApiError && quiz.error.code === "BAD_USER_INPUT";

  return (
    <>
      <AsyncView resource={quiz} retry={refetch} label="the quiz">
        {(q) => (
          <Show when={q} fallback={<NotKept />}>
            {(q) => (
              <Show when={progress()}>
                <Show
                  when={!done()}
                  fallback={
                    <section class="quiz-results" aria-labelledby="results-title">
                      <h1 id="results-title" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
                        You scored {score()} of {questions().length}
                      </h1>
                      <Show when={roundNumber() > 1}>
                        <p class="muted">{questions().length === q().questions.length ? "The whole quiz again." : "Your retry of the questions you had missed."}</p>
                      </Show>
                      <Show when={missed().length === 0}>
                        <p>Every answer right.</p>
                      </Show>
                      <div class="quiz-actions">
                        <Show when={missed().length > 0}>
                          <button type="button" class="primary" onClick={() => startRound(missed())}>
                            Retry the ones I missed ({missed().length})
                          </button>
                        </Show>
                        <button type="button" onClick={() => startRound(q().questions.map((question) => question.id))}>
                          Take the whole quiz again
                        </button>
                      </div>
                      <h2>Your answers</h2>
                      <ol class="answer-review">
                        <For each={given()}>
                          {(item) => (
                            <li class={item.given?.result.correct ? "was-right" : "was-wrong"}>
                              <p class="review-prompt">{item.question.prompt}</p>
                              <Show when={item.given} fallback={<p class="muted">Not answered.</p>}>
                                {(g) => (
                                  <>
                                    <dl class="answer-pair">
                                      <div class={g().result.correct ? "yours right" : "yours wrong"}>
                                        <dt>Your answer</dt>
                                        <dd>
                                          {choiceText(item.question, g().choiceId)} <span class="mark">{g().result.correct ? "✓ right" : "✗ wrong"}</span>
                                        </dd>
                                      </div>
                                      <Show when={!g().result.correct}>
                                        <div class="correct">
                                          <dt>Right answer</dt>
                                          <dd>{choiceText(item.question, g().result.correctChoiceId)}</dd>
                                        </div>
                                      </Show>
                                    </dl>
                                    <p>{g().result.explanation}</p>
                                    <Show when={!g().result.correct && g().result.chosenExplanation}>
                                      {(why) => (
                                        <p class="why-not">
                                          <strong>Why not “{choiceText(item.question, g().choiceId)}”?</strong> {why()}
                                        </p>
                                      )}
                                    </Show>
                                    <AnswerSources result={g().result} chosenText={choiceText(item.question, g().choiceId)} />
                                  </>
                                )}
                              </Show>
                              <p class="about">
                                <A href={`/concepts/${item.question.concept.slug}`}>More about {item.question.concept.name}</A>
                              </p>
                            </li>
                          )}
                        </For>
                      </ol>
                      <Show when={!params.id} fallback={<WeakSpotsButton />}>
                        <p class="share">
                          Share this quiz: <a href={shareUrl(q())}>{shareUrl(q())}</a>
                        </p>
                      </Show>
                      <p>
                        <A href="/quiz">Another quiz</A>
                      </p>
                    </section>
                  }
                >
                  <Show when={current()}>
                    {(question) => (
                      <section class="question" aria-labelledby="question-prompt">
                        <p class="progress-text">
                          {params.id ? "Your weak spots: " : ""}
                          {roundNumber() > 1 && questions().length < q().questions.length ? "Retry: " : ""}Question {index() + 1} of {questions().length}
                        </p>
                        <Show when={index() === 0 && roundNumber() === 1 && q().questions.length < q().count}>
                          {/* Fewer than asked for: the graph has no more without asking a fact twice or one an answer showed. */}
                          <p class="muted">
                            {q().questions.length === 1 ? "One question" : `${q().questions.length} questions`}, not {q().count}: that is all this quiz can
                            ask without repeating a fact or asking one an earlier answer has shown.
                          </p>
                        </Show>
                        <progress max={questions().length} value={index()} aria-label="Quiz progress" />
                        <h1 id="question-prompt" tabindex="-1" ref={prompt}>
                          {question().prompt}
                        </h1>
                        <ol class="choices">
                          <For each={question().choices}>
                            {(choice, i) => {
                              const state = () => {
                                const a = answered();
                                if (!a) return "";
                                if (choice.id === a.result.correctChoiceId) return "right";
                                return choice.id === a.choiceId ? "wrong" : "";
                              };
                              return (
                                <li>
                                  <button type="button" class={state()} disabled={answered() !== undefined || busy()} aria-keyshortcuts={String(i() + 1)} onClick={() => void choose(choice.id)}>
                                    <kbd>{i() + 1}</kbd> {choice.text}
                                  </button>
                                </li>
                              );
                            }}
                          </For>
                        </ol>
                        <div class="feedback" role="status" aria-live="polite">
                          <Show when={answered()}>
                            {(a) => <AnswerVerdict result={a().result} correctText={choiceText(question(), a().result.correctChoiceId)} chosenText={choiceText(question(), a().choiceId)} />}
                          </Show>
                        </div>
                        <Show when={answerError()}>
                          {(message) => (
                            <p class="notice error" role="alert">
                              {message()}
                            </p>
                          )}
                        </Show>
                        <Show when={answered()}>
                          {(a) => (
                            <>
                              <button type="button" class="primary next" ref={next} onClick={goOn}>
                                {index() + 1 < questions().length ? "Next question" : "See results"}
                              </button>
                              <AnswerSources result={a().result} chosenText={choiceText(question(), a().choiceId)} open />
                            </>
                          )}
                        </Show>
                      </section>
                    )}
                  </Show>
                </Show>
              </Show>
            )}
          </Show>
        )}
      </AsyncView>
      <Show when={badSettings()}>
        <p>
          <A href="/quiz">Choose another quiz</A>
        </p>
      </Show>
    </>
  );
}

/** `?id=` names a quiz this browser does not keep (another browser, or cleared storage). */
function NotKept() {
  return (
    <section class="notice">
      <h1>This quiz is not in this browser</h1>
      <p>Quizzes made from your weak spots are kept only in the browser that made them. Make a new one, or pick another quiz.</p>
      <WeakSpotsButton />
      <p>
        <A href="/quiz">Choose a quiz</A>
      </p>
    </section>
  );
}
