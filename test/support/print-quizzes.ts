/**
 * Prints generated quizzes as a reviewer reads them: prompt, choices (the
 * right one marked), the explanation, why each wrong choice is wrong, and the
 * cited passages. For judging question quality by eye:
 *
 *   npx tsx test/support/print-quizzes.ts [--per-kind 10] [--count 5] [--first-seed 1000] [--passages] [--questions N] [--regions]
 *
 * With --questions, each kind prints quizzes (seed after seed) until N questions are out. With
 * --regions, each quiz is made from its seed's region, as on a graph too large to hold whole
 * (server/study/study-graphs.ts).
 */
import { parseArgs } from "node:util";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { loadGraphSnapshot } from "../../server/study/graph-snapshot.ts";
import { createStudyGraphs } from "../../server/study/study-graphs.ts";
import { generateQuiz } from "../../server/study/quiz/generate-quiz.ts";
import type { QuizKind } from "../../server/study/quiz/quiz-question.ts";
import { SEEDS_DIR, SOURCES_DIR } from "./seed-paths.ts";
import { createTestDatabase } from "./test-database.ts";

const { values } = parseArgs({
  options: {
    "per-kind": { type: "string", default: "10" },
    count: { type: "string", default: "5" },
    "first-seed": { type: "string", default: "1000" },
    passages: { type: "boolean", default: false },
    questions: { type: "string" },
    regions: { type: "boolean", default: false },
  },
});
const perKind = Number(values["per-kind"]);
const count = Number(values.count);
const firstSeed = Number(values["first-seed"]);
const wanted = values.questions === undefined ? undefined : Number(values.questions);

const database = await createTestDatabase();
try {
  await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  const whole = await loadGraphSnapshot(database.db, "print");
  const fixed = { current: () => "print", onChange: () => () => {}, stop: async () => {} };
  const study = createStudyGraphs(database, fixed, { wholeGraphLimit: 0 });
  const graphFor = async (s: number) => (values.regions ? study.forRound({ seed: s, topic: null }) : whole);
  const passages = new Map<string, string>();
  if (values.passages) {
    const rows = await database.db.query.passages.findMany();
    for (const row of rows) passages.set(`${row.sourceId}: ${row.locator}`, row.text);
  }
  const kinds: QuizKind[] = ["DEFINITION", "CLASSIFICATION", "COMPARISON", "PROS_CONS", "TRUE_FALSE"];
  let n = 0;
  for (const kind of kinds) {
    console.log(`\n######## ${kind}`);
    let printed = 0;
    for (let i = 0; wanted === undefined ? i < perKind : printed < wanted && i < 1000; i++) {
      const graph = await graphFor(firstSeed + i);
      const quiz = generateQuiz(graph, { kind, count: wanted === undefined ? count : Math.min(count, wanted - printed), seed: firstSeed + i, topic: null });
      printed += quiz.questions.length;
      console.log(`\n=== ${kind} quiz, seed ${firstSeed + i}: ${quiz.questions.length} questions`);
      for (const q of quiz.questions) {
        n++;
        console.log(`\nQ${n}. ${q.prompt}`);
        for (const c of q.choices) console.log(`   ${c.id === q.correctChoiceId ? "[x]" : "[ ]"} ${c.text}`);
        console.log(`   Explanation: ${q.explanation}`);
        const source = (cite: { sourceId: string; locator: string }, indent: string) => {
          const key = `${cite.sourceId}: ${cite.locator}`;
          console.log(`${indent}Source ${key}${values.passages ? ` — ${passages.get(key) ?? "(passage not stored)"}` : ""}`);
        };
        const shown = new Set(q.citations.map((c) => `${c.sourceId}: ${c.locator}`));
        for (const c of q.choices) {
          const note = q.wrongNotes[c.id];
          if (!note) continue;
          console.log(`   If "${c.text}" was chosen: ${note.explanation}`);
          // The app shows a chosen wrong answer's own sources under its note (AnswerResult.chosenCitations).
          for (const cite of note.citations) if (!shown.has(`${cite.sourceId}: ${cite.locator}`)) source(cite, "      ");
        }
        for (const cite of q.citations) source(cite, "   ");
      }
    }
  }
} finally {
  await database.drop();
}
