/** Loading and error states for every page: a message and a retry, never a blank page. */
import { Match, Switch, type JSX, type Resource } from "solid-js";

/**
 * A resource's value, or undefined while it loads or after it failed. Reading
 * a failed resource directly throws, which outside <AsyncView> would break
 * the page instead of showing the error and its retry.
 */
export function loaded<T>(resource: Resource<T>): T | undefined {
  return resource.error === undefined ? resource.latest : undefined;
}

export function AsyncView<T>(props: { resource: Resource<T>; retry: () => void; label: string; children: (value: T) => JSX.Element }) {
  return (
    <Switch>
      <Match when={props.resource.error}>
        <div class="notice error" role="alert">
          <p>Could not load {props.label}: {(props.resource.error as Error)?.message ?? "unknown error"}</p>
          <button type="button" onClick={() => props.retry()}>
            Try again
          </button>
        </div>
      </Match>
      <Match when={props.resource.loading && props.resource.latest === undefined}>
        <p class="notice" role="status" aria-live="polite">
          Loading {props.label}…
        </p>
      </Match>
      <Match when={props.resource.latest !== undefined}>{props.children(props.resource.latest as T)}</Match>
    </Switch>
  );
}
