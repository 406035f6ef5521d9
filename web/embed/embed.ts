/**
 * /embed.js — include once, async, on any page:
 *   <script src="https://HOST/embed.js" async></script>
 * It defines <graphdeck-card>, and resizes Graphdeck iframes on the page to
 * their content's height (messages are accepted only from our origin and only
 * from one of those iframes' own windows). It never throws into the page.
 */
import { createCardClient } from "./card-client.ts";
import { defineGraphdeckCard } from "./graphdeck-card.tsx";
import { HEIGHT_MESSAGE, MEASURE_MESSAGE } from "./height-message.ts";

function scriptOrigin(): string {
  const script = document.currentScript as HTMLScriptElement | null;
  try {
    if (script?.src) return new URL(script.src).origin;
  } catch {
    // Fall through to the page's own origin.
  }
  return location.origin;
}

function resizeFramesFrom(origin: string): void {
  window.addEventListener("message", (event: MessageEvent) => {
    if (event.origin !== origin) return;
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== "number" || !(data.height > 0)) return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>("iframe")) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(Math.min(data.height, 4000))}px`;
    }
  });
  // Frames that reported before this script ran: ask them again.
  for (const frame of document.querySelectorAll<HTMLIFrameElement>("iframe")) {
    try {
      if (frame.src && new URL(frame.src).origin === origin) frame.contentWindow?.postMessage({ type: MEASURE_MESSAGE }, origin);
    } catch {
      // An iframe with an unparsable src is none of ours.
    }
  }
}

try {
  const origin = scriptOrigin();
  defineGraphdeckCard(origin, createCardClient(origin));
  resizeFramesFrom(origin);
} catch (error) {
  // A broken embed must not break the page that hosts it.
  console.warn("Graphdeck embed could not start:", error);
}
