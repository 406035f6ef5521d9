/**
 * Every limit the server enforces, in one place (the README's "Limits" table
 * lists them). Requests over a limit are refused with a 4xx that names it.
 */
export const LIMITS = {
  /** Request body, as sent (compressed or not). */
  bodyBytes: 1024 * 1024,
  /**
   * A learner's progress import (`importProgress`): up to this much JSON, sent plain or with
   * `Content-Encoding: gzip`; only with a bearer token, and only for that mutation.
   */
  importBodyBytes: 16 * 1024 * 1024,
  /** Big imports read and parsed at the same time, per process (memory stays bounded). */
  concurrentBigBodies: 2,
  /** Nesting of GraphQL variables (objects and lists). */
  variablesDepth: 20,
  /** Query depth, aliases, directives and tokens (graphql-armor). */
  queryDepth: 10,
  aliases: 15,
  directives: 20,
  tokens: 2000,
  /** Estimated cost of a query, counting the expected length of every list (see query-cost.ts). */
  queryCost: 20_000,
  /** Response body of one GraphQL request. */
  responseBytes: 5 * 1024 * 1024,
  /** Wall-clock time one GraphQL request may take before it is stopped with a 503. */
  requestMs: 5000,
  /** The same for an `importProgress` (a 10 MiB import takes 2-8 s on a busy 2-core machine). */
  importRequestMs: 30_000,
  /** `startLearner` per client address, per hour (a school behind one address needs a few dozen). */
  startLearnerPerHour: 60,
  /** Mutations per learner, per minute. */
  mutationsPerLearnerPerMinute: 240,
  /** Mutations per client address, per minute (all learners behind it together). */
  mutationsPerAddressPerMinute: 600,
} as const;
