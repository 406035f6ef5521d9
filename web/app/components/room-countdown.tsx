/**
 * A question's countdown. It runs from what the server said was left when it sent the view, not
 * from the phone's clock (which may be minutes off), so every screen in the room ends together.
 */
import { createEffect, createSignal, onCleanup } from "solid-js";

export function RoomCountdown(props: { remainingMs: number; seconds: number; version: number }) {
  const [left, setLeft] = createSignal(props.remainingMs);
  createEffect(() => {
    void props.version;
    const deadline = performance.now() + props.remainingMs;
    setLeft(props.remainingMs);
    const timer = setInterval(() => setLeft(Math.max(0, deadline - performance.now())), 200);
    onCleanup(() => clearInterval(timer));
  });
  const secondsLeft = () => Math.ceil(left() / 1000);
  return (
    <div class="room-countdown">
      <span class="seconds" role="timer" aria-label={`${secondsLeft()} seconds left`}>
        {secondsLeft()}
      </span>
      <progress max={props.seconds * 1000} value={left()} aria-hidden="true" />
    </div>
  );
}
