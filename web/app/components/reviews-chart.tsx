/**
 * Reviews per day as a bar chart (plain SVG: thirty bars need no chart
 * library), with the same numbers as a table for screen readers and for
 * anyone who wants them exact.
 */
import { For } from "solid-js";

const WIDTH = 600;
const HEIGHT = 160;

const shortDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

export function ReviewsChart(props: { days: { date: string; count: number }[] }) {
  const max = () => Math.max(1, ...props.days.map((d) => d.count));
  const total = () => props.days.reduce((sum, d) => sum + d.count, 0);
  const busiest = () => props.days.reduce((best, d) => (d.count > best.count ? d : best), { date: "", count: 0 });
  const slot = () => WIDTH / Math.max(1, props.days.length);
  const summary = () =>
    total() === 0
      ? "No reviews in the last 30 days."
      : `${total()} reviews in the last 30 days; the most, ${busiest().count}, on ${shortDate(busiest().date)}.`;
  return (
    <figure class="chart">
      {/* Bars stretch with the width; the labels are HTML so they keep a readable size on any screen. */}
      <div class="chart-frame">
        <span class="tick top">{total() === 0 ? "" : `${max()} a day`}</span>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary()}>
          <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} class="axis" />
          <For each={props.days}>
            {(day, i) => {
              const height = () => (day.count / max()) * (HEIGHT - 8);
              return (
                <rect x={i() * slot() + 2} width={Math.max(1, slot() - 4)} y={HEIGHT - height()} height={height()} class="bar">
                  <title>
                    {shortDate(day.date)}: {day.count} reviews
                  </title>
                </rect>
              );
            }}
          </For>
        </svg>
        <div class="ticks">
          <span class="tick">{props.days[0] ? shortDate(props.days[0].date) : ""}</span>
          <span class="tick">Today</span>
        </div>
      </div>
      <figcaption>{summary()}</figcaption>
      <details>
        <summary>Show the numbers</summary>
        <table class="day-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Reviews</th>
            </tr>
          </thead>
          <tbody>
            <For each={[...props.days].reverse()}>
              {(day) => (
                <tr>
                  <td>{shortDate(day.date)}</td>
                  <td>{day.count}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  );
}
