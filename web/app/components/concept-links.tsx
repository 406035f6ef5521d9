/** Concepts as links, separated by commas: "Docker, Podman, CRI-O". */
import { A } from "@solidjs/router";
import { For } from "solid-js";

export function ConceptLinks(props: { concepts: { slug: string; name: string }[] }) {
  return (
    <For each={props.concepts}>
      {(concept, i) => (
        <>
          {i() > 0 ? ", " : ""}
          <A href={`/concepts/${concept.slug}`}>{concept.name}</A>
        </>
      )}
    </For>
  );
}
