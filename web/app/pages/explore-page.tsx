/**
 * Explore: every concept by kind while the box is empty; results as you type
 * (typos tolerated), each saying how it matched with the matched words marked.
 * The kind filter applies to both. The address carries the query and the kind.
 */
import { A, useSearchParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { ConceptListDocument, KindsDocument, SearchHitsDocument, type ConceptListQuery, type KindsQuery, type SearchHitsQuery } from "../api/generated/graphql.ts";
import { AsyncView, loaded } from "../components/async-view.tsx";
import { Highlighted } from "../components/highlighted.tsx";

type Kind = KindsQuery["kinds"][number];
type Listed = ConceptListQuery["concepts"]["edges"][number]["node"];
type Hit = SearchHitsQuery["searchHits"][number];

/** More than this and the list asks for a kind or a search instead of growing further. */
const LIST_AT_MOST = 1000;

async function listConcepts(kind: string | undefined): Promise<{ concepts: Listed[]; total: number }> {
  const concepts: Listed[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const page: ConceptListQuery = await gql(ConceptListDocument, { kind, after });
    total = page.concepts.totalCount;
    concepts.push(...page.concepts.edges.map((e) => e.node));
    after = page.concepts.pageInfo.hasNextPage ? page.concepts.pageInfo.endCursor : null;
  } while (after !== null && concepts.length < LIST_AT_MOST);
  return { concepts, total };
}

/** Why a result is there, in words: said of the matched alias when that is not the name. */
function reason(hit: Hit, query: string): { lead: string; alias: boolean } {
  const alias = hit.matchedName !== null && hit.matchedName !== hit.concept.name;
  switch (hit.matchedBy) {
    case "NAME":
      return { lead: "exact name", alias: false };
    case "ALIAS":
      return { lead: "also called ", alias: true };
    case "PREFIX":
      return alias ? { lead: "also called ", alias } : { lead: `starts with “${query}”`, alias };
    case "TEXT":
      return { lead: "words in its description", alias: false };
    case "SPELLING":
      return alias ? { lead: `“${query}” is close to `, alias } : { lead: `close to “${query}”`, alias };
  }
}

export default function ExplorePage() {
  const [params, setParams] = useSearchParams<{ q?: string; kind?: string }>();
  const [text, setText] = createSignal(params.q ?? "");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const query = () => params.q?.trim() || undefined;
  const kind = () => params.kind || undefined;

  const [kinds, { refetch: refetchKinds }] = createResource(() => gql(KindsDocument).then((d) => d.kinds));
  const [hits, { refetch: refetchHits }] = createResource(
    () => (query() ? { q: query() as string, kind: kind() } : undefined),
    (vars) => gql(SearchHitsDocument, vars).then((d) => d.searchHits),
  );
  // Only while the box is empty: the whole graph, a kind at a time if asked.
  const [list, { refetch: refetchList }] = createResource(
    () => (query() ? undefined : { kind: kind() }),
    (vars) => listConcepts(vars.kind),
  );
  const retry = (refetch: () => unknown) => () => {
    if (kinds.error) void refetchKinds();
    void refetch();
  };

  const groups = createMemo(() => {
    const found = loaded(list);
    if (!found) return [];
    const order = loaded(kinds) ?? [];
    const byKind = new Map<string, Listed[]>();
    for (const c of found.concepts) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
    const rank = (slug: string) => {
      const i = order.findIndex((k) => k.slug === slug);
      return i === -1 ? order.length : i;
    };
    return [...byKind.entries()]
      .sort(([x], [y]) => rank(x) - rank(y) || x.localeCompare(y))
      .map(([slug, concepts]) => ({ kind: order.find((k) => k.slug === slug) ?? { slug, label: slug, plural: slug, count: concepts.length }, concepts }));
  });

  const onInput = (value: string) => {
    setText(value);
    clearTimeout(timer);
    // Wait for a pause in typing before asking the server.
    timer = setTimeout(() => setParams({ q: value.trim() || undefined }, { replace: true }), 180);
  };

  return (
    <>
      <h1>Explore</h1>
      <div role="search" class="search explore-search">
        <div class="field">
          <label for="explore-search">Search concepts</label>
          <input id="explore-search" type="search" autofocus value={text()} onInput={(e) => onInput(e.currentTarget.value)} placeholder="Type a name, an alias or a word" aria-controls="results" />
        </div>
        <div class="field">
          <label for="explore-kind">Kind</label>
          <select id="explore-kind" onChange={(e) => setParams({ kind: e.currentTarget.value || undefined }, { replace: true })}>
            <option value="" selected={!kind()}>
              All kinds
            </option>
            <For each={loaded(kinds) ?? []}>
              {(k) => (
                <option value={k.slug} selected={k.slug === kind()}>
                  {k.plural} ({k.count})
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <section id="results" aria-live="polite" aria-label="Results">
        <Show
          when={query()}
          fallback={
            <AsyncView resource={list} retry={retry(refetchList)} label="the concepts">
              {(found) => (
                <>
                  <p class="hint">
                    {found.total} concept{found.total === 1 ? "" : "s"}
                    {kind() ? "" : ", by kind"}. Type above to search (typos are fine).
                  </p>
                  <For each={groups()}>
                    {(group) => (
                      <section class="kind-group" aria-labelledby={`kind-${group.kind.slug}`}>
                        <h2 id={`kind-${group.kind.slug}`}>
                          {group.kind.plural} <span class="count">({group.concepts.length})</span>
                        </h2>
                        <ul class="concept-list">
                          <For each={group.concepts}>
                            {(c) => (
                              <li>
                                <A href={`/concepts/${c.slug}`}>{c.name}</A>
                                <p>{c.summary}</p>
                              </li>
                            )}
                          </For>
                        </ul>
                      </section>
                    )}
                  </For>
                  <Show when={found.total > found.concepts.length}>
                    <p class="hint">
                      Showing the first {found.concepts.length} of {found.total}: pick a kind or search to find the others.
                    </p>
                  </Show>
                </>
              )}
            </AsyncView>
          }
        >
          <AsyncView resource={hits} retry={retry(refetchHits)} label="results">
            {(found) => (
              <Show when={found.length} fallback={<p>No concept matches “{query()}”{kind() ? " in this kind" : ""}.</p>}>
                <ul class="results search-hits">
                  <For each={found}>
                    {(hit) => (
                      <li>
                        <A href={`/concepts/${hit.concept.slug}`}>
                          <Show when={hit.matchedName === hit.concept.name} fallback={hit.concept.name}>
                            <Highlighted spans={hit.title} />
                          </Show>
                        </A>{" "}
                        <span class="kind">{hit.concept.kindInfo.label}</span>
                        {" "}
                        <span class="matched-by">
                          ({reason(hit, query() ?? "").lead}
                          <Show when={reason(hit, query() ?? "").alias}>
                            <Highlighted spans={hit.title} />
                          </Show>
                          )
                        </span>
                        <p class="snippet">
                          <Highlighted spans={hit.snippet} />
                        </p>
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
