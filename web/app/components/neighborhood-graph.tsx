/**
 * A concept's neighbourhood as a picture: a force layout (d3-force) that can
 * be panned and zoomed (d3-zoom), each node a link to its concept, with the
 * same connections as a text list beside it for screen readers. Loaded on
 * demand, so d3 stays in its own chunk. Nodes are plain SVG links: the
 * router (1.x) turns clicks on them into in-app navigation.
 *
 * The layout is computed to rest before it is drawn: no animation to respect
 * or disable for prefers-reduced-motion, and the picture never jiggles.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { select } from "d3-selection";
import { zoom, zoomIdentity, type ZoomBehavior } from "d3-zoom";
import { createEffect, createMemo, createResource, createSignal, For, onCleanup, Show } from "solid-js";
import { gql } from "../api/graphql.ts";
import { NeighborhoodDocument, type NeighborhoodQuery } from "../api/generated/graphql.ts";
import { AsyncView, loaded } from "./async-view.tsx";

type Subgraph = NonNullable<NeighborhoodQuery["neighborhood"]>;
type Node = SimulationNodeDatum & { slug: string; name: string; kind: string; center: boolean };
type Link = SimulationLinkDatum<Node> & { id: string; label: string };


const MIN_WIDTH = 480;
const MIN_HEIGHT = 300;
/** Roughly how wide a node's label is drawn (13px text). */
const labelWidth = (node: { name: string }) => Math.max(24, node.name.length * 7.2);
/** A label's size on screen, in pixels, at any zoom. */
const LABEL_PX = 13;

function layout(graph: Subgraph): { nodes: Node[]; links: Link[] } {
  const nodes: Node[] = graph.nodes.map((n) => ({ ...n, center: n.slug === graph.center.slug }));
  const links: Link[] = graph.edges.map((e) => ({ id: e.id, label: e.label, source: e.source.slug, target: e.target.slug }));
  const centerNode = nodes.find((n) => n.center);
  if (centerNode) {
    centerNode.fx = 0;
    centerNode.fy = 0;
  }
  const simulation = forceSimulation(nodes)
    .force("link", forceLink<Node, Link>(links).id((n) => n.slug).distance(110))
    .force("charge", forceManyBody().strength(-420))
    // Labels are wider than circles: long names keep their neighbours further off.
    .force("collide", forceCollide<Node>((n) => 14 + labelWidth(n) / 2.4).strength(0.9))
    .force("x", forceX(0).strength(0.04))
    .force("y", forceY(0).strength(0.07))
    .stop();
  // Enough ticks to settle; at most a few ms for the neighbourhoods a concept has.
  for (let i = 0; i < 300; i++) simulation.tick();
  return { nodes, links };
}

const end = (ref: string | number | Node | undefined) => (typeof ref === "object" ? ref : undefined);

export default function NeighborhoodGraph(props: { slug: string; name: string }) {
  const [depth, setDepth] = createSignal(1);
  const [graph, { refetch }] = createResource(
    () => ({ slug: props.slug, depth: depth() }),
    (vars) => gql(NeighborhoodDocument, vars).then((d) => d.neighborhood),
  );
  const placed = createMemo(() => {
    const g = loaded(graph);
    return g ? layout(g) : { nodes: [], links: [] };
  });
  const [transform, setTransform] = createSignal(zoomIdentity.toString());
  // Labels keep 13 px on screen whatever the zoom or how far the picture is shrunk to fit its box.
  const [scale, setScale] = createSignal(1);
  const [pixelsPerUnit, setPixelsPerUnit] = createSignal(1);
  const labelSize = () => LABEL_PX / Math.max(0.05, pixelsPerUnit() * scale());
  /** How many screen pixels one unit of the drawing takes, as the picture is fitted to its box. */
  const measure = () => {
    const box = svg?.viewBox.baseVal;
    if (svg && box && box.width > 0 && svg.clientWidth > 0) setPixelsPerUnit(Math.min(svg.clientWidth / box.width, svg.clientHeight / box.height || Infinity));
  };
  let behaviour: ZoomBehavior<SVGSVGElement, unknown> | undefined;
  let svg: SVGSVGElement | undefined;

  const attachZoom = (element: SVGSVGElement) => {
    svg = element;
    // A new picture (another concept or reach) starts unzoomed.
    setTransform(zoomIdentity.toString());
    setScale(1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    onCleanup(() => observer.disconnect());
    queueMicrotask(measure);
    behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.3, 4])
      // The wheel zooms only with Ctrl or ⌘ (and trackpad pinch), so scrolling the page past the picture still scrolls.
      .filter((event: Event) => (event.type === "wheel" ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey : !(event as MouseEvent).button))
      .on("zoom", (event: { transform: { k: number; toString(): string } }) => {
        setTransform(event.transform.toString());
        setScale(event.transform.k);
      });
    select(element).call(behaviour);
    onCleanup(() => select(element).on(".zoom", null));
  };
  const zoomBy = (factor: number) => svg && behaviour?.scaleBy(select(svg), factor);
  const reset = () => svg && behaviour?.transform(select(svg), zoomIdentity);
  const panBy = (dx: number, dy: number) => svg && behaviour?.translateBy(select(svg), dx, dy);

  // With the picture focused: arrows pan, + and − zoom, 0 resets — the keyboard's drag and pinch.
  const onKey = (event: KeyboardEvent) => {
    const step = 40;
    const actions: Record<string, () => unknown> = {
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
      "+": () => zoomBy(1.3),
      "=": () => zoomBy(1.3),
      "-": () => zoomBy(1 / 1.3),
      "0": reset,
    };
    const action = actions[event.key];
    if (action && event.target === svg) {
      event.preventDefault();
      action();
    }
  };

  // The view fits the drawing (labels included), never zooming a small neighbourhood beyond life size.
  const bounds = createMemo(() => {
    const nodes = placed().nodes;
    const xs = nodes.flatMap((n) => [(n.x ?? 0) - labelWidth(n) / 2, (n.x ?? 0) + labelWidth(n) / 2]);
    const ys = nodes.flatMap((n) => [(n.y ?? 0) - 16, (n.y ?? 0) + 30]);
    const pad = 16;
    let [minX, maxX, minY, maxY] = [Math.min(0, ...xs) - pad, Math.max(0, ...xs) + pad, Math.min(0, ...ys) - pad, Math.max(0, ...ys) + pad];
    const grow = (low: number, high: number, least: number) => (high - low >= least ? [low, high] : [(low + high - least) / 2, (low + high + least) / 2]);
    [minX, maxX] = grow(minX, maxX, MIN_WIDTH) as [number, number];
    [minY, maxY] = grow(minY, maxY, MIN_HEIGHT) as [number, number];
    return `${minX} ${minY} ${maxX - minX} ${maxY - minY}`;
  });

  // A new fit (another reach) changes how large a unit is on screen.
  createEffect(() => {
    bounds();
    queueMicrotask(measure);
  });

  return (
    <section class="neighborhood" aria-labelledby="neighborhood-title">
      <h2 id="neighborhood-title">Neighbourhood</h2>
      <div class="graph-tools" role="group" aria-label="Picture controls">
        <label>
          Reach{" "}
          <select value={depth()} onChange={(event) => setDepth(Number(event.currentTarget.value))}>
            <option value="1">Direct neighbours</option>
            <option value="2">Two steps away</option>
          </select>
        </label>
        <button type="button" onClick={() => zoomBy(1.3)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.3)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={reset}>
          Reset view
        </button>
        <span class="hint">Drag or arrow keys to pan · Ctrl + wheel, pinch or +/− to zoom · click a concept to go there</span>
      </div>
      <AsyncView resource={graph} retry={refetch} label="the neighbourhood">
        {(g) => (
          <Show when={g} fallback={<p>No neighbourhood to show.</p>}>
            {(found) => (
              <div class="graph-layout">
                <svg
                  class="graph"
                  viewBox={bounds()}
                  ref={attachZoom}
                  tabindex="0"
                  onKeyDown={onKey}
                  role="group"
                  aria-label={`Picture of ${props.name} and the concepts around it`}
                  aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown + - 0"
                >
                  <g transform={transform()}>
                    <For each={placed().links}>
                      {(link) => (
                        <line x1={end(link.source)?.x ?? 0} y1={end(link.source)?.y ?? 0} x2={end(link.target)?.x ?? 0} y2={end(link.target)?.y ?? 0} class="edge">
                          <title>
                            {end(link.source)?.name} {link.label} {end(link.target)?.name}
                          </title>
                        </line>
                      )}
                    </For>
                    <For each={placed().nodes}>
                      {(node) => (
                        // The <g> makes this template SVG: a bare <a> here would be created as an HTML link.
                        <g class={node.center ? "node center" : "node"}>
                          <a href={`/concepts/${node.slug}`} aria-label={`${node.name}${node.center ? " (this concept)" : ""}`}>
                            <circle cx={node.x ?? 0} cy={node.y ?? 0} r={node.center ? 12 : 8} />
                            <text x={node.x ?? 0} y={(node.y ?? 0) + (node.center ? 16 : 12) + labelSize()} text-anchor="middle" style={{ "font-size": `${labelSize()}px`, "stroke-width": `${labelSize() / 3.2}px` }}>
                              {node.name}
                            </text>
                          </a>
                        </g>
                      )}
                    </For>
                  </g>
                </svg>
                <div class="graph-list">
                  <h3>Connections shown</h3>
                  <ul>
                    <For each={found().edges}>
                      {(edge) => (
                        <li>
                          <a href={`/concepts/${edge.source.slug}`}>{edge.source.name}</a> {edge.label} <a href={`/concepts/${edge.target.slug}`}>{edge.target.name}</a>
                        </li>
                      )}
                    </For>
                  </ul>
                </div>
              </div>
            )}
          </Show>
        )}
      </AsyncView>
    </section>
  );
}
