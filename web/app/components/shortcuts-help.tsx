/**
 * "?" anywhere (outside a text field) opens the list of keyboard shortcuts;
 * Escape or the Close button closes it. A native <dialog>, so focus is kept
 * inside while it is open and returns where it was afterwards.
 */
import { For, onCleanup, onMount } from "solid-js";

const SHORTCUTS: { where: string; keys: [string, string][] }[] = [
  { where: "Anywhere", keys: [["?", "Show or hide this list"]] },
  {
    where: "Flashcards",
    keys: [
      ["Space", "Show the answer"],
      ["1 2 3 4", "Rate: Again, Hard, Good, Easy"],
      ["U", "Undo the last rating"],
      ["Enter", "Check a typed answer"],
    ],
  },
  {
    where: "Quiz",
    keys: [
      ["1 2 3 4", "Choose an answer"],
      ["Enter", "Next question"],
    ],
  },
  {
    where: "Neighbourhood picture (when focused)",
    keys: [
      ["← ↑ → ↓", "Pan"],
      ["+ −", "Zoom in or out"],
      ["0", "Fit the whole picture"],
      ["Enter", "Go to the focused concept"],
    ],
  },
];

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function ShortcutsHelp() {
  let dialog: HTMLDialogElement | undefined;
  const toggle = () => {
    if (!dialog) return;
    if (dialog.open) dialog.close();
    else dialog.showModal();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
    event.preventDefault();
    toggle();
  };
  onMount(() => document.addEventListener("keydown", onKey));
  onCleanup(() => document.removeEventListener("keydown", onKey));
  return (
    <>
      <button type="button" class="shortcuts-button" aria-haspopup="dialog" onClick={toggle} title="Keyboard shortcuts (?)">
        <span aria-hidden="true">?</span>
        <span class="visually-hidden">Keyboard shortcuts</span>
      </button>
      <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <For each={SHORTCUTS}>
          {(group) => (
            <section>
              <h3>{group.where}</h3>
              <dl>
                <For each={group.keys}>
                  {([keys, what]) => (
                    <>
                      <dt>
                        <kbd>{keys}</kbd>
                      </dt>
                      <dd>{what}</dd>
                    </>
                  )}
                </For>
              </dl>
            </section>
          )}
        </For>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
