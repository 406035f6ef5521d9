/**
 * Any two concepts side by side: what each is (kind, categories), how each
 * relates to others, what both relate to, and their claims aspect by aspect;
 * above the table, what they have in common and where they differ.
 * Containers vs VMs by default.
 */
import { A, useSearchParams } from "@solidjs/router";
import { createMemo, createResource, For, Show, type JSX } from "solid-js";
import { gql } from "../api/graphql.ts";
import { CompareDocument, CompareOptionsDocument, KindsDocument, type ComparedClaimFragment, type CompareOptionsQuery, type CompareQuery, type FactValueFieldsFragment } from "../api/generated/graphql.ts";
import { AsyncView, loaded } from "../components/async-view.tsx";
import { ConceptLinks } from "../components/concept-links.tsx";

type Comparison = NonNullable<CompareQuery["compare"]>;
type Claim = ComparedClaimFragment;
type Value = FactValueFieldsFragment;
type Named = Value["concepts"][number];
type Fact = Comparison["facts"][number];
type AspectRow = Comparison["aspects"][number];
type Option = CompareOptionsQuery["concepts"]["edges"][number]["node"];

/** Every concept to pick from (up to a thousand), with the kinds to group them by. */
async function loadOptions(): Promise<{ options: Option[]; kinds: { slug: string; plural: string }[] }> {
  const kinds = gql(KindsDocument).then((d) => d.kinds);
  const options: Option[] = [];
  let after: string | null = null;
  do {
    const page: CompareOptionsQuery = await gql(CompareOptionsDocument, { after });
    options.push(...page.concepts.edges.map((e) => e.node));
    after = page.concepts.pageInfo.hasNextPage ? page.concepts.pageInfo.endCursor : null;
  } while (after !== null && options.length < 1000);
  return { options, kinds: await kinds };
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A value as text, the concepts it names as links (a category path reads A › B). */
function ValueText(props: { value: Value }): JSX.Element {
  const v = props.value;
  const link = (c: Named) => <A href={`/concepts/${c.slug}`}>{c.name}</A>;
  if (v.concepts.length > 1) {
    return (
      <For each={v.concepts}>
        {(c, i) => (
          <>
            {i() > 0 ? " › " : ""}
            {link(c)}
          </>
        )}
      </For>
    );
  }
  const only = v.concepts[0];
  const at = only ? v.text.lastIndexOf(only.name) : -1;
  if (!only || at === -1) return <>{v.text}</>;
  return (
    <>
      {v.text.slice(0, at)}
      {link(only)}
      {v.text.slice(at + only.name.length)}
    </>
  );
}

function Outdated(props: { note: string | null; children: JSX.Element }): JSX.Element {
  return (
    <p class={props.note ? "outdated" : undefined}>
      <Show when={props.note}>
        <span class="badge outdated">No longer true</span>{" "}
      </Show>
      {props.children}
      <Show when={props.note}>{(note) => <span class="outdated-note"> Today: {note()}</span>}</Show>
    </p>
  );
}

/** What the two have in common and where they differ, in short lines built from the rows. */
function summaryOf(c: Comparison): { common: JSX.Element[]; differ: JSX.Element[] } {
  const common: JSX.Element[] = [];
  const differ: JSX.Element[] = [];
  const texts = (values: Value[]) => values.filter((v) => !v.outdated).map((v) => v.text);
  for (const fact of c.facts) {
    if (fact.key === "summary" || fact.key.startsWith("shared:") || fact.key.startsWith("claims:")) continue;
    if (fact.key === "kind") {
      if (fact.agreement === "SAME") common.push(<>Both are of the kind {texts(fact.a).join("")}.</>);
      else differ.push(<>{c.a.name} is of the kind {texts(fact.a).join("")}; {c.b.name} of the kind {texts(fact.b).join("")}.</>);
      continue;
    }
    if (fact.key === "categories") {
      const of = (values: Value[]) => new Map(values.flatMap((v) => v.concepts.map((x) => [x.slug, x] as const)));
      const inB = of(fact.b);
      const both = [...of(fact.a).values()].filter((x) => inB.has(x.slug));
      if (both.length) {
        common.push(
          <>
            Both fall under <ConceptLinks concepts={both} />.
          </>,
        );
      }
      continue;
    }
    if (fact.agreement === "SAME" || fact.agreement === "OVERLAP") {
      const inB = new Set(fact.b.map((v) => v.text));
      const both = fact.a.filter((v) => inB.has(v.text) && !v.outdated).flatMap((v) => v.concepts);
      if (both.length) {
        common.push(
          <>
            Both {lower(fact.label)} <ConceptLinks concepts={both} />.
          </>,
        );
      }
    } else if (fact.agreement === "DIFFERENT" && texts(fact.a).length && texts(fact.b).length) {
      differ.push(
        <>
          <strong>{fact.label}</strong>: {texts(fact.a).join(", ")} ({c.a.name}) but {texts(fact.b).join(", ")} ({c.b.name}).
        </>,
      );
    }
  }
  const sharedCount = c.facts.filter((f) => f.key.startsWith("shared:")).length;
  if (sharedCount > 0) common.push(<>Both relate to {sharedCount === 1 ? "one concept" : `${sharedCount} concepts`} in common (listed below the table).</>);
  for (const row of c.aspects) {
    const values = (claims: Claim[]) => [...new Set(claims.filter((x) => !x.outdated && x.value).map((x) => x.value as string))];
    const [va, vb] = [values(row.a), values(row.b)];
    if (!va.length || !vb.length) continue;
    if (row.agreement === "SAME") common.push(<>Same {lower(row.aspect.label)}: {va.join(", ")}.</>);
    else if (row.agreement === "DIFFERENT") {
      differ.push(
        <>
          <strong>{row.aspect.label}</strong>: {va.join(", ")} ({c.a.name}) but {vb.join(", ")} ({c.b.name}).
        </>,
      );
    }
  }
  return { common, differ };
}

export default function ComparePage() {
  const [params, setParams] = useSearchParams<{ a?: string; b?: string }>();
  const pair = () => ({ a: params.a ?? "container", b: params.b ?? "virtual-machine" });
  const same = () => pair().a === pair().b;
  const [options] = createResource(loadOptions);
  const nameOf = (slug: string) => loaded(options)?.options.find((o) => o.slug === slug)?.name ?? slug;
  // The same concept twice is not a comparison: say so, and ask nothing of the server.
  const [comparison, { refetch }] = createResource(
    () => (same() ? undefined : pair()),
    (p) => gql(CompareDocument, p).then((d) => d.compare),
  );
  const groups = createMemo(() => {
    const found = loaded(options);
    if (!found) return [];
    const byKind = new Map<string, Option[]>();
    for (const o of found.options) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
    return found.kinds.filter((k) => byKind.has(k.slug)).map((k) => ({ label: k.plural, options: byKind.get(k.slug) ?? [] }));
  });
  const picker = (side: "a" | "b", label: string) => (
    <div class="field">
      <label for={`compare-${side}`}>{label}</label>
      <select id={`compare-${side}`} onChange={(e) => setParams({ [side]: e.currentTarget.value })}>
        {/* The options arrive after the select exists, so each says whether it is the chosen one. */}
        <For each={groups()}>
          {(group) => (
            <optgroup label={group.label}>
              <For each={group.options}>
                {(o) => (
                  <option value={o.slug} selected={o.slug === pair()[side]}>
                    {o.name}
                  </option>
                )}
              </For>
            </optgroup>
          )}
        </For>
      </select>
    </div>
  );
  const claimCell = (claims: Claim[]) => (
    <Show when={claims.length} fallback={<span class="muted">—</span>}>
      <For each={claims}>
        {(c) => (
          // Where sources disagree, each side stays, with the source it comes from.
          <Outdated note={c.outdated}>
            <strong>{c.value ?? ""}</strong> {c.statement}
            <Show when={c.citations.length}>
              <span class="muted"> ({c.citations.map((x) => x.source.publisher).filter((v, i, all) => all.indexOf(v) === i).join(", ")})</span>
            </Show>
          </Outdated>
        )}
      </For>
    </Show>
  );
  // Plain names read as one list ("Linux, Windows"); paths, sentences and outdated entries get a line each.
  const isName = (v: Value) => !v.outdated && v.concepts.length === 1 && v.text === v.concepts[0]?.name;
  const factCell = (values: Value[]) => (
    <Show when={values.length} fallback={<span class="muted">—</span>}>
      <Show when={values.filter(isName).length}>
        <p class="inline-list">
          <ConceptLinks concepts={values.filter(isName).flatMap((v) => v.concepts)} />
        </p>
      </Show>
      <For each={values.filter((v) => !isName(v))}>
        {(v) => (
          <Outdated note={v.outdated}>
            <ValueText value={v} />
          </Outdated>
        )}
      </For>
    </Show>
  );
  /** The side's name over each cell, for phones, where the table's head is hidden. */
  const side = (name: string) => <span class="side-name">{name}: </span>;

  return (
    <>
      <h1>Compare</h1>
      <div class="pickers">
        {picker("a", "First concept")}
        {picker("b", "Second concept")}
      </div>
      <Show
        when={!same()}
        fallback={
          <p class="notice" role="status">
            Both boxes hold {nameOf(pair().a)}. Choose a different concept in one of them to see the two side by side.
          </p>
        }
      >
        <AsyncView resource={comparison} retry={refetch} label="the comparison">
          {(c) => (
            <Show when={c} fallback={<p class="notice">One of these concepts is not in the graph (any more). Choose another above.</p>}>
              {(found) => {
                const summary = summaryOf(found());
                const facts = () => found().facts.filter((f) => !f.key.startsWith("shared:"));
                const shared = () => found().facts.filter((f) => f.key.startsWith("shared:"));
                return (
                  <>
                    <div class="compare-summary">
                      <section aria-labelledby="in-common">
                        <h2 id="in-common">In common</h2>
                        <Show when={summary.common.length} fallback={<p class="muted">The graph records nothing the two share.</p>}>
                          <ul>
                            <For each={summary.common}>{(line) => <li>{line}</li>}</For>
                          </ul>
                        </Show>
                      </section>
                      <section aria-labelledby="differ">
                        <h2 id="differ">Where they differ</h2>
                        <Show when={summary.differ.length} fallback={<p class="muted">No difference on what both have values for.</p>}>
                          <ul>
                            <For each={summary.differ}>{(line) => <li>{line}</li>}</For>
                          </ul>
                        </Show>
                      </section>
                    </div>
                    <table class="comparison">
                      <caption>
                        {found().a.name} and {found().b.name}, side by side
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">Aspect</th>
                          <th scope="col">{found().a.name}</th>
                          <th scope="col">{found().b.name}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={facts()}>
                          {(row) => (
                            <tr class={`agreement-${row.agreement.toLowerCase()}`}>
                              <th scope="row">{row.label}</th>
                              <td>
                                {side(found().a.name)}
                                {factCell(row.a)}
                              </td>
                              <td>
                                {side(found().b.name)}
                                {factCell(row.b)}
                              </td>
                            </tr>
                          )}
                        </For>
                        <For each={found().aspects}>
                          {(row) => (
                            <tr class={`agreement-${row.agreement.toLowerCase()}`}>
                              <th scope="row">{row.aspect.label}</th>
                              <td>
                                {side(found().a.name)}
                                {claimCell(row.a)}
                              </td>
                              <td>
                                {side(found().b.name)}
                                {claimCell(row.b)}
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                    <Show when={shared().length}>
                      <table class="comparison shared">
                        <caption>What both relate to, and how</caption>
                        <thead>
                          <tr>
                            <th scope="col">Concept</th>
                            <th scope="col">{found().a.name}</th>
                            <th scope="col">{found().b.name}</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={shared()}>
                            {(row) => (
                              <tr>
                                <th scope="row">
                                  <A href={`/concepts/${row.key.slice("shared:".length)}`}>{row.label}</A>
                                </th>
                                <td>
                                  {side(found().a.name)}
                                  {row.a.map((v) => v.text.replace(row.label, "").trim()).join("; ")}
                                </td>
                                <td>
                                  {side(found().b.name)}
                                  {row.b.map((v) => v.text.replace(row.label, "").trim()).join("; ")}
                                </td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </Show>
                  </>
                );
              }}
            </Show>
          )}
        </AsyncView>
      </Show>
    </>
  );
}
