/**
 * The daily goal (reviews a day, kept in this browser) and the streak of days
 * it was met, counted by the server in the learner's time zone. Shown on home,
 * progress and at the end of a flashcard session; `editable` lets the learner
 * change the goal.
 */
import { createResource, createSignal, Show } from "solid-js";
import { gql, storedToken } from "../api/graphql.ts";
import { StudyStreakDocument, type StudyStreakQuery } from "../api/generated/graphql.ts";
import { loaded } from "./async-view.tsx";
import "./flashcards.css";

const GOAL_KEY = "graphdeck.dailyGoal";
export const DEFAULT_GOAL = 20;

export function storedGoal(): number {
  try {
    const value = Number(localStorage.getItem(GOAL_KEY));
    return Number.isInteger(value) && value >= 1 && value <= 1000 ? value : DEFAULT_GOAL;
  } catch {
    return DEFAULT_GOAL;
  }
}

function storeGoal(goal: number): void {
  try {
    localStorage.setItem(GOAL_KEY, String(goal));
  } catch {
    // Private mode: the goal holds for this page only.
  }
}

export type Streak = StudyStreakQuery["studyStreak"];

export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function fetchStreak(goal: number): Promise<Streak> {
  return gql(StudyStreakDocument, { goal, tz: timeZone() }, { auth: true }).then((d) => d.studyStreak);
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/**
 * "12 of 20 reviews today · 3 days in a row": nothing at all for a visitor who never
 * studied (no token), unless `always` (the page makes a learner anyway).
 */
export function DailyGoal(props: { editable?: boolean; refresh?: number; always?: boolean }) {
  const [goal, setGoal] = createSignal(storedGoal());
  const [streak] = createResource(
    () => (props.always || storedToken() ? { goal: goal(), refresh: props.refresh ?? 0 } : false),
    ({ goal }) => fetchStreak(goal),
  );
  const [editing, setEditing] = createSignal(false);
  return (
    <Show when={loaded(streak)}>
      {(s) => (
        <section class="daily-goal" aria-label="Daily goal">
          <p>
            <strong>
              {Math.min(s().reviewsToday, s().dailyGoal)} of {s().dailyGoal}
            </strong>{" "}
            reviews today{s().goalMet ? " — goal met" : ""}
            <span class="streak">
              {s().streak > 0 ? `${days(s().streak)} in a row` : "No streak yet"}
              {s().longest > s().streak ? ` · best ${days(s().longest)}` : ""}
            </span>
          </p>
          <progress max={s().dailyGoal} value={Math.min(s().reviewsToday, s().dailyGoal)} aria-label="Reviews today towards the daily goal" />
          <Show when={props.editable}>
            <Show
              when={editing()}
              fallback={
                <button type="button" class="link-button" onClick={() => setEditing(true)}>
                  Change the daily goal
                </button>
              }
            >
              <form
                class="goal-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  const value = Number(new FormData(event.currentTarget).get("goal"));
                  if (!Number.isInteger(value) || value < 1 || value > 1000) return;
                  storeGoal(value);
                  setGoal(value);
                  setEditing(false);
                }}
              >
                <label for="daily-goal-input">Reviews a day</label>
                <input id="daily-goal-input" name="goal" type="number" min="1" max="1000" step="1" value={goal()} required />
                <button type="submit">Save</button>
              </form>
            </Show>
          </Show>
        </section>
      )}
    </Show>
  );
}
