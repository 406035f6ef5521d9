/**
 * Two concepts compared on everything the graph says of them besides claims:
 * what each is (kind, the category paths above it), how each relates to other
 * concepts (a row per relation, outgoing and incoming read the same way merged
 * when the labels agree), and how each relates to the concepts both touch.
 * Nothing here knows the topic: rows come from the vocabulary and the graph.
 */
import type { GraphSnapshot } from "../../study/graph-snapshot.ts";
import { categoriesOf } from "../../study/hierarchy.ts";
import type { ClaimRow, ConceptRow, RelationRow } from "../graph-rows.ts";
import type { Loaders } from "../loaders.ts";

export type Agreement = "SAME" | "OVERLAP" | "DIFFERENT" | "ONLY_A" | "ONLY_B";

export interface FactValueRow {
  text: string;
  concepts: ConceptRow[];
  outdated: string | null;
}

export interface ComparedFactRow {
  key: string;
  label: string;
  a: FactValueRow[];
  b: FactValueRow[];
  agreement: Agreement;
}

/** How many concepts both relate to get a row each; the rest are in `shared`. */
const MAX_SHARED_ROWS = 12;
/** How far up a category path goes. */
const MAX_PATH = 6;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** SAME when both sides hold the same keys, OVERLAP when some, DIFFERENT when none; ONLY_* when one side is empty. */
export function agreementOf(a: ReadonlySet<string>, b: ReadonlySet<string>): Agreement {
  if (a.size === 0) return "ONLY_B";
  if (b.size === 0) return "ONLY_A";
  const common = [...a].filter((k) => b.has(k)).length;
  if (common === a.size && common === b.size) return "SAME";
  return common > 0 ? "OVERLAP" : "DIFFERENT";
}

/** Category paths above a concept, nearest first: one per direct category, each going up its first parent. */
function categoryPaths(graph: GraphSnapshot, slug: string): string[][] {
  return categoriesOf(graph, slug).map((category) => {
    const path = [category];
    for (let at = category; path.length < MAX_PATH; ) {
      const parent = categoriesOf(graph, at).find((c) => !path.includes(c) && c !== slug);
      if (parent === undefined) break;
      path.push(parent);
      at = parent;
    }
    return path;
  });
}

interface Side {
  concept: ConceptRow;
  relations: RelationRow[];
}

interface Link {
  /** The row it belongs to: relations whose outgoing or incoming label reads the same share a row. */
  label: string;
  other: number;
  outdated: string | null;
}

/**
 * A concept's relations as "label → other end", each pair once (a relation
 * stated both ways reads once; a current statement wins over an outdated one).
 */
function linksOf(side: Side): (Link & { classifying: boolean; type: string })[] {
  const links = new Map<string, Link & { classifying: boolean; type: string }>();
  for (const r of side.relations) {
    const outgoing = r.sourceId === side.concept.id;
    const other = outgoing ? r.targetId : r.sourceId;
    if (other === side.concept.id) continue;
    const label = outgoing ? r.label : r.inverseLabel;
    const key = `${label}|${other}`;
    const known = links.get(key);
    if (known && known.outdated === null) continue;
    links.set(key, { label, other, outdated: r.outdated, classifying: outgoing, type: r.type });
  }
  return [...links.values()];
}

export async function compareFacts(a: ConceptRow, b: ConceptRow, loaders: Loaders, graph: GraphSnapshot): Promise<ComparedFactRow[]> {
  const [aRelations, bRelations, kinds, types] = await Promise.all([
    loaders.relationsByConcept.load(a.id),
    loaders.relationsByConcept.load(b.id),
    loaders.allKinds(),
    loaders.allRelationTypes(),
  ]);
  const sides: [Side, Side] = [
    { concept: a, relations: aRelations },
    { concept: b, relations: bRelations },
  ];
  const rows: ComparedFactRow[] = [];

  // What each is, in a sentence.
  rows.push({
    key: "summary",
    label: "In short",
    a: [{ text: a.summary, concepts: [], outdated: null }],
    b: [{ text: b.summary, concepts: [], outdated: null }],
    agreement: a.summary === b.summary ? "SAME" : "DIFFERENT",
  });

  // What kind of thing each is.
  const kindLabel = (slug: string) => kinds.find((k) => k.slug === slug)?.label ?? slug;
  rows.push({
    key: "kind",
    label: "Kind",
    a: [{ text: kindLabel(a.kind), concepts: [], outdated: null }],
    b: [{ text: kindLabel(b.kind), concepts: [], outdated: null }],
    agreement: a.kind === b.kind ? "SAME" : "DIFFERENT",
  });

  // The categories above each, as paths; they agree as far as the categories do.
  const paths = sides.map((s) => categoryPaths(graph, s.concept.slug));
  const slugsOnPaths = [...new Set(paths.flat(2))];
  const bySlug = new Map<string, ConceptRow>();
  (await loaders.conceptBySlug.loadMany(slugsOnPaths)).forEach((c, i) => {
    if (c && !(c instanceof Error)) bySlug.set(slugsOnPaths[i] as string, c);
  });
  const pathValues = (list: string[][]) =>
    list.map((path) => {
      const concepts = path.map((slug) => bySlug.get(slug)).filter((c): c is ConceptRow => c !== undefined);
      return { text: concepts.map((c) => c.name).join(" › "), concepts, outdated: null };
    });
  const [aPaths, bPaths] = paths as [string[][], string[][]];
  if (aPaths.length || bPaths.length) {
    rows.push({
      key: "categories",
      label: "Categories",
      a: pathValues(aPaths),
      b: pathValues(bPaths),
      agreement: agreementOf(new Set(aPaths.flat()), new Set(bPaths.flat())),
    });
  }

  // How each relates to other concepts: one row per way of relating, in vocabulary order.
  // Classifying relations upward are the categories row already; they still count as shared below.
  const allLinks = (side: Side) => linksOf(side).map((l) => ({ ...l, classifying: l.classifying && graph.classifying.has(l.type) }));
  const aAll = allLinks(sides[0]);
  const bAll = allLinks(sides[1]);
  const aLinks: Link[] = aAll.filter((l) => !l.classifying);
  const bLinks: Link[] = bAll.filter((l) => !l.classifying);
  const others = [...new Set([...aAll, ...bAll].map((l) => l.other))];
  const byId = new Map((await loaders.concepts(others)).map((c) => [c.id, c]));
  const labelOrder = types.flatMap((t) => [t.label, t.inverseLabel]);
  const labels = [...new Set([...aLinks, ...bLinks].map((l) => l.label))].sort(
    (x, y) => labelOrder.indexOf(x) - labelOrder.indexOf(y) || x.localeCompare(y),
  );
  const values = (links: Link[]) =>
    links
      .map((l) => ({ link: l, concept: byId.get(l.other) }))
      .filter((v): v is { link: Link; concept: ConceptRow } => v.concept !== undefined)
      .sort((x, y) => x.concept.name.localeCompare(y.concept.name))
      .map(({ link, concept }) => ({ text: concept.name, concepts: [concept], outdated: link.outdated }));
  for (const label of labels) {
    const aOf = aLinks.filter((l) => l.label === label);
    const bOf = bLinks.filter((l) => l.label === label);
    rows.push({
      key: `relation:${label}`,
      label: capitalise(label),
      a: values(aOf),
      b: values(bOf),
      // Outdated statements are shown, but no longer say where the two stand.
      agreement: agreementOf(new Set(aOf.filter((l) => !l.outdated).map((l) => String(l.other))), new Set(bOf.filter((l) => !l.outdated).map((l) => String(l.other)))),
    });
  }

  // The concepts both relate to (a category both sit in directly included), and how each does.
  const aShared: Link[] = aAll;
  const bShared: Link[] = bAll;
  const bOthers = new Set(bShared.map((l) => l.other));
  const shared = [...new Set(aShared.map((l) => l.other))]
    .filter((id) => bOthers.has(id) && id !== a.id && id !== b.id)
    .map((id) => byId.get(id))
    .filter((c): c is ConceptRow => c !== undefined)
    .sort((x, y) => x.name.localeCompare(y.name))
    .slice(0, MAX_SHARED_ROWS);
  for (const concept of shared) {
    const how = (links: Link[]) => links.filter((l) => l.other === concept.id);
    const aHow = how(aShared);
    const bHow = how(bShared);
    const phrase = (l: Link) => ({ text: `${l.label} ${concept.name}`, concepts: [concept], outdated: l.outdated });
    rows.push({
      key: `shared:${concept.slug}`,
      label: concept.name,
      a: aHow.map(phrase),
      b: bHow.map(phrase),
      agreement: agreementOf(new Set(aHow.map((l) => l.label)), new Set(bHow.map((l) => l.label))) === "SAME" ? "SAME" : "OVERLAP",
    });
  }
  // Claims on no aspect (those on one are the comparison's `aspects`), by polarity.
  const [aClaims, bClaims] = await Promise.all([loaders.claimsByConcept.load(a.id), loaders.claimsByConcept.load(b.id)]);
  for (const [polarity, label] of [
    ["pro", "Advantages"],
    ["con", "Drawbacks"],
    ["neutral", "Also noted"],
  ] as const) {
    const of = (claims: ClaimRow[]) =>
      claims.filter((c) => c.aspect === null && c.polarity === polarity).map((c) => ({ text: c.statement, concepts: [], outdated: c.outdated }));
    const aOf = of(aClaims);
    const bOf = of(bClaims);
    if (aOf.length || bOf.length) {
      // Statements about two different concepts never say the same thing: they agree only in being there.
      rows.push({ key: `claims:${polarity}`, label, a: aOf, b: bOf, agreement: aOf.length === 0 ? "ONLY_B" : bOf.length === 0 ? "ONLY_A" : "DIFFERENT" });
    }
  }
  // Where the graph's account of each comes from: the documents cited for it.
  const [aCited, bCited, sources] = await Promise.all([loaders.citationsOf.load({ concept: a.id }), loaders.citationsOf.load({ concept: b.id }), loaders.allSources()]);
  const citedIn = (citations: { sourceId: string }[]) =>
    [...new Set(citations.map((c) => c.sourceId))].sort().map((id) => {
      const source = sources.find((x) => x.id === id);
      return { text: source ? `${source.title} (${source.publisher})` : id, concepts: [], outdated: null };
    });
  const aSources = citedIn(aCited);
  const bSources = citedIn(bCited);
  if (aSources.length || bSources.length) {
    rows.push({ key: "sources", label: "Described in", a: aSources, b: bSources, agreement: agreementOf(new Set(aSources.map((v) => v.text)), new Set(bSources.map((v) => v.text))) });
  }
  return rows;
}
