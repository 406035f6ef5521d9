/**
 * /embed/report-height.js — runs inside the iframe embed (/embed/concept/:slug)
 * and tells the parent page how tall the card is whenever that changes, so the
 * iframe never scrolls. The parent (embed.js) checks the message's origin and source.
 */
import { HEIGHT_MESSAGE, MEASURE_MESSAGE } from "./height-message.ts";

if (window.parent !== window) {
  let last = 0;
  const send = (force = false) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last && !force) return;
    last = height;
    // A height is not secret, so any parent may read it.
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, "*");
  };
  // Kept on window: an observer nothing refers to may be garbage-collected and fall silent.
  const observer = new ResizeObserver(() => send());
  observer.observe(document.documentElement);
  (window as Window & { graphdeckHeightObserver?: ResizeObserver }).graphdeckHeightObserver = observer;
  window.addEventListener("resize", () => send());
  window.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as { type?: unknown } | null;
    if (event.source === window.parent && data?.type === MEASURE_MESSAGE) send(true);
  });
  send();
}
