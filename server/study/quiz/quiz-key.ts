/**
 * The key quiz ids are signed with: QUIZ_SECRET when set, otherwise a random
 * key created once and kept in the database, so quiz ids stay valid across
 * restarts and across servers sharing one database.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { appSettings } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";

export async function loadQuizKey(db: Db, fromEnvironment: string | undefined): Promise<string> {
  if (fromEnvironment) return fromEnvironment;
  await db.insert(appSettings).values({ key: "quiz-key", value: randomBytes(32).toString("base64url") }).onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, "quiz-key"));
  if (!row) throw new Error("quiz key missing");
  return row.value;
}

/**
 * The key, loaded on first use and kept once loaded; a failed load (a database
 * hiccup) is forgotten, so the next call tries again instead of failing forever.
 */
export function quizKeyLoader(db: Db, fromEnvironment: string | undefined): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    if (!pending) {
      const attempt = loadQuizKey(db, fromEnvironment);
      pending = attempt;
      attempt.catch(() => {
        if (pending === attempt) pending = undefined;
      });
    }
    return pending;
  };
}
