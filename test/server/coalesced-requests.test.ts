/**
 * Identical token-less reads arriving together execute once (server/http/create-server.ts): the
 * others wait for that answer, so a cold cache under load does not run one query hundreds of times
 * at once. Answers that may not be shared (errors, a learner's) are still made for each request.
 * On PostgreSQL the 16 requests are all in flight together (without the sharing they send 16 times
 * the SQL); PGlite, in this process, may finish the first before the others arrive, and the
 * response cache answers those.
 */
import { Agent, request } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { useSeededServer } from "../support/seeded-server.ts";

const context = useSeededServer();

/** The same query, written with `spaces` extra spaces: another cache key, the same answer. */
function body(query: string, spaces: number): string {
  return JSON.stringify({ query: query.replace("{", `{${" ".repeat(spaces)}`) });
}

// Connections kept open, so requests sent together reach the server together (not one by one as
// each new connection is made).
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
afterAll(() => agent.destroy());

function send(method: string, path: string, text: string | undefined, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${context.server.url}${path}`, { method, agent, headers: text === undefined ? headers : { "content-type": "application/json", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    outgoing.on("error", reject);
    outgoing.end(text);
  });
}

const post = (text: string, headers: Record<string, string> = {}) => send("POST", "/graphql", text, headers);

/** Opens the agent's 16 connections. */
const openConnections = () => Promise.all(Array.from({ length: 16 }, () => send("GET", "/health", undefined)));

describe("identical requests at once", () => {
  it("execute once: 16 at once send the SQL of one and all get its answer", async () => {
    const query = `{ compare(a: "container", b: "virtual-machine") { aspects { aspect { label } a { value } b { value } } } }`;
    // Once first, so one-off loads (vocabularies) are done before counting.
    await post(body(query, 0));
    context.queries.length = 0;
    const alone = await post(body(query, 1));
    const statementsAlone = context.queries.length;
    expect(alone.status).toBe(200);
    expect(statementsAlone).toBeGreaterThan(0);

    await openConnections();
    context.queries.length = 0;
    const together = await Promise.all(Array.from({ length: 16 }, () => post(body(query, 2))));
    expect(together.map((answer) => answer.status)).toEqual(Array(16).fill(200));
    for (const answer of together) expect(answer.text).toBe(alone.text);
    expect(context.queries.length).toBe(statementsAlone);
  });

  it("each still gets its own answer when it may not be shared", async () => {
    const failing = body(`{ concept(slug: "docker") { noSuchField } }`, 3);
    await openConnections();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(failing)));
    for (const answer of answers) expect(answer.text).toMatch(/"errors".*noSuchField/);
    // With a token nothing is shared or kept: each request runs (its own learner lookup included).
    const started = await post(JSON.stringify({ query: "mutation { startLearner { token } }" }), { origin: context.server.url });
    const token = (JSON.parse(started.text) as { data: { startLearner: { token: string } } }).data.startLearner.token;
    const personal = body(`{ studyStreak { current } }`, 4);
    context.queries.length = 0;
    const first = await post(personal, { authorization: `Bearer ${token}` });
    const statementsAlone = context.queries.length;
    expect(first.status).toBe(200);
    await openConnections();
    context.queries.length = 0;
    const many = await Promise.all(Array.from({ length: 4 }, () => post(personal, { authorization: `Bearer ${token}` })));
    for (const answer of many) expect(answer.text).toBe(first.text);
    expect(context.queries.length).toBe(4 * statementsAlone);
  });
});
