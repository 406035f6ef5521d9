/**
 * A learner's study days: today's reviews (for the study queue), and the daily
 * goal with its streak. Days are counted in the learner's time zone.
 */
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { State } from "ts-fsrs";
import { reviewLogs } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";
import { queryRows } from "../../db/query-rows.ts";
import { dayIn } from "../progress/learner-progress.ts";
import type { TodayReview } from "./study-queue.ts";

export const DEFAULT_DAILY_GOAL = 20;
// A streak longer than this is reported as this long (the history read stays bounded).
const STREAK_HORIZON_DAYS = 400;

/** The learner's reviews since the start of today in `timeZone`, oldest first. */
export async function reviewsToday(db: Db, learnerId: number, now: Date, timeZone: string): Promise<TodayReview[]> {
  const since = new Date(now.getTime() - 50 * 3_600_000);
  const rows = await db
    .select({ cardId: reviewLogs.cardId, reviewedAt: reviewLogs.reviewedAt, state: reviewLogs.state })
    .from(reviewLogs)
    .where(and(eq(reviewLogs.learnerId, learnerId), gte(reviewLogs.reviewedAt, since)))
    .orderBy(asc(reviewLogs.reviewedAt), asc(reviewLogs.id));
  const today = dayIn(timeZone, now);
  return rows.filter((r) => dayIn(timeZone, r.reviewedAt) === today).map((r) => ({ cardId: r.cardId, reviewedAt: r.reviewedAt, state: r.state as State }));
}

export interface StudyStreak {
  dailyGoal: number;
  reviewsToday: number;
  goalMet: boolean;
  /** Days in a row on which the goal was met, ending today once today's is met (else yesterday). */
  streak: number;
  /** The longest such run within the last STREAK_HORIZON_DAYS days. */
  longest: number;
}

/** "2026-11-24" from "2026-11-25". */
function dayBefore(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The streak from reviews per day (pure). */
export function streakOf(perDay: ReadonlyMap<string, number>, today: string, dailyGoal: number): StudyStreak {
  const met = (day: string) => (perDay.get(day) ?? 0) >= dailyGoal;
  const reviews = perDay.get(today) ?? 0;
  let streak = 0;
  for (let day = met(today) ? today : dayBefore(today); met(day) && streak < STREAK_HORIZON_DAYS; day = dayBefore(day)) streak++;
  let longest = 0;
  let run = 0;
  let day = today;
  for (let i = 0; i < STREAK_HORIZON_DAYS; i++, day = dayBefore(day)) {
    run = met(day) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return { dailyGoal, reviewsToday: reviews, goalMet: reviews >= dailyGoal, streak, longest: Math.max(longest, streak) };
}

export async function studyStreak(db: Db, learnerId: number, input: { now: Date; timeZone: string; dailyGoal: number }): Promise<StudyStreak> {
  const since = new Date(input.now.getTime() - (STREAK_HORIZON_DAYS + 2) * 86_400_000);
  // Counted per day by the database: a year of reviews is a few hundred rows, not thousands.
  const rows = await queryRows<{ day: string; count: number | string }>(
    db,
    sql`select to_char(reviewed_at at time zone ${input.timeZone}, 'YYYY-MM-DD') as day, count(*) as count
        from review_logs where learner_id = ${learnerId} and reviewed_at >= ${since.toISOString()} group by 1`,
  );
  const perDay = new Map(rows.map((r) => [r.day, Number(r.count)]));
  return streakOf(perDay, dayIn(input.timeZone, input.now), input.dailyGoal);
}
