/**
 * The learner's progress: reviews per day, retention, cards by state and by
 * kind, quiz results; and the export/import that moves progress between
 * browsers (the token lives in this one only).
 */
import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ApiError, gql } from "../api/graphql.ts";
import { ExportProgressDocument, ImportProgressDocument, ProgressDocument, type ProgressQuery } from "../api/generated/graphql.ts";
import { AsyncView } from "../components/async-view.tsx";
import { DailyGoal } from "../components/daily-goal.tsx";
import { DeckPicker } from "../components/deck-picker.tsx";
import { ReviewsChart } from "../components/reviews-chart.tsx";

type Progress = ProgressQuery["progress"];
type Counts = Progress["cards"];

/** The request body limit is 1 MiB; a bigger file would only be refused by the server. */
const MAX_IMPORT_BYTES = 1024 * 1024 - 4096;

const percent = (share: number) => `${Math.round(share * 100)}%`;

function StateBar(props: { counts: Counts; label: string }) {
  const parts = () => [
    { name: "Review", value: props.counts.review, class: "review" },
    { name: "Learning", value: props.counts.learning, class: "learning" },
    { name: "New", value: props.counts.new, class: "new" },
  ];
  return (
    <div class="state-bar" role="img" aria-label={`${props.label}: ${parts().map((p) => `${p.value} ${p.name.toLowerCase()}`).join(", ")}`}>
      <For each={parts()}>{(part) => <span class={part.class} style={{ "flex-grow": part.value }} />}</For>
    </div>
  );
}

function ExportImport(props: { onImported: () => void }) {
  const [status, setStatus] = createSignal("");
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  let fileInput: HTMLInputElement | undefined;

  const download = async () => {
    setError("");
    setBusy(true);
    try {
      const { exportProgress } = await gql(ExportProgressDocument, {}, { auth: true });
      const url = URL.createObjectURL(new Blob([exportProgress], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `graphdeck-progress-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus("Your progress was downloaded as a JSON file.");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const upload = async (event: SubmitEvent) => {
    event.preventDefault();
    setError("");
    setStatus("");
    const file = fileInput?.files?.[0];
    if (!file) return setError("Choose a Graphdeck progress file first.");
    if (file.size > MAX_IMPORT_BYTES) return setError("That file is larger than 1 MiB, more than a Graphdeck export holds.");
    setBusy(true);
    try {
      const { importProgress } = await gql(ImportProgressDocument, { data: await file.text() }, { auth: true });
      setStatus(`Imported: ${importProgress.cards} cards, ${importProgress.reviews} reviews and ${importProgress.quizAnswers} quiz answers merged into your progress.`);
      if (fileInput) fileInput.value = "";
      props.onImported();
    } catch (e) {
      setError(e instanceof ApiError ? `Nothing was imported. ${e.message}` : "Nothing was imported: the file could not be read.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">Keep or move your progress</h2>
      <p class="muted">Your progress is saved on the server under an anonymous key kept in this browser. Download it to keep a copy or to carry it to another browser.</p>
      <p>
        <button type="button" disabled={busy()} onClick={() => void download()}>
          Download my progress
        </button>
      </p>
      <form class="import" onSubmit={(event) => void upload(event)}>
        <label for="import-file">Import a progress file</label>
        <input id="import-file" type="file" accept="application/json,.json" ref={fileInput} />
        <button type="submit" disabled={busy()}>
          Import
        </button>
      </form>
      <p role="status" aria-live="polite">
        {status()}
      </p>
      <Show when={error()}>
        <p class="notice error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}

export default function ProgressPage() {
  const [params, setParams] = useSearchParams<{ deck?: string }>();
  const deck = () => params.deck ?? "all";
  const [progress, { refetch }] = createResource(deck, (deck) =>
    gql(ProgressDocument, { tz: Intl.DateTimeFormat().resolvedOptions().timeZone, deck }, { auth: true }).then((d) => d.progress),
  );
  return (
    <>
      <h1>Your progress</h1>
      <DailyGoal editable always />
      <DeckPicker deck={deck()} onChange={(deck) => setParams({ deck: deck === "all" ? undefined : deck })} />
      <AsyncView resource={progress} retry={refetch} label="your progress">
        {(p) => (
          <>
            <dl class="stats">
              <div>
                <dt>Due today</dt>
                <dd>{p.dueToday}</dd>
              </div>
              <div>
                <dt>Retention</dt>
                <dd>{p.retention === null ? "—" : percent(p.retention)}</dd>
              </div>
              <div>
                <dt>Reviews, 30 days</dt>
                <dd>{p.reviewsPerDay.reduce((sum, d) => sum + d.count, 0)}</dd>
              </div>
              <div>
                <dt>Quiz answers right</dt>
                <dd>{p.quizzes.answered === 0 ? "—" : `${p.quizzes.correct} of ${p.quizzes.answered}`}</dd>
              </div>
            </dl>
            <p class="muted">
              {p.retention === null
                ? "Retention shows once you review cards you have already learned."
                : `Of your reviews of learned cards over 30 days, ${percent(p.retention)} were remembered.`}{" "}
              <Show when={p.dueToday > 0}>
                <A href={deck() === "all" ? "/flashcards" : `/flashcards?deck=${encodeURIComponent(deck())}`}>Study the {p.dueToday} due today</A>.
              </Show>
            </p>
            <h2>Reviews per day</h2>
            <ReviewsChart days={p.reviewsPerDay} />
            <h2>Cards by state</h2>
            <StateBar counts={p.cards} label="All cards" />
            <ul class="legend">
              <li>
                <span class="swatch review" /> Review {p.cards.review}
              </li>
              <li>
                <span class="swatch learning" /> Learning {p.cards.learning}
              </li>
              <li>
                <span class="swatch new" /> New {p.cards.new}
              </li>
              <li>Due now {p.cards.due}</li>
              <li>Total {p.cards.total}</li>
            </ul>
            <h2>By kind of concept</h2>
            <div class="table-scroll">
              <table class="by-kind">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">New</th>
                    <th scope="col">Learning</th>
                    <th scope="col">Review</th>
                    <th scope="col">Due</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={p.byKind}>
                    {(row) => (
                      <tr>
                        <th scope="row">
                          <A href={`/flashcards?deck=${encodeURIComponent(`kind:${row.kind.slug}`)}`}>{row.kind.label}</A>
                        </th>
                        <td>{row.new}</td>
                        <td>{row.learning}</td>
                        <td>{row.review}</td>
                        <td>{row.due}</td>
                        <td>{row.total}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </>
        )}
      </AsyncView>
      <ExportImport onImported={() => void refetch()} />
    </>
  );
}
