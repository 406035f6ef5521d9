/** The end of a flashcard session: cards studied, Again count, time spent, when cards are next due. */
import { Show } from "solid-js";

export type SessionStats = { studied: number; again: number; startedAt: number | null };

export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}

export function nextDueText(nextDue: string | null, now: number): string {
  if (!nextDue) return "nothing scheduled yet";
  const due = new Date(nextDue);
  const minutes = Math.round((due.getTime() - now) / 60_000);
  const when = minutes < 60 ? `in ${Math.max(1, minutes)} min` : minutes < 24 * 60 ? `in ${Math.round(minutes / 60)} h` : `in ${Math.round(minutes / (24 * 60))} days`;
  return `${when} (${due.toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" })})`;
}

export function StudySummary(props: { stats: SessionStats; nextDue: string | null; buried: number; now: number }) {
  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Session summary</h2>
      <dl class="stats">
        <div>
          <dt>Cards studied</dt>
          <dd>{props.stats.studied}</dd>
        </div>
        <div>
          <dt>Again</dt>
          <dd>{props.stats.again}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{props.stats.startedAt === null ? "—" : duration(props.now - props.stats.startedAt)}</dd>
        </div>
        <div>
          <dt>Next due</dt>
          <dd>{nextDueText(props.nextDue, props.now)}</dd>
        </div>
      </dl>
      <Show when={props.buried > 0}>
        <p class="muted">
          {props.buried} more {props.buried === 1 ? "card waits" : "cards wait"} until tomorrow: {props.buried === 1 ? "it is about" : "they are about"} a concept you already studied today, and
          seeing its other cards right away would give their answers away.
        </p>
      </Show>
    </section>
  );
}
