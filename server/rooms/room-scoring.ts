/**
 * Points for an answer, as in the class quiz games teachers know: nothing for a wrong one; for a
 * right one 1000 at once, falling evenly to 500 at the end of the countdown, so being right always
 * counts for more than being quick.
 */
export const MAX_POINTS = 1000;
export const MIN_RIGHT_POINTS = 500;

export function answerPoints(correct: boolean, elapsedMs: number, limitMs: number): number {
  if (!correct) return 0;
  const late = Math.min(Math.max(elapsedMs, 0), limitMs) / limitMs;
  return Math.round(MAX_POINTS - (MAX_POINTS - MIN_RIGHT_POINTS) * late);
}
