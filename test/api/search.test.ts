/** Looking concepts up over HTTP the way a developer or the web app does. */
import { describe, expect, it } from "vitest";
import { searchRanked } from "../../server/graphql/concept/search-concepts.ts";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

type Found = { search: { slug: string; name: string }[] };
const search = async (query: string, first?: number) => {
  const response = await api.server.graphql<Found>(`query ($q: String!, $n: Int) { search(query: $q, first: $n) { slug name } }`, { q: query, n: first });
  return response;
};
const slugs = async (query: string, first?: number) => (await search(query, first)).body.data?.search.map((c) => c.slug);

describe("concept lookup", () => {
  it("returns a concept by slug", async () => {
    const { body } = await api.server.graphql<{ concept: Record<string, unknown> }>(`{ concept(slug: "cgroups") { id slug name kind summary aliases } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.concept).toMatchObject({ slug: "cgroups", name: "Control groups", kind: "kernel-feature" });
    expect(body.data?.concept.aliases).toContain("cgroups");
  });

  it("returns null, and no error, for an unknown slug", async () => {
    const { body } = await api.server.graphql(`{ concept(slug: "no-such-thing") { slug } }`);
    expect(body).toEqual({ data: { concept: null } });
  });
});

describe("search", () => {
  it("finds a concept by its name, first", async () => {
    expect((await slugs("Hypervisor"))?.[0]).toBe("hypervisor");
  });

  it("finds a concept by an alias", async () => {
    expect((await slugs("k8s"))?.[0]).toBe("kubernetes");
    expect((await slugs("bare-metal hypervisor"))?.[0]).toBe("type-1-hypervisor");
  });

  it("tolerates typos", async () => {
    expect((await slugs("virtualbx"))?.[0]).toBe("virtualbox");
    // By name: slugs may change with the seeds, what a learner looks for does not.
    const firstName = async (query: string) => (await search(query)).body.data?.search[0]?.name;
    expect(await firstName("namespase")).toBe("Linux namespaces");
    expect(await firstName("dockr")).toBe("Docker");
    expect((await slugs("dokcer"))?.[0]).toBe("docker");
    expect((await slugs("kubernets"))?.[0]).toBe("kubernetes");
  });

  it("reaches into summaries and descriptions", async () => {
    const found = await slugs("daemon root access", 10);
    expect(found).toEqual(expect.arrayContaining(["daemonless-architecture"]));
  });

  it("respects `first`", async () => {
    expect(await slugs("container", 3)).toHaveLength(3);
  });

  it("rejects an empty query or an out-of-range `first` with BAD_USER_INPUT", async () => {
    for (const [query, first] of [["   ", 5], ["docker", 0], ["docker", 500]] as const) {
      const { body } = await search(query, first);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("treats SQL- and regex-looking input as plain text", async () => {
    for (const query of ["'; drop table concepts; --", ".*(", "%_\\", "docker' or '1'='1"]) {
      const { status, body } = await search(query);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    expect((await slugs("cgroups"))?.[0]).toBe("cgroups");
  });
});

type Span = { text: string; highlight: boolean };
type Hit = { concept: { slug: string; name: string; kind: string }; matchedBy: string; matchedName: string | null; title: Span[]; snippetField: string; snippet: Span[] };
const HITS = `query ($q: String!, $n: Int, $kind: String) { searchHits(query: $q, first: $n, kind: $kind) {
  concept { slug name kind } matchedBy matchedName title { text highlight } snippetField snippet { text highlight } } }`;
const hits = async (query: string, variables: { first?: number; kind?: string } = {}) => {
  const { body } = await api.server.graphql<{ searchHits: Hit[] }>(HITS, { q: query, n: variables.first, kind: variables.kind });
  expect(body.errors).toBeUndefined();
  return body.data?.searchHits ?? [];
};
const marked = (spans: Span[]) => spans.filter((s) => s.highlight).map((s) => s.text);

describe("search hits", () => {
  it("rank the same as search and say how each matched", async () => {
    for (const query of ["docker", "k8s", "virtualbx", "daemon root access", "contai"]) {
      expect((await hits(query, { first: 8 })).map((h) => h.concept.slug)).toEqual(await slugs(query, 8));
    }
    expect((await hits("Docker"))[0]).toMatchObject({ matchedBy: "NAME", matchedName: "Docker", title: [{ text: "Docker", highlight: true }] });
    expect((await hits("k8s"))[0]).toMatchObject({ matchedBy: "ALIAS", matchedName: "k8s" });
    const prefix = (await hits("kubern"))[0];
    expect(prefix?.matchedBy).toBe("PREFIX");
    expect(prefix?.title[0]).toEqual({ text: "Kubern", highlight: true });
  });

  it("rank the right concept first for a typo, whole names closest first", async () => {
    for (const [typo, name] of [["namespase", "Linux namespaces"], ["dockr", "Docker"], ["virtualbx", "VirtualBox"], ["kubernets", "Kubernetes"]] as const) {
      const [best] = await hits(typo);
      expect(best?.concept.name, typo).toBe(name);
      expect(best?.matchedBy, typo).toBe("SPELLING");
      // The name it was taken for is marked whole.
      expect(marked(best?.title ?? []).join(" "), typo).toBe(best?.matchedName);
    }
  });

  it("show a snippet with the matched words marked, from the description when the summary lacks them", async () => {
    const found = await hits("daemon root access", { first: 10 });
    const textHits = found.filter((h) => h.matchedBy === "TEXT");
    expect(textHits.length).toBeGreaterThan(0);
    for (const hit of textHits) {
      const words = marked(hit.snippet).join(" ").toLowerCase();
      expect(words, hit.concept.slug).toMatch(/daemon|root|access/);
      expect(hit.snippet.map((s) => s.text).join("").length).toBeLessThanOrEqual(200);
    }
    // A name match marks the name where the summary repeats it.
    const docker = (await hits("dockr"))[0];
    expect(docker?.snippet.map((s) => s.text).join("")).toBeTruthy();
  });

  it("keep markup-looking text as plain text in spans", async () => {
    const found = await hits("<b>docker</b>");
    for (const hit of found) for (const span of [...hit.title, ...hit.snippet]) expect(typeof span.text).toBe("string");
  });

  it("filter by kind, and refuse an unknown kind", async () => {
    const all = await hits("container", { first: 20 });
    const kind = all[0]?.concept.kind as string;
    const ofKind = await hits("container", { first: 20, kind });
    expect(ofKind.length).toBeGreaterThan(0);
    expect(ofKind.every((h) => h.concept.kind === kind)).toBe(true);
    const { body } = await api.server.graphql(HITS, { q: "docker", kind: "no-such-kind" });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("search on a large graph", () => {
  // Above 100k concepts typos go through the name words' dictionary (the words nearest each word of the
  // query) rather than the k-nearest names: the same typos must still find the same concept first.
  it("finds a concept despite a typo through the name words' dictionary", async () => {
    for (const [typo, slug] of [["virtualbx", "virtualbox"], ["dokcer", "docker"], ["kubernets", "kubernetes"], ["namespase", "linux-namespaces"], ["dockr", "docker"]] as const) {
      const [best] = await searchRanked(api.database.db, typo, 5, null, { dictionary: true });
      expect(best?.concept.slug, typo).toBe(slug);
      expect(best?.matchedBy, typo).toBe("SPELLING");
    }
  });
});
