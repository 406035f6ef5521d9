/**
 * "Focus on my weak spots": asks the API for a quiz on the learner's
 * least-retained concepts and missed questions, keeps it in this browser and
 * opens it. A learner with no history yet is told what to do first.
 */
import { A, useNavigate } from "@solidjs/router";
import { createSignal, Match, Switch } from "solid-js";
import { fetchWeakSpotsQuiz, NoHistoryYet } from "./quiz-store.ts";

export function WeakSpotsButton(props: { settings?: () => { kind: string; count: number } }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<{ noHistory: boolean; message: string }>();
  const open = async () => {
    if (busy()) return;
    setBusy(true);
    setProblem(undefined);
    const { kind, count } = props.settings?.() ?? { kind: "MIXED", count: 10 };
    try {
      const quiz = await fetchWeakSpotsQuiz(kind, count);
      navigate(`/quiz/play?id=${encodeURIComponent(quiz.id)}`);
    } catch (error) {
      setProblem({ noHistory: error instanceof NoHistoryYet, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="weak-spots">
      <button type="button" class="weak-spots-button" aria-describedby="weak-spots-hint" disabled={busy()} onClick={() => void open()}>
        {busy() ? "Making your quiz…" : "Focus on my weak spots"}
      </button>
      <p id="weak-spots-hint" class="hint">
        A quiz on the concepts you remember least and the questions you missed.
      </p>
      <Switch>
        <Match when={problem()?.noHistory}>
          <p class="notice" role="status">
            {problem()?.message} <A href="/quiz/play?kind=MIXED&count=10">Take a quiz</A> or <A href="/flashcards">study a few flashcards</A> first, then come back here.
          </p>
        </Match>
        <Match when={problem()}>
          {(p) => (
            <p class="notice error" role="alert">
              {p().message}
            </p>
          )}
        </Match>
      </Switch>
    </div>
  );
}
