/**
 * A quiz id carries everything needed to regenerate the quiz (kind, count,
 * seed, topic, focus, single), signed with the server's key, so grading needs no stored
 * state and an edited id is refused instead of silently meaning another quiz.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { QUESTION_KINDS, type QuizKind } from "./quiz-question.ts";
import type { QuizSpec } from "./generate-quiz.ts";

const QUIZ_KINDS: readonly string[] = [...QUESTION_KINDS, "MIXED"];

export class InvalidQuizIdError extends Error {
  constructor() {
    super("That quiz id is not one this server gave out (it may have been changed or cut short). Start a new quiz.");
  }
}

function sign(key: string, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url").slice(0, 22);
}

export function encodeQuizId(key: string, spec: QuizSpec): string {
  const fields: unknown[] = [1, spec.kind, spec.count, spec.seed, spec.topic];
  if (spec.focus || spec.single) fields.push(spec.focus ?? null);
  if (spec.single) fields.push(true);
  const payload = Buffer.from(JSON.stringify(fields)).toString("base64url");
  return `${payload}.${sign(key, payload)}`;
}

export function decodeQuizId(key: string, id: string): QuizSpec {
  const [payload, signature, extra] = id.split(".");
  if (!payload || !signature || extra !== undefined || id.length > 2000) throw new InvalidQuizIdError();
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new InvalidQuizIdError();
  const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  if (!Array.isArray(value) || value[0] !== 1 || !QUIZ_KINDS.includes(value[1])) throw new InvalidQuizIdError();
  const [, kind, count, seed, topic, focus, single] = value as [number, QuizKind, number, number, string | null, string[] | null | undefined, boolean | undefined];
  return { kind, count, seed, topic, ...(Array.isArray(focus) ? { focus } : {}), ...(single === true ? { single } : {}) };
}
