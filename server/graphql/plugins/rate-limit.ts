/**
 * Rate limits on writes, kept in memory by default (per process: with
 * WORKERS=n a client may get up to n times the figure, as its connections land
 * on different workers), or in Redis with RATE_LIMIT_REDIS_URL (shared by all). A fixed window per key: `startLearner` per address per hour,
 * mutations per learner and per address per minute. Refusals are 429 with
 * Retry-After.
 */
export interface RateLimiter {
  /** Counts one event; returns 0 when allowed, or the seconds to wait. */
  hit(key: string, limit: number, windowMs: number): number | Promise<number>;
}

const MAX_KEYS = 100_000;

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter & { hit(key: string, limit: number, windowMs: number): number } {
  const windows = new Map<string, { start: number; count: number; windowMs: number }>();
  let lastSweep = now();
  const sweep = (time: number) => {
    for (const [key, window] of windows) if (time - window.start >= window.windowMs) windows.delete(key);
    lastSweep = time;
  };
  return {
    hit(key, limit, windowMs) {
      const time = now();
      if (time - lastSweep > 60_000 || windows.size > MAX_KEYS) sweep(time);
      let window = windows.get(key);
      if (!window || time - window.start >= windowMs) {
        window = { start: time, count: 0, windowMs };
        windows.set(key, window);
      }
      window.count++;
      if (window.count <= limit) return 0;
      return Math.max(1, Math.ceil((window.start + windowMs - time) / 1000));
    },
  };
}
