/**
 * What browsers and CDNs may do with a /graphql answer. Public for a minute (and served stale for
 * ten while revalidating) only when it is the same for everyone until the graph changes: a GET
 * (the app's persisted reads, or any public one), answered 200 in JSON without errors, sent without
 * a learner's token, and marked cacheable by the GraphQL layer (use-cacheable-marker.ts: nothing
 * random, personal or time-dependent selected). Anything else, a learner's read above all, is
 * `no-store`: no browser or shared cache keeps it.
 */
export const PUBLIC_READ_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600";

export interface GraphqlAnswerFacts {
  method: string;
  status: number;
  /** No Authorization header and not a subscription: nothing in the request says who asks. */
  shared: boolean;
  json: boolean;
  hasErrors: boolean;
  /** Set by the GraphQL layer for answers that do not depend on who asks or when. */
  cacheable: boolean;
}

export function graphqlCacheControl(answer: GraphqlAnswerFacts): string {
  const isPublic = answer.method === "GET" && answer.status === 200 && answer.shared && answer.json && !answer.hasErrors && answer.cacheable;
  return isPublic ? PUBLIC_READ_CACHE_CONTROL : "no-store";
}

/**
 * The Vary of a public answer: a shared cache must not hand the answer an anonymous request got to
 * a request carrying a learner's token for the same URL (that one is answered for the learner).
 */
export function varyOnAuthorization(vary: string | undefined): string {
  const names = (vary ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  return names.some((name) => name.toLowerCase() === "authorization") ? names.join(", ") : [...names, "Authorization"].join(", ");
}
