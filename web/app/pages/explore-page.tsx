/** Explore: results as you type, typos tolerated. */
import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { AsyncView } from "../components/async-view.tsx";

type Hit = { slug: string; name: string; summary: string; kindInfo: { label: string } };

export default function ExplorePage() {
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const [text, setText] = createSignal(params.q ?? "");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const [hits, { refetch }] = createResource(
    () => params.q?.trim() || undefined,
    (q) => gql<{ search: Hit[] }>(`query ($q: String!) { search(query: $q, first: 12) { slug name summary kindInfo { label } } }`, { q }).then((d) => d.search),
  );
  const onInput = (value: string) => {
    setText(value);
    clearTimeout(timer);
    // Wait for a pause in typing before asking the server.
    timer = setTimeout(() => setParams({ q: value.trim() || undefined }, { replace: true }), 180);
  };
  return (
    <>
      <h1>Explore</h1>
      <div role="search" class="search">
        <label for="explore-search">Search concepts</label>
        <input id="explore-search" type="search" autofocus value={text()} onInput={(e) => onInput(e.currentTarget.value)} placeholder="Type a name, an alias or a word" aria-controls="results" />
      </div>
      <section id="results" aria-live="polite">
        <Show when={params.q} fallback={<p class="hint">Try “hypervisor”, “cgroups” or even “virtualbx”.</p>}>
          <AsyncView resource={hits} retry={refetch} label="results">
            {(list) => (
              <Show when={list.length} fallback={<p>No concept matches “{params.q}”.</p>}>
                <ul class="results">
                  <For each={list}>
                    {(hit) => (
                      <li>
                        <A href={`/concepts/${hit.slug}`}>{hit.name}</A> <span class="kind">{hit.kindInfo.label}</span>
                        <p>{hit.summary}</p>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </AsyncView>
        </Show>
      </section>
    </>
  );
}
