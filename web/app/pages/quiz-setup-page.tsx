/** Pick a quiz: kind, topic and length. */
import { useNavigate } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { DecksDocument } from "../api/generated/graphql.ts";
import { loaded } from "../components/async-view.tsx";
import { WeakSpotsButton } from "../components/weak-spots-button.tsx";
import { QuizTopicAndLength } from "../components/quiz-topic-and-length.tsx";
import { QUIZ_KINDS } from "../quiz-kinds.ts";

export default function QuizSetupPage() {
  const navigate = useNavigate();
  let form: HTMLFormElement | undefined;
  // The weak-spots quiz takes the kind and length chosen in the form (not the topic: it picks its own concepts).
  const settings = () => {
    const data = form ? new FormData(form) : undefined;
    return { kind: String(data?.get("kind") ?? "MIXED"), count: Number(data?.get("count") ?? 10) };
  };
  const [topics, { refetch }] = createResource(() =>
    gql(DecksDocument).then((d) => d.decks.filter((deck) => deck.kind === "TOPIC")),
  );
  return (
    <>
      <h1>Quiz</h1>
      {/* Without the topic list the form still works (on everything); say so and offer a retry. */}
      <Show when={topics.error as Error | undefined}>
        {(error) => (
          <div class="notice error" role="alert">
            <p>Could not load the topics: {error().message}</p>
            <button type="button" onClick={() => void refetch()}>
              Try again
            </button>
          </div>
        )}
      </Show>
      <form
        ref={form}
        class="quiz-setup"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const query = new URLSearchParams({ kind: String(form.get("kind")), count: String(form.get("count")) });
          const topic = String(form.get("topic") ?? "");
          if (topic) query.set("topic", topic);
          navigate(`/quiz/play?${query}`);
        }}
      >
        <fieldset>
          <legend>Kind</legend>
          <For each={QUIZ_KINDS}>
            {(kind, i) => (
              <label class="option">
                <input type="radio" name="kind" value={kind.id} checked={i() === 0} /> <strong>{kind.title}</strong> — {kind.description}
              </label>
            )}
          </For>
        </fieldset>
        <QuizTopicAndLength idPrefix="quiz" topics={loaded(topics)} countLabel="Questions" />
        <button type="submit">Start</button>
      </form>
      <h2>Or practise what you miss</h2>
      <WeakSpotsButton settings={settings} />
    </>
  );
}
