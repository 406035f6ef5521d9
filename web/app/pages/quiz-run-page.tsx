/**
 * A quiz, one question at a time, graded on the server with immediate
 * feedback. Keys: 1–4 choose, Enter goes on. The URL carries the seed, so
 * the page's address is the link to share.
 */
import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { AsyncView, loaded } from "../components/async-view.tsx";

type Question = { id: string; prompt: string; choices: { id: string; text: string }[]; concept: { slug: string; name: string } };
type Quiz = { id: string; seed: number; kind: string; questions: Question[] };
type Result = { correct: boolean; correctChoiceId: string; explanation: string; citations: { locator: string; source: { title: string } }[] };

const QUIZ = `query ($kind: QuizKind!, $count: Int, $seed: Int, $topic: String) { quiz(kind: $kind, count: $count, seed: $seed, topic: $topic) {
  id seed kind questions { id prompt choices { id text } concept { slug name } } } }`;
const ANSWER = `mutation ($q: ID!, $qq: ID!, $c: ID!) { answer(quizId: $q, questionId: $qq, choiceId: $c) { correct correctChoiceId explanation citations { locator source { title } } } }`;

export default function QuizRunPage() {
  const [params, setParams] = useSearchParams<{ kind?: string; count?: string; seed?: string; topic?: string }>();
  const [quiz, { refetch }] = createResource(
    () => ({ kind: params.kind ?? "MIXED", count: Number(params.count ?? 10), seed: params.seed ? Number(params.seed) : undefined, topic: params.topic }),
    (spec) => gql<{ quiz: Quiz }>(QUIZ, spec, { auth: true }).then((d) => d.quiz),
  );
  const [index, setIndex] = createSignal(0);
  const [answers, setAnswers] = createSignal<(Result & { chosen: string })[]>([]);
  const [busy, setBusy] = createSignal(false);
  let next: HTMLButtonElement | undefined;

  const current = () => loaded(quiz)?.questions[index()];
  const answered = () => answers()[index()];
  const done = () => loaded(quiz) !== undefined && index() >= (loaded(quiz)?.questions.length ?? 0);

  const choose = async (choiceId: string) => {
    const q = loaded(quiz);
    const question = current();
    if (!q || !question || answered() || busy()) return;
    setBusy(true);
    try {
      const { answer } = await gql<{ answer: Result }>(ANSWER, { q: q.id, qq: question.id, c: choiceId }, { auth: true });
      setAnswers((list) => Object.assign([...list], { [index()]: { ...answer, chosen: choiceId } }));
      // Keep the shared link: once the seed is known, put it in the address.
      if (!params.seed) setParams({ seed: String(q.seed) }, { replace: true });
      queueMicrotask(() => next?.focus());
    } finally {
      setBusy(false);
    }
  };

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
      const question = current();
      if (!question) return;
      const n = Number(event.key);
      if (n >= 1 && n <= question.choices.length && !answered()) {
        event.preventDefault();
        void choose(question.choices[n - 1]?.id ?? "");
      } else if (event.key === "Enter" && answered() && document.activeElement !== next) {
        event.preventDefault();
        setIndex((i) => i + 1);
      }
    };
    window.addEventListener("keydown", onKey);
    onCleanup(() => window.removeEventListener("keydown", onKey));
  });

  const score = () => answers().filter((a) => a.correct).length;
  const shareUrl = () => {
    const q = loaded(quiz);
    const url = new URL("/quiz/play", location.origin);
    url.search = new URLSearchParams({ kind: q?.kind ?? "MIXED", count: String(q?.questions.length ?? 10), seed: String(q?.seed ?? 0), ...(params.topic ? { topic: params.topic } : {}) }).toString();
    return url.toString();
  };

  return (
    <AsyncView resource={quiz} retry={refetch} label="the quiz">
      {(q) => (
        <Show
          when={!done()}
          fallback={
            <section class="results" aria-labelledby="results-title">
              <h1 id="results-title" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>
                You scored {score()} of {q.questions.length}
              </h1>
              <Show when={answers().some((a) => !a.correct)} fallback={<p>Every answer right.</p>}>
                <h2>To review</h2>
                <ul>
                  <For each={q.questions.filter((_, i) => answers()[i] && !answers()[i]?.correct)}>
                    {(question) => (
                      <li>
                        <A href={`/concepts/${question.concept.slug}`}>{question.concept.name}</A>: {question.prompt}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <p>
                Share this quiz: <a href={shareUrl()}>{shareUrl()}</a>
              </p>
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
                  Question {index() + 1} of {q.questions.length}
                </p>
                <progress max={q.questions.length} value={index()} aria-label="Quiz progress" />
                <h1 id="question-prompt">{question().prompt}</h1>
                <ol class="choices">
                  <For each={question().choices}>
                    {(choice, i) => {
                      const state = () => {
                        const a = answered();
                        if (!a) return "";
                        if (choice.id === a.correctChoiceId) return "right";
                        return choice.id === a.chosen ? "wrong" : "";
                      };
                      return (
                        <li>
                          <button type="button" class={state()} disabled={answered() !== undefined} aria-keyshortcuts={String(i() + 1)} onClick={() => void choose(choice.id)}>
                            <kbd>{i() + 1}</kbd> {choice.text}
                          </button>
                        </li>
                      );
                    }}
                  </For>
                </ol>
                <div class="feedback" role="status" aria-live="polite">
                  <Show when={answered()}>
                    {(a) => (
                      <>
                        <p class={a().correct ? "right-text" : "wrong-text"}>
                          <strong>{a().correct ? "Right." : "Not quite."}</strong>{" "}
                          {a().correct ? "" : `The answer is ${question().choices.find((c) => c.id === a().correctChoiceId)?.text}. `}
                          {a().explanation}
                        </p>
                        <Show when={a().citations[0]}>
                          {(c) => (
                            <p class="source">
                              Source: <cite>{c().source.title}</cite>, {c().locator}
                            </p>
                          )}
                        </Show>
                        <button type="button" ref={next} onClick={() => setIndex((i) => i + 1)}>
                          {index() + 1 < q.questions.length ? "Next question" : "See results"}
                        </button>
                      </>
                    )}
                  </Show>
                </div>
              </section>
            )}
          </Show>
        </Show>
      )}
    </AsyncView>
  );
}
