/** Loading and error states for every page: a message and a retry, never a blank page. */
import { Match, Switch, type JSX, type Resource } from "solid-js";

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
