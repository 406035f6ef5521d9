/**
 * Nonces for "uncached" requests: never the same twice in one bench process. Each load used to count
 * from 0, so a measured run sent again, byte for byte, the requests of its warm-up and of earlier
 * rounds, and the response cache (which keeps an answer on its first or second miss) answered part of
 * an "uncached" run. One counter for the whole process, from a random start, so no two loads, rounds
 * or runs against the same server repeat a request.
 */
let next = Math.floor(Math.random() * 2 ** 40);

export function freshNonce(): number {
  return next++;
}
