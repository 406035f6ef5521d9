/**
 * Every way a client can get a request wrong: each gets a clear error, never a
 * 5xx, never a stack trace, SQL or file path, and the graph is intact after.
 */
import { describe, expect, it } from "vitest";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body,
  });
  const text = await response.text();
  let parsed: Answer["body"];
  try {
    parsed = JSON.parse(text) as Answer["body"];
  } catch {
    parsed = undefined;
  }
  return { status: response.status, text, body: parsed };
}

const query = (q: string, variables?: Record<string, unknown>) => post(JSON.stringify({ query: q, variables }));

function expectCleanError(answer: Answer, status?: number): void {
  expect(answer.status).toBeLessThan(500);
  if (status !== undefined) expect(answer.status).toBe(status);
  expect(answer.body?.errors?.length).toBeGreaterThan(0);
  // Nothing of the server's insides: no stack frames, SQL, file paths or driver names.
  expect(answer.text).not.toMatch(/\bat .+:\d+:\d+|node_modules|\/work\/|\.ts\b|select .* from|postgres|pglite|drizzle/i);
}

async function graphFingerprint(): Promise<string> {
  const { body } = await api.server.graphql<{ kinds: { count: number }[]; concepts: { totalCount: number } }>(
    `{ kinds { slug count } concepts(first: 1) { totalCount } compare(a: "container", b: "virtual-machine") { aspects { a { id } b { id } } } }`,
  );
  return JSON.stringify(body.data);
}

describe("bad requests", () => {
  it("malformed JSON is a 400", async () => {
    expectCleanError(await post("{not json"), 400);
    expectCleanError(await post(""), 400);
  });

  it("a syntax error is a 400 naming the problem", async () => {
    const answer = await query("{ concept(slug: \"docker\") { name ");
    expectCleanError(answer, 400);
    expect(answer.body?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("an unknown field or a wrong argument type is a 400 validation error", async () => {
    for (const q of ["{ concept(slug: \"docker\") { colour } }", "{ search(query: 5) { slug } }", "{ concepts(first: \"ten\") { totalCount } }", "{ nothing }"]) {
      const answer = await query(q);
      expectCleanError(answer, 400);
      expect(answer.body?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    }
  });

  it("a variable of the wrong type is refused", async () => {
    expectCleanError(await query("query ($n: Int) { search(query: \"x\", first: $n) { slug } }", { n: "many" }));
  });

  it("a huge string is refused: over the body limit with 413, over the argument limit with BAD_USER_INPUT", async () => {
    expectCleanError(await query("query ($q: String!) { search(query: $q) { slug } }", { q: "x".repeat(2 * 1024 * 1024) }), 413);
    const long = await query("query ($q: String!) { search(query: $q) { slug } }", { q: "docker ".repeat(1000) });
    expectCleanError(long);
    expect(long.body?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("deep nesting is refused before it runs", async () => {
    let selection = "slug";
    for (let i = 0; i < 12; i++) selection = `relations { source { ${selection} } }`;
    const answer = await query(`{ concept(slug: "docker") { ${selection} } }`);
    expectCleanError(answer);
    // Whichever limit trips first (depth or the cost that depth multiplies), nothing runs.
    expect(answer.body?.errors?.[0]?.message).toMatch(/depth|cost/i);
  });

  it("alias floods, directive floods and token floods are refused", async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: concept(slug: "docker") { name }`).join(" ");
    expect((await query(`{ ${aliases} }`)).body?.errors?.[0]?.message).toMatch(/alias/i);
    const directives = Array.from({ length: 40 }, () => "@include(if: true)").join(" ");
    expectCleanError(await query(`{ concept(slug: "docker") { name ${directives} } }`));
    const tokens = Array.from({ length: 3000 }, () => "name").join(" ");
    expectCleanError(await query(`{ concept(slug: "docker") { ${tokens} } }`));
  });

  it("an expensive query is refused by its cost", async () => {
    const fan = `relations { source { relations { target { claims { citations { passage } } } } } }`;
    const answer = await query(`{ concepts(first: 100) { edges { node { ${fan} } } } }`);
    expectCleanError(answer);
  });

  it("batched requests are not accepted", async () => {
    expectCleanError(await post(JSON.stringify([{ query: "{ kinds { slug } }" }, { query: "{ kinds { slug } }" }])));
  });

  it("unknown slugs are null without an error, even odd ones", async () => {
    for (const slug of ["no-such-concept", "a\u0000b", "é".repeat(300), "../../etc/passwd"]) {
      const answer = await query("query ($s: String!) { concept(slug: $s) { name } compare(a: $s, b: \"docker\") { a { slug } } path(from: $s, to: \"docker\") { type } neighborhood(slug: $s) { center { slug } } }", { s: slug });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { concept: null, compare: null, path: null, neighborhood: null } });
    }
  });

  it("SQL-looking and regex-looking input is just text, and leaves the graph intact", async () => {
    const before = await graphFingerprint();
    const hostile = ["'; drop table concepts; --", "docker' or '1'='1", "%", "_", "\\", ".*", "(a+)+$", "[[:alpha:]]", "$1", "\u0000", "🐳", "<script>alert(1)</script>"];
    for (const text of hostile) {
      const answer = await query(
        "query ($q: String!) { search(query: $q) { slug } concept(slug: $q) { name } concepts(kind: null, first: 1) { totalCount } }",
        { q: text },
      );
      expect(answer.status, text).toBeLessThan(500);
      if (answer.body?.errors) expect(answer.body.errors[0]?.extensions?.code, text).toBe("BAD_USER_INPUT");
    }
    expect(await graphFingerprint()).toBe(before);
  });

  it("an unknown path is a 404", async () => {
    const response = await fetch(`${api.server.url}/nope`);
    expect(response.status).toBe(404);
  });
});
