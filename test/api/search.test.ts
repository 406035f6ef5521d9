/** Looking concepts up over HTTP the way a developer or the web app does. */
import { describe, expect, it } from "vitest";
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
