/**
 * <graphdeck-card concept="cgroups" theme="light|dark|auto" quiz>: a concept's
 * definition card in a Shadow DOM, optionally with a one-question "test yourself"
 * graded on the server. Until the data arrives (or if it never does) the
 * element shows its own light-DOM content, so an author's fallback link stays.
 * Everything from the graph is rendered as text.
 */
import { createEffect, createResource, createSignal, ErrorBoundary, For, Match, Show, Switch } from "solid-js";
import { customElement } from "solid-element";
import type { AnswerFeedback, CardClient, CardConcept, CardQuiz } from "./card-client.ts";
import { cardCss } from "./card-styles.ts";

function conceptHref(origin: string, slug: string): string {
  return `${origin}/concepts/${encodeURIComponent(slug)}`;
}

function Quiz(props: { quiz: CardQuiz; client: CardClient }) {
  const question = () => props.quiz.questions[0];
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<AnswerFeedback | null>(null);
  const [failed, setFailed] = createSignal(false);
  const choose = async (choiceId: string) => {
    const q = question();
    if (!q || chosen()) return;
    setChosen(choiceId);
    try {
      setResult(await props.client.answer(props.quiz.id, q.id, choiceId));
    } catch {
      setChosen(null);
      setFailed(true);
    }
  };
  const classOf = (id: string) => {
    const r = result();
    if (!r) return undefined;
    if (id === r.correctChoiceId) return "right";
    return id === chosen() ? "wrong" : undefined;
  };
  // Marked by a word and a sign as well as colour, so every theme and every reader can tell.
  const markOf = (id: string) => (classOf(id) === "right" ? "✓ Right answer: " : classOf(id) === "wrong" ? "✗ Your answer: " : "");
  return (
    <Show when={question()}>
      {(q) => (
        <section class="quiz" aria-label="Test yourself">
          <p>
            <strong>Test yourself: </strong>
            {q().prompt}
          </p>
          <ul class="choices">
            <For each={q().choices}>
              {(choice) => (
                <li>
                  <button type="button" class={classOf(choice.id)} disabled={chosen() !== null} aria-pressed={chosen() === choice.id} onClick={() => void choose(choice.id)}>
                    <Show when={markOf(choice.id)}>{(mark) => <span class="mark">{mark()}</span>}</Show>
                    {choice.text}
                  </button>
                </li>
              )}
            </For>
          </ul>
          <p class="feedback" role="status" aria-live="polite">
            <Show when={result()} fallback={failed() ? "Could not check that answer; try again." : ""}>
              {(r) => (r().correct ? `Right. ${r().explanation}` : `Not quite. ${r().chosenExplanation ?? ""} ${r().explanation}`.replace(/\s+/g, " "))}
            </Show>
          </p>
        </section>
      )}
    </Show>
  );
}

function Card(props: { concept: CardConcept; origin: string; client: CardClient; quiz: boolean }) {
  const href = () => conceptHref(props.origin, props.concept.slug);
  const source = () => props.concept.citations[0];
  return (
    <>
      <p class="kind">{props.concept.kindInfo.label}</p>
      <h2>
        <a href={href()} target="_top">
          {props.concept.name}
        </a>
      </h2>
      <p class="summary">{props.concept.summary}</p>
      <Show when={source()}>{(s) => <p class="source">Source: {`${s().source.title} — ${s().locator}`}</p>}</Show>
      {/* The page's cards share one request, which may fetch quizzes for all: show only where asked. */}
      <Show when={props.quiz && props.concept.testYourself}>{(quiz) => <Quiz quiz={quiz()} client={props.client} />}</Show>
      <p class="footer">
        <a href={href()} target="_top">
          Study {props.concept.name} on Graphdeck →
        </a>
      </p>
    </>
  );
}

export function defineGraphdeckCard(origin: string, client: CardClient): void {
  if (customElements.get("graphdeck-card")) return;
  customElement("graphdeck-card", { concept: "", theme: "auto" }, (props, { element }) => {
    const host = element as unknown as HTMLElement;
    const [data] = createResource(
      () => props.concept.trim() || undefined,
      (slug) => client.load(slug, host.hasAttribute("quiz")),
    );
    const theme = () => (props.theme === "light" || props.theme === "dark" ? props.theme : "auto");
    // An unknown slug keeps the author's fallback; the author learns why in the console.
    createEffect(() => {
      if (data.state !== "ready" || data() !== null) return;
      const slug = props.concept.trim();
      void client.closest(slug).then((hint) => {
        console.warn(`<graphdeck-card concept="${slug}">: Graphdeck has no such concept${hint ? `; did you mean concept="${hint}"?` : "."} The element's own content is shown instead.`);
      });
    });
    return (
      <>
        <style>{cardCss}</style>
        {/* Any failure stays inside the card: the host page never sees an exception. */}
        <ErrorBoundary fallback={<slot />}>
          <Switch fallback={<slot />}>
            <Match when={data.state === "ready" && data()}>
              {(concept) => (
                <article class={`card ${theme()}`} lang="en">
                  <Card concept={concept()} origin={origin} client={client} quiz={host.hasAttribute("quiz")} />
                </article>
              )}
            </Match>
          </Switch>
        </ErrorBoundary>
      </>
    );
  });
}
