/** Any two concepts side by side, aspect by aspect; containers vs VMs by default. */
import { useSearchParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { AsyncView, loaded } from "../components/async-view.tsx";
import { ConceptLinks } from "../components/concept-links.tsx";

type Claim = { statement: string; value: string | null; polarity: string; outdated: string | null; citations: { locator: string; source: { publisher: string } }[] };
type Comparison = { a: { slug: string; name: string }; b: { slug: string; name: string }; aspects: { aspect: { label: string }; a: Claim[]; b: Claim[] }[]; shared: { slug: string; name: string }[] };

export default function ComparePage() {
  const [params, setParams] = useSearchParams<{ a?: string; b?: string }>();
  const pair = () => ({ a: params.a ?? "container", b: params.b ?? "virtual-machine" });
  const [options] = createResource(() =>
    gql<{ concepts: { edges: { node: { slug: string; name: string } }[] } }>("{ concepts(first: 100) { edges { node { slug name } } } }").then((d) => d.concepts.edges.map((e) => e.node)),
  );
  const [comparison, { refetch }] = createResource(pair, (p) =>
    gql<{ compare: Comparison | null }>(
      `query ($a: String!, $b: String!) { compare(a: $a, b: $b) { a { slug name } b { slug name } aspects { aspect { label } a { ...side } b { ...side } } shared { slug name } } }
      fragment side on Claim { statement value polarity outdated citations { locator source { publisher } } }`,
      p,
    ).then((d) => d.compare),
  );
  const picker = (side: "a" | "b", label: string) => (
    <>
      <label for={`compare-${side}`}>{label}</label>
      <select id={`compare-${side}`} onChange={(e) => setParams({ [side]: e.currentTarget.value })}>
        {/* The options arrive after the select exists, so each says whether it is the chosen one. */}
        <For each={loaded(options) ?? []}>
          {(o) => (
            <option value={o.slug} selected={o.slug === pair()[side]}>
              {o.name}
            </option>
          )}
        </For>
      </select>
    </>
  );
  const cell = (claims: Claim[]) => (
    <Show when={claims.length} fallback={<span class="muted">—</span>}>
      <For each={claims}>
        {(c) => (
          // Where sources disagree, each side stays, with the source it comes from.
          <p class={c.outdated ? "outdated" : undefined}>
            <Show when={c.outdated}>
              <span class="badge outdated">No longer true</span>{" "}
            </Show>
            <strong>{c.value ?? ""}</strong> {c.statement}
            <Show when={c.citations.length}>
              <span class="muted"> ({c.citations.map((x) => x.source.publisher).filter((v, i, all) => all.indexOf(v) === i).join(", ")})</span>
            </Show>
            <Show when={c.outdated}>{(note) => <span class="outdated-note"> Today: {note()}</span>}</Show>
          </p>
        )}
      </For>
    </Show>
  );
  return (
    <>
      <h1>Compare</h1>
      <div class="pickers">
        {picker("a", "First concept")}
        {picker("b", "Second concept")}
      </div>
      <AsyncView resource={comparison} retry={refetch} label="the comparison">
        {(c) => (
          <Show when={c} fallback={<p>Pick two different concepts.</p>}>
            {(found) => (
              <>
                <Show when={found().aspects.length} fallback={<p>The graph has no claims on shared aspects for these two.</p>}>
                  <table class="comparison">
                    <caption>
                      {found().a.name} and {found().b.name}, aspect by aspect
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Aspect</th>
                        <th scope="col">{found().a.name}</th>
                        <th scope="col">{found().b.name}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={found().aspects}>
                        {(row) => (
                          <tr>
                            <th scope="row">{row.aspect.label}</th>
                            <td>{cell(row.a)}</td>
                            <td>{cell(row.b)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </Show>
                <Show when={found().shared.length}>
                  <p>
                    Both relate to: <ConceptLinks concepts={found().shared} />
                  </p>
                </Show>
              </>
            )}
          </Show>
        )}
      </AsyncView>
    </>
  );
}
