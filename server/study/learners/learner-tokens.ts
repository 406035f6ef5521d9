/**
 * Anonymous learners hold a random token; the server keeps only its SHA-256,
 * so a leaked database does not let anyone act as a learner.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { learners } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createLearner(db: Db): Promise<{ token: string; learner: typeof learners.$inferSelect }> {
  const token = `gdk_${randomBytes(32).toString("base64url")}`;
  const [learner] = await db.insert(learners).values({ tokenHash: hashToken(token) }).returning();
  if (!learner) throw new Error("learner was not created");
  return { token, learner };
}

/** The token in an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

export async function findLearner(db: Db, token: string): Promise<typeof learners.$inferSelect | null> {
  if (token.length > 200) return null;
  const [learner] = await db.select().from(learners).where(eq(learners.tokenHash, hashToken(token))).limit(1);
  return learner ?? null;
}

/**
 * The id the API shows for a learner: a keyed hash of the row's number, so ids
 * say nothing about how many learners there are and cannot be guessed or
 * enumerated (the row number itself never leaves the server). Stable for a
 * learner as long as the key is (QUIZ_SECRET, or the key kept in the database).
 */
export function publicLearnerId(learnerId: number, key: string): string {
  return createHmac("sha256", key).update(`learner:${learnerId}`).digest("base64url").slice(0, 22);
}
