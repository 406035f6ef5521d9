/**
 * A first-time learner's guide to the four ratings, shown above the cards
 * until dismissed (remembered in this browser).
 */
import { createSignal, Show } from "solid-js";

const SEEN_KEY = "graphdeck.ratingsGuideSeen";

function seen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === "1";
  } catch {
    return false;
  }
}

export function RatingsGuide() {
  const [open, setOpen] = createSignal(!seen());
  const dismiss = () => {
    setOpen(false);
    try {
      localStorage.setItem(SEEN_KEY, "1");
    } catch {
      // Private mode: the guide shows again next time, which is harmless.
    }
  };
  return (
    <Show when={open()}>
      <section class="ratings-guide" aria-labelledby="ratings-guide-title">
        <h2 id="ratings-guide-title">How to rate a card</h2>
        <p>Look at the front, recall the answer, then show the back and say honestly how it went. The schedule follows what you say:</p>
        <dl>
          <dt>Again</dt>
          <dd>You did not remember it. It comes back in a minute or so, until it sticks.</dd>
          <dt>Hard</dt>
          <dd>You remembered it, with effort. It comes back soon.</dd>
          <dt>Good</dt>
          <dd>You remembered it. It comes back later, a little later each time you get it right.</dd>
          <dt>Easy</dt>
          <dd>You knew it at once. It waits longest.</dd>
        </dl>
        <p>Each button shows when the card would come back.</p>
        <button type="button" onClick={dismiss}>
          Got it
        </button>
      </section>
    </Show>
  );
}
