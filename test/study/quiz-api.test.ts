/** Taking a quiz over HTTP as the web app and the embeds do. */
import { describe, expect, it } from "vitest";
import { useSeededServer } from "../support/seeded-server.ts";

const api = useSeededServer();

type Quiz = { id: string; seed: number; count: number; questions: { id: string; prompt: string; kind: string; difficulty: number; choices: { id: string; text: string }[]; concept: { slug: string } }[] };
const QUIZ = `query ($kind: QuizKind!, $count: Int, $seed: Int, $topic: String) { quiz(kind: $kind, count: $count, seed: $seed, topic: $topic) {
  id seed count questions { id kind prompt difficulty choices { id text } concept { slug } } } }`;
const ANSWER = `mutation ($quiz: ID!, $question: ID!, $choice: ID!) { answer(quizId: $quiz, questionId: $question, choiceId: $choice) {
  correct correctChoiceId explanation recorded citations { locator source { title } } } }`;
type Answer = { answer: { correct: boolean; correctChoiceId: string; explanation: string; recorded: boolean; citations: { locator: string }[] } };

async function quiz(variables: Record<string, unknown>): Promise<Quiz> {
  const { body } = await api.server.graphql<{ quiz: Quiz }>(QUIZ, variables);
  expect(body.errors).toBeUndefined();
  return body.data?.quiz as Quiz;
}

describe("quiz API", () => {
  it("never sends the answer with the questions", async () => {
    const response = await fetch(`${api.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUIZ, variables: { kind: "MIXED", count: 20, seed: 3 } }),
    });
    const text = await response.text();
    expect(text).not.toMatch(/correct|"ref"|"ask"|explanation/i);
  });

  it("grades every question on the server: one right choice, with an explanation and citations", async () => {
    const q = await quiz({ kind: "MIXED", count: 5, seed: 11 });
    expect(q.questions).toHaveLength(5);
    for (const question of q.questions) {
      const results = [];
      for (const choice of question.choices) {
        const { body } = await api.server.graphql<Answer>(ANSWER, { quiz: q.id, question: question.id, choice: choice.id });
        expect(body.errors).toBeUndefined();
        results.push(body.data?.answer as Answer["answer"]);
      }
      expect(results.filter((r) => r.correct)).toHaveLength(1);
      expect(new Set(results.map((r) => r.correctChoiceId)).size).toBe(1);
      expect(results[0]?.explanation.length).toBeGreaterThan(10);
      expect(results[0]?.recorded).toBe(false);
    }
  });

  it("reproduces a quiz from its seed, and picks a seed when none is given", async () => {
    const a = await quiz({ kind: "DEFINITION", count: 8, seed: 42 });
    const b = await quiz({ kind: "DEFINITION", count: 8, seed: 42 });
    expect(b).toEqual(a);
    // Without a seed, each quiz gets one of its own (a mixed one, so that two seeds almost never give the
    // same questions: the definitions alone are a handful, and two random quizzes of them can coincide).
    const random1 = await quiz({ kind: "MIXED", count: 8 });
    const random2 = await quiz({ kind: "MIXED", count: 8 });
    expect(Number.isInteger(random1.seed)).toBe(true);
    expect(random2.seed).not.toBe(random1.seed);
    expect(random1.questions.map((q) => q.id)).not.toEqual(random2.questions.map((q) => q.id));
    expect(await quiz({ kind: "MIXED", count: 8, seed: random1.seed })).toEqual(random1);
  });

  it("refuses a tampered or unknown quiz id, question or choice with a clear error", async () => {
    const q = await quiz({ kind: "PROS_CONS", count: 3, seed: 9 });
    const question = q.questions[0] as Quiz["questions"][number];
    const [payload, signature] = q.id.split(".");
    // Change one character of the signature, always to a different one.
    const altered = `${signature?.startsWith("A") ? "B" : "A"}${signature?.slice(1)}`;
    const forged = `${Buffer.from(JSON.stringify([1, "PROS_CONS", 3, 10, null])).toString("base64url")}.${signature}`;
    for (const [quizId, questionId, choiceId, pattern] of [
      [forged, question.id, question.choices[0]?.id, /quiz id is not one this server gave out/],
      [`${payload}.${altered}`, question.id, question.choices[0]?.id, /quiz id/],
      ["garbage", question.id, question.choices[0]?.id, /quiz id/],
      [q.id, "q_nope", question.choices[0]?.id, /not part of this quiz/],
      [q.id, question.id, "c_nope", /not one of the question's choices/],
    ] as const) {
      const { status, body } = await api.server.graphql(ANSWER, { quiz: quizId, question: questionId, choice: choiceId });
      expect(status).toBeLessThan(500);
      expect(body.errors?.[0]?.extensions?.code, `${quizId} ${JSON.stringify(body)}`).toBe("BAD_USER_INPUT");
      expect(body.errors?.[0]?.message).toMatch(pattern);
    }
  });

  it("bounds count, and rejects an unknown topic", async () => {
    for (const variables of [{ kind: "MIXED", count: 0 }, { kind: "MIXED", count: 51 }, { kind: "MIXED", topic: "nowhere" }]) {
      const { body } = await api.server.graphql(QUIZ, variables);
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const bogus = await api.server.graphql(QUIZ, { kind: "BOGUS" });
    expect(bogus.status).toBe(400);
    expect(bogus.body.errors?.[0]?.message).toMatch(/"BOGUS" does not exist in "QuizKind"/);
  });

  it("keeps quizzes on a topic, and records difficulty", async () => {
    // Containers are a broad topic: several questions. (Hypervisors are a small one once nothing is asked
    // twice nor after a passage showed it: the passage listing ESXi, Hyper-V and Xen files all three.)
    const q = await quiz({ kind: "MIXED", count: 10, seed: 4, topic: "container" });
    expect(q.questions.length).toBeGreaterThanOrEqual(3);
    for (const question of q.questions) {
      expect(question.difficulty).toBeGreaterThanOrEqual(0);
      expect(question.difficulty).toBeLessThanOrEqual(1);
    }
  });

  it("lets a page on another origin grade answers, but not start a learner without a token", async () => {
    const q = await quiz({ kind: "TRUE_FALSE", count: 1, seed: 2 });
    const question = q.questions[0] as Quiz["questions"][number];
    const post = (query: string, variables: Record<string, unknown>) =>
      fetch(`${api.server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://blog.example" },
        body: JSON.stringify({ query, variables }),
      });
    const graded = await post(ANSWER, { quiz: q.id, question: question.id, choice: question.choices[0]?.id });
    expect(((await graded.json()) as { data: Answer }).data.answer.correctChoiceId).toBeTruthy();
    const start = await post("mutation { startLearner { token } }", {});
    expect(start.status).toBe(403);
    expect(await start.text()).toMatch(/Authorization: Bearer/);
    const sameOrigin = await fetch(`${api.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: api.server.url },
      body: JSON.stringify({ query: "mutation { startLearner { token } }" }),
    });
    expect(sameOrigin.status).toBe(200);
  });
});
