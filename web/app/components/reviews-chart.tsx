/**
 * Reviews per day as stacked bars — remembered, forgotten, learning steps —
 * so retention shows day by day (plain SVG: thirty bars need no chart
 * library), with the same numbers as a table for screen readers and for
 * anyone who wants them exact.
 */
import { For } from "solid-js";

export type DayReviews = { date: string; count: number; recalls: number; remembered: number };

const WIDTH = 600;
const HEIGHT = 160;

const shortDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/** A day's bar from the bottom up: what was remembered, what was forgotten, then learning steps. */
function segments(day: DayReviews) {
  return [
    { part: "remembered", value: day.remembered },
    { part: "forgotten", value: day.recalls - day.remembered },
    { part: "learning", value: day.count - day.recalls },
  ];
}

export function ReviewsChart(props: { days: DayReviews[] }) {
  const max = () => Math.max(1, ...props.days.map((d) => d.count));
  const total = () => props.days.reduce((sum, d) => sum + d.count, 0);
  const busiest = () => props.days.reduce((best, d) => (d.count > best.count ? d : best), { date: "", count: 0 });
  const slot = () => WIDTH / Math.max(1, props.days.length);
  const scale = (value: number) => (value / max()) * (HEIGHT - 8);
  const summary = () =>
    total() === 0
      ? "No reviews in the last 30 days."
      : `${total()} reviews in the last 30 days; the most, ${busiest().count}, on ${shortDate(busiest().date)}.`;
  const retentionOf = (day: DayReviews) => (day.recalls ? `${Math.round((day.remembered / day.recalls) * 100)}%` : "—");
  return (
    <figure class="chart">
      {/* Bars stretch with the width; the labels are HTML so they keep a readable size on any screen. */}
      <div class="chart-frame">
        <span class="tick top">{total() === 0 ? "" : `${max()} a day`}</span>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary()}>
          <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} class="axis" />
          <For each={props.days}>
            {(day, i) => {
              let below = 0;
              return (
                <g>
                  <title>
                    {shortDate(day.date)}: {day.count} reviews, {day.remembered} of {day.recalls} recalls remembered
                  </title>
                  <For each={segments(day)}>
                    {(segment) => {
                      const y = HEIGHT - scale(below + segment.value);
                      below += segment.value;
                      return <rect x={i() * slot() + 2} width={Math.max(1, slot() - 4)} y={y} height={scale(segment.value)} class={`bar ${segment.part}`} />;
                    }}
                  </For>
                </g>
              );
            }}
          </For>
        </svg>
        <div class="ticks">
          <span class="tick">{props.days[0] ? shortDate(props.days[0].date) : ""}</span>
          <span class="tick">Today</span>
        </div>
      </div>
      <figcaption>
        {summary()}{" "}
        <span class="legend-inline">
          <span class="swatch remembered" /> remembered <span class="swatch forgotten" /> forgotten <span class="swatch learning" /> learning steps
        </span>
      </figcaption>
      <details>
        <summary>Show the numbers</summary>
        <table class="day-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Reviews</th>
              <th scope="col">Remembered</th>
              <th scope="col">Retention</th>
            </tr>
          </thead>
          <tbody>
            <For each={[...props.days].reverse()}>
              {(day) => (
                <tr>
                  <td>{shortDate(day.date)}</td>
                  <td>{day.count}</td>
                  <td>
                    {day.remembered} of {day.recalls}
                  </td>
                  <td>{retentionOf(day)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  );
}
