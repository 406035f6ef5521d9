/**
 * A button's action on the server (join, start, answer…): whether it is under way, so the button
 * waits, and the error a person reads when it fails, shown where the action was taken.
 */
import { createSignal, Show } from "solid-js";

export function createAction() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const Notice = () => (
    <Show when={error()}>
      {(message) => (
        <p class="notice error" role="alert">
          {message()}
        </p>
      )}
    </Show>
  );
  return { busy, error, run, Notice };
}
