/**
 * The public API's contract over HTTP, checked against the seeds themselves
 * rather than against what the server says of itself.
 */
import { describe, expect, it } from "vitest";
import { loadSeeds } from "../../server/seed/load-seeds.ts";
import { SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();
const seeds = loadSeeds({ seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });

async function data<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await api.server.graphql<T>(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

async function errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
  const { status, body } = await api.server.graphql(query, variables);
  expect(status).toBeLessThan(500);
  return body.errors?.[0]?.extensions?.code;
}

/** Breadth-first distances over the seeded relations, ignoring direction. */
function distances(from: string): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  for (const r of seeds.relations) {
    neighbours.set(r.from, [...(neighbours.get(r.from) ?? []), r.to]);
    neighbours.set(r.to, [...(neighbours.get(r.to) ?? []), r.from]);
  }
  const seen = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const node = queue.shift() as string;
    for (const next of neighbours.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.set(next, (seen.get(node) as number) + 1);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe("a concept page", () => {
  type Page = {
    concept: {
      name: string;
      kindInfo: { label: string };
      relations: { type: string; label: string; source: { slug: string }; target: { slug: string }; citations: { locator: string }[] }[];
      claims: { id: string; polarity: string; aspect: { slug: string } | null; value: string | null; citations: { locator: string; passage: string | null; source: { id: string; title: string } }[] }[];
      citations: { locator: string; source: { id: string } }[];
    };
  };
  const PAGE = `query ($slug: String!) { concept(slug: $slug) {
    name kindInfo { label }
    relations { type label source { slug } target { slug } citations { locator } }
    claims { id polarity aspect { slug } value citations { locator passage source { id title } } }
    citations { locator source { id } } } }`;

  it("shows every relation the seeds give it, in both directions, with labels and citations", async () => {
    const { concept } = await data<Page>(PAGE, { slug: "docker" });
    const expected = seeds.relations.filter((r) => r.from === "docker" || r.to === "docker").map((r) => `${r.from} ${r.type} ${r.to}`);
    expect(concept.relations.map((r) => `${r.source.slug} ${r.type} ${r.target.slug}`).sort()).toEqual(expected.sort());
    expect(concept.relations.find((r) => r.type === "instance-of")?.label).toBe("is an instance of");
    for (const relation of concept.relations) expect(relation.citations.length).toBeGreaterThan(0);
    expect(concept.kindInfo.label).toBe("Container runtime");
  });

  it("lists its claims with stable ids, polarity, aspect and cited sources", async () => {
    const { concept } = await data<Page>(PAGE, { slug: "container" });
    const expected = seeds.claims.filter((c) => c.concept === "container");
    expect(concept.claims.map((c) => c.id)).toEqual(expected.map((c) => c.key));
    const startup = concept.claims.find((c) => c.id === "container/startup-time");
    expect(startup).toMatchObject({ polarity: "PRO", aspect: { slug: "startup-time" }, value: expect.stringMatching(/seconds/) });
    expect(startup?.citations[0]?.source.title).toBeTruthy();
  });

  it.runIf(SOURCES_DIR)("shows the passage each citation points to (skipped without ../shared/sources)", async () => {
    const { concept } = await data<Page>(PAGE, { slug: "rkt" });
    const citation = concept.claims[0]?.citations[0];
    expect(citation?.locator).toBe("Popular container providers ¶3");
    expect(citation?.passage).toMatch(/Rocket/);
  });

  it("filters relations by type and direction, and claims by polarity", async () => {
    type R = { concept: { out: { target: { slug: string } }[]; in: { source: { slug: string } }[]; pros: { polarity: string }[] } };
    const { concept } = await data<R>(`{ concept(slug: "type-1-hypervisor") {
      out: relations(direction: OUTGOING, type: "is-a") { target { slug } }
      in: relations(direction: INCOMING, type: "instance-of") { source { slug } }
      pros: claims(polarity: PRO) { polarity } } }`);
    expect(concept.out.map((r) => r.target.slug)).toEqual(["hypervisor"]);
    expect(concept.in.map((r) => r.source.slug).sort()).toEqual(["hyper-v", "vmware-esxi", "xen"]);
    expect(concept.pros.every((c) => c.polarity === "PRO")).toBe(true);
    expect(concept.pros.length).toBeGreaterThan(0);
  });

  it("is null for an unknown slug, with no error", async () => {
    expect(await data(`{ concept(slug: "nothing-here") { name } }`)).toEqual({ concept: null });
  });
});

describe("listing", () => {
  type Page = { concepts: { totalCount: number; edges: { cursor: string; node: { slug: string; name: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } } };
  const LIST = `query ($kind: String, $first: Int, $after: String) { concepts(kind: $kind, first: $first, after: $after) {
    totalCount edges { cursor node { slug name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

  it("walks every concept exactly once, page by page, in name order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { concepts }: Page = await data<Page>(LIST, { first: 7, after });
      expect(concepts.totalCount).toBe(seeds.concepts.length);
      expect(concepts.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...concepts.edges.map((e) => e.node.name));
      pages++;
      if (!concepts.pageInfo.hasNextPage) break;
      after = concepts.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(seeds.concepts.length / 7));
    expect(seen).toEqual(seeds.concepts.map((c) => c.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filters by kind, and kinds count their concepts", async () => {
    const { concepts } = await data<Page>(LIST, { kind: "hypervisor", first: 50 });
    const expected = seeds.concepts.filter((c) => c.kind === "hypervisor").map((c) => c.slug).sort();
    expect(concepts.edges.map((e) => e.node.slug).sort()).toEqual(expected);
    const { kinds } = await data<{ kinds: { slug: string; count: number }[] }>(`{ kinds { slug count } }`);
    expect(kinds.find((k) => k.slug === "hypervisor")?.count).toBe(expected.length);
    expect(kinds.reduce((sum, k) => sum + k.count, 0)).toBe(seeds.concepts.length);
  });

  it("rejects a bad cursor, an unknown kind and an out-of-range page size", async () => {
    expect(await errorCode(LIST, { after: "not-a-cursor" })).toBe("BAD_USER_INPUT");
    expect(await errorCode(LIST, { after: Buffer.from('["a\\u0000",1]').toString("base64url") })).toBe("BAD_USER_INPUT");
    expect(await errorCode(LIST, { kind: "spaceship" })).toBe("BAD_USER_INPUT");
    expect(await errorCode(LIST, { first: 0 })).toBe("BAD_USER_INPUT");
    expect(await errorCode(LIST, { first: 101 })).toBe("BAD_USER_INPUT");
  });

  it("lists the sources and vocabularies", async () => {
    const result = await data<{ sources: { id: string; title: string }[]; relationTypes: { slug: string }[]; aspects: { slug: string }[] }>(
      `{ sources { id title } relationTypes { slug } aspects { slug } }`,
    );
    expect(result.sources.map((s) => s.id)).toEqual(seeds.sources.map((s) => s.id));
    expect(result.relationTypes.map((r) => r.slug)).toEqual(seeds.vocabulary.relation_types.map((r) => r.slug));
    expect(result.aspects.map((a) => a.slug)).toEqual(seeds.vocabulary.aspects.map((a) => a.slug));
  });
});

describe("compare", () => {
  type C = { compare: { a: { slug: string }; b: { slug: string }; aspects: { aspect: { slug: string }; a: { id: string }[]; b: { id: string }[] }[]; shared: { slug: string }[] } | null };
  const COMPARE = `query ($a: String!, $b: String!) { compare(a: $a, b: $b) { a { slug } b { slug } aspects { aspect { slug } a { id } b { id } } shared { slug } } }`;

  it("lines up containers and VMs aspect by aspect", async () => {
    const { compare } = await data<C>(COMPARE, { a: "container", b: "virtual-machine" });
    const aspectOrder = seeds.vocabulary.aspects.map((a) => a.slug);
    const withClaims = aspectOrder.filter((slug) => seeds.claims.some((c) => (c.concept === "container" || c.concept === "virtual-machine") && c.aspect === slug));
    expect(compare?.aspects.map((a) => a.aspect.slug)).toEqual(withClaims);
    for (const row of compare?.aspects ?? []) {
      expect(row.a.map((c) => c.id)).toEqual(seeds.claims.filter((c) => c.concept === "container" && c.aspect === row.aspect.slug).map((c) => c.key));
      expect(row.b.map((c) => c.id)).toEqual(seeds.claims.filter((c) => c.concept === "virtual-machine" && c.aspect === row.aspect.slug).map((c) => c.key));
    }
  });

  it("finds what two concepts both relate to, for any pair", async () => {
    const { compare } = await data<C>(COMPARE, { a: "docker", b: "podman" });
    const around = (slug: string) => new Set(seeds.relations.flatMap((r) => (r.from === slug ? [r.to] : r.to === slug ? [r.from] : [])));
    const expected = [...around("docker")].filter((s) => around("podman").has(s) && s !== "docker" && s !== "podman");
    expect(compare?.shared.map((c) => c.slug).sort()).toEqual(expected.sort());
    expect(expected).toContain("container-engine");
  });

  it("is null for an unknown concept and refuses comparing a concept with itself", async () => {
    expect(await data(COMPARE, { a: "docker", b: "no-such" })).toEqual({ compare: null });
    expect(await errorCode(COMPARE, { a: "docker", b: "docker" })).toBe("BAD_USER_INPUT");
  });
});

describe("graph walks", () => {
  type P = { path: { source: { slug: string }; target: { slug: string } }[] | null };
  const PATH = `query ($from: String!, $to: String!, $max: Int) { path(from: $from, to: $to, maxDepth: $max) { source { slug } target { slug } } }`;

  it("finds a shortest chain of relations, checked against a breadth-first search of the seeds", async () => {
    for (const [from, to] of [["xen", "cgroups"], ["docker", "virtualbox"], ["raspberry-pi", "oci"], ["kaniko", "kernel"], ["beaglebone", "aws"]] as const) {
      const shortest = distances(from).get(to);
      const { path } = await data<P>(PATH, { from, to, max: 6 });
      if (shortest === undefined || shortest > 6) {
        expect(path).toBeNull();
        continue;
      }
      expect(path?.length, `${from} → ${to}`).toBe(shortest);
      // The relations chain from `from` to `to`, each step sharing a concept with the next.
      let at: string = from;
      for (const step of path ?? []) {
        expect([step.source.slug, step.target.slug]).toContain(at);
        at = step.source.slug === at ? step.target.slug : step.source.slug;
      }
      expect(at).toBe(to);
    }
  });

  it("respects maxDepth, and answers [] for a concept to itself", async () => {
    const far = distances("beaglebone").get("oci") as number;
    expect(far).toBeGreaterThan(2);
    expect(await data(PATH, { from: "beaglebone", to: "oci", max: far - 1 })).toEqual({ path: null });
    expect(await data(PATH, { from: "docker", to: "docker" })).toEqual({ path: [] });
    expect(await data(PATH, { from: "docker", to: "nope" })).toEqual({ path: null });
    expect(await errorCode(PATH, { from: "docker", to: "lxc", max: 7 })).toBe("BAD_USER_INPUT");
  });

  it("draws a neighbourhood: the centre, what lies within depth, and the relations among them", async () => {
    type N = { neighborhood: { center: { slug: string }; nodes: { slug: string }[]; edges: { source: { slug: string }; target: { slug: string } }[] } };
    const query = `query ($slug: String!, $depth: Int) { neighborhood(slug: $slug, depth: $depth) { center { slug } nodes { slug } edges { source { slug } target { slug } } } }`;
    for (const depth of [1, 2]) {
      const { neighborhood } = await data<N>(query, { slug: "qemu", depth });
      const within = [...distances("qemu")].filter(([, d]) => d <= depth).map(([slug]) => slug);
      expect(neighborhood.center.slug).toBe("qemu");
      expect(neighborhood.nodes.map((n) => n.slug).sort()).toEqual(within.sort());
      const nodeSet = new Set(within);
      const expectedEdges = seeds.relations.filter((r) => nodeSet.has(r.from) && nodeSet.has(r.to)).length;
      expect(neighborhood.edges).toHaveLength(expectedEdges);
    }
    expect(await errorCode(query, { slug: "qemu", depth: 4 })).toBe("BAD_USER_INPUT");
    expect(await data(query, { slug: "nope" })).toEqual({ neighborhood: null });
  });
});
