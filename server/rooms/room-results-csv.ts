/**
 * A room's results for the host's records: one row per player (best first) with rank, score and
 * right answers, then each question's chosen answer and points. A field that a spreadsheet would
 * run as a formula (a nickname starting with "=") is quoted with a leading apostrophe.
 */
import { asc, eq } from "drizzle-orm";
import { roomAnswers } from "../../schema/index.ts";
import type { Db } from "../db/connect.ts";
import type { RoomSnapshot } from "./room-snapshot.ts";
import { roomView } from "./room-view.ts";

function field(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r']/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function roomResultsCsv(db: Db, snapshot: RoomSnapshot, now: number): Promise<string> {
  const answers = await db
    .select({ playerId: roomAnswers.playerId, index: roomAnswers.questionIndex, choiceId: roomAnswers.choiceId, correct: roomAnswers.correct, points: roomAnswers.points })
    .from(roomAnswers)
    .where(eq(roomAnswers.roomId, snapshot.id))
    .orderBy(asc(roomAnswers.playerId), asc(roomAnswers.questionIndex));
  const byPlayer = new Map<number, Map<number, (typeof answers)[number]>>();
  for (const answer of answers) {
    let mine = byPlayer.get(answer.playerId);
    if (!mine) byPlayer.set(answer.playerId, (mine = new Map()));
    mine.set(answer.index, answer);
  }
  // Scores as the host's screen shows them (an open question's points not counted yet).
  const view = roomView(snapshot, { role: "HOST" }, now);
  const shown = (index: number) => index < snapshot.currentIndex || (index === snapshot.currentIndex && view.phase !== "QUESTION");
  const idOf = new Map(snapshot.players.map((p) => [p.nickname, p.id]));
  const header = ["rank", "player", "score", "right answers"];
  snapshot.questions.forEach((_, i) => header.push(`Q${i + 1} answer`, `Q${i + 1} right`, `Q${i + 1} points`));
  const lines = [header.map(field).join(",")];
  for (const player of view.players) {
    const mine = byPlayer.get(idOf.get(player.nickname) ?? -1);
    const row: (string | number)[] = [player.rank, player.nickname, player.score, player.correctCount];
    snapshot.questions.forEach((question, i) => {
      const answer = shown(i) ? mine?.get(i) : undefined;
      const text = answer ? (question.choices.find((c) => c.id === answer.choiceId)?.text ?? answer.choiceId) : "";
      row.push(text, answer ? (answer.correct ? "yes" : "no") : "", answer ? answer.points : "");
    });
    lines.push(row.map(field).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
