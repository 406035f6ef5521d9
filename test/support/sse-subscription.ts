/**
 * A GraphQL subscription over server-sent events, as a browser's fetch would hold it: the events'
 * results queue up, and `until` waits for the first one that satisfies a condition (skipping the
 * rest), so a test says what it waits for rather than how long.
 */
import { readSseEvents } from "../../web/app/api/sse-events.ts";

export interface SseResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

export interface SseSubscription<T> {
  /** The next result; rejects if the stream ends first. */
  next(): Promise<SseResult<T>>;
  /** The first result from now on for which `accept` holds (results before it are dropped). */
  until(accept: (data: T) => boolean): Promise<T>;
  /** Every result received so far and not yet taken. */
  pending(): SseResult<T>[];
  close(): void;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

export function subscribe<T>(url: string, query: string, variables: Record<string, unknown>): SseSubscription<T> {
  const controller = new AbortController();
  const queue: SseResult<T>[] = [];
  const waiting: { wake: (() => void) | null } = { wake: null };
  let finished = false;
  let failure: unknown = null;
  const ended = (async () => {
    try {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
      if (!response.body) throw new Error(`no stream (status ${response.status})`);
      await readSseEvents(response.body, (event, data) => {
        if (event !== "next") return;
        queue.push(JSON.parse(data) as SseResult<T>);
        waiting.wake?.();
      });
    } catch (error) {
      if (!controller.signal.aborted) failure = error;
    } finally {
      finished = true;
      waiting.wake?.();
    }
  })();
  const next = async (): Promise<SseResult<T>> => {
    while (queue.length === 0) {
      if (finished) throw new Error(`the subscription ended${failure ? `: ${String(failure)}` : ""}`);
      await new Promise<void>((resolve) => (waiting.wake = resolve));
      waiting.wake = null;
    }
    return queue.shift() as SseResult<T>;
  };
  return {
    next,
    until: async (accept) => {
      for (;;) {
        const result = await next();
        if (result.errors) throw new Error(`subscription error: ${result.errors.map((e) => e.message).join("; ")}`);
        if (result.data && accept(result.data)) return result.data;
      }
    },
    pending: () => queue,
    close: () => controller.abort(),
    ended,
  };
}
