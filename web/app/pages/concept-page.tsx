/**
 * A concept: summary, description, relations grouped by type with links, pros
 * and cons, citations with their passages, and the snippet to embed its card
 * with a live preview.
 */
import { A, useParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, lazy, onMount, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { ConceptPageDocument, type ConceptPageQuery } from "../api/generated/graphql.ts";
import { AsyncView } from "../components/async-view.tsx";
import { CitedPassages } from "../components/cited-passages.tsx";
import { ConceptLinks } from "../components/concept-links.tsx";

// The picture and its d3 libraries load only when a concept page is shown.
const NeighborhoodGraph = lazy(() => import("../components/neighborhood-graph.tsx"));

type Concept = NonNullable<ConceptPageQuery["concept"]>;
type Ref = Concept["relations"][number]["source"];

function Relations(props: { concept: Concept }) {
  // Group by how each relation reads from this concept: "is an instance of", "has the instance"…
  const groups = createMemo(() => {
    const map = new Map<string, Ref[]>();
    for (const r of props.concept.relations) {
      if (r.outdated) continue;
      const outgoing = r.source.slug === props.concept.slug;
      const label = outgoing ? r.label : r.inverseLabel;
      map.set(label, [...(map.get(label) ?? []), outgoing ? r.target : r.source]);
    }
    return [...map];
  });
  // What the sources said that no longer holds: shown apart, with what is true today.
  const outdated = () => props.concept.relations.filter((r) => r.outdated);
  return (
    <>
      <dl class="relations">
        <For each={groups()}>
          {([label, refs]) => (
            <>
              <dt>{label}</dt>
              <dd>
                <ConceptLinks concepts={refs} />
              </dd>
            </>
          )}
        </For>
      </dl>
      <Show when={outdated().length}>
        <ul class="outdated-list">
          <For each={outdated()}>
            {(r) => (
              <li>
                <span class="badge outdated">No longer true</span> {r.source.name} {r.label} {r.target.name}. <span class="outdated-note">{r.outdated}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

function EmbedSnippet(props: { slug: string; name: string }) {
  const origin = location.origin;
  const [copied, setCopied] = createSignal("");
  const snippet = () => `<script src="${origin}/embed.js" async></script>\n<graphdeck-card concept="${props.slug}" quiz>\n  <a href="${origin}/concepts/${props.slug}">${props.name} on Graphdeck</a>\n</graphdeck-card>`;
  onMount(() => {
    if (!document.querySelector('script[src="/embed.js"]')) {
      const script = document.createElement("script");
      script.src = "/embed.js";
      script.async = true;
      document.head.append(script);
    }
  });
  return (
    <section aria-labelledby="embed-title">
      <h2 id="embed-title">Embed this card</h2>
      <pre>
        <code>{snippet()}</code>
      </pre>
      <p>
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(snippet()).then(
              () => setCopied("Snippet copied."),
              () => setCopied("Copying was refused by the browser: select the snippet and copy it by hand."),
            )
          }
        >
          Copy snippet
        </button>{" "}
        <span role="status">{copied()}</span>
      </p>
      <p>Preview:</p>
      {/* An attribute, not a property: the element is defined later, when embed.js has loaded. */}
      <graphdeck-card attr:concept={props.slug} />
    </section>
  );
}

export default function ConceptPage() {
  const params = useParams<{ slug: string }>();
  const [concept, { refetch }] = createResource(
    () => params.slug,
    (slug) => gql(ConceptPageDocument, { slug }).then((d) => d.concept),
  );
  createEffect(() => {
    const found = concept.latest;
    if (found) document.title = `${found.name} · Graphdeck`;
  });
  return (
    <AsyncView resource={concept} retry={refetch} label="this concept">
      {(c) => (
        <Show when={c} fallback={<p>There is no concept “{params.slug}”. <A href="/explore">Search instead</A>.</p>}>
          {(found) => (
            <article class="concept">
              <p class="kind">{found().kindInfo.label}</p>
              <h1>{found().name}</h1>
              <p class="summary">{found().summary}</p>
              <p>{found().description}</p>
              <Show when={found().aliases.length}>
                <p class="aliases">Also called: {found().aliases.join(", ")}</p>
              </Show>
              <p>
                <A href={`/quiz/play?kind=MIXED&count=5&topic=${found().slug}`}>Quiz me on {found().name}</A> ·{" "}
                <A href={`/flashcards?deck=${encodeURIComponent(`topic:${found().slug}`)}`}>Study its cards</A> ·{" "}
                <A href={`/match?kind=CATEGORY&topic=${found().slug}`}>Matching game</A> ·{" "}
                <A href={`/compare?a=${found().slug}`}>Compare</A>
              </p>
              <h2>How it relates</h2>
              <Relations concept={found()} />
              <NeighborhoodGraph slug={found().slug} name={found().name} />
              <Show when={found().claims.length}>
                <h2>Pros, cons and facts</h2>
                <ul class="claims">
                  <For each={found().claims}>
                    {(claim) => (
                      <li class={claim.outdated ? "outdated" : claim.polarity.toLowerCase()}>
                        <span class="badge">{claim.outdated ? "No longer true" : claim.polarity === "PRO" ? "Pro" : claim.polarity === "CON" ? "Con" : "Fact"}</span> {claim.statement}
                        <Show when={claim.aspect}>{(a) => <span class="aspect"> ({a().label}{claim.value ? `: ${claim.value}` : ""})</span>}</Show>
                        <Show when={claim.outdated}>{(note) => <span class="outdated-note"> Today: {note()}</span>}</Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <h2>Sources</h2>
              <CitedPassages citations={found().citations} />
              <EmbedSnippet slug={found().slug} name={found().name} />
            </article>
          )}
        </Show>
      )}
    </AsyncView>
  );
}
