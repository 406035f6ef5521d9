/**
 * Fetches card data for every <graphdeck-card> on a page in one request: the
 * cards that ask within the same tick share one batched GraphQL query, sent as
 * a persisted operation over GET (its hash, not its document: a short URL that
 * browsers and CDNs can cache), as the app's reads are. Its operations live
 * with the app's, in web/app/api/operations/embed.graphql.
 */
import {
  GraphdeckAnswerDocument,
  GraphdeckCardsDocument,
  GraphdeckClosestDocument,
  type GraphdeckAnswerMutation,
  type GraphdeckAnswerMutationVariables,
  type GraphdeckCardsQuery,
  type GraphdeckCardsQueryVariables,
  type GraphdeckClosestQueryVariables,
  type TypedDocumentString,
} from "../app/api/generated/graphql.ts";
import { canonicalJson, PERSISTED_QUERY_NOT_FOUND, persistedHash, persistedReadUrl } from "../app/api/persisted-request.ts";

export type CardConcept = NonNullable<GraphdeckCardsQuery["conceptsBySlug"][number]>;
export type CardQuiz = NonNullable<CardConcept["testYourself"]>;
/** How the server graded a "test yourself" answer: the right answer, and why the chosen one was wrong. */
export type AnswerFeedback = GraphdeckAnswerMutation["answer"];

const MAX_PER_REQUEST = 50;

interface Waiting {
  slug: string;
  quiz: boolean;
  resolve: (concept: CardConcept | null) => void;
  reject: (error: unknown) => void;
}

interface Body<T> {
  data?: T;
  errors?: { extensions?: { code?: string } }[];
}

export function createCardClient(origin: string) {
  let queue: Waiting[] = [];

  const getJson = async <T>(url: URL): Promise<Body<T>> =>
    (await (await fetch(url, { headers: { accept: "application/json" }, credentials: "omit" })).json()) as Body<T>;

  /** A read by its hash; by its document when the server does not know the hash (another build, mid-deploy). */
  async function read<T, V extends object>(document: TypedDocumentString<T, V>, variables: V): Promise<Body<T>> {
    const hash = persistedHash(document);
    if (hash) {
      const body = await getJson<T>(new URL(persistedReadUrl(hash, variables), origin));
      if (body.errors?.[0]?.extensions?.code !== PERSISTED_QUERY_NOT_FOUND) return body;
    }
    const url = new URL("/graphql", origin);
    url.searchParams.set("query", document.toString());
    url.searchParams.set("variables", canonicalJson(variables));
    return getJson<T>(url);
  }

  async function flush(batch: Waiting[]): Promise<void> {
    const slugs = [...new Set(batch.map((w) => w.slug))];
    const variables: GraphdeckCardsQueryVariables = { slugs, quiz: batch.some((w) => w.quiz) };
    try {
      const body = await read(GraphdeckCardsDocument, variables);
      const found = new Map(slugs.map((slug, i) => [slug, body.data?.conceptsBySlug[i] ?? null]));
      for (const waiting of batch) waiting.resolve(found.get(waiting.slug) ?? null);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  return {
    load(slug: string, quiz: boolean): Promise<CardConcept | null> {
      return new Promise((resolve, reject) => {
        if (queue.length === 0) {
          // Every card connected in this tick joins the same request.
          setTimeout(() => {
            const all = queue;
            queue = [];
            for (let i = 0; i < all.length; i += MAX_PER_REQUEST) void flush(all.slice(i, i + MAX_PER_REQUEST));
          });
        }
        queue.push({ slug, quiz, resolve, reject });
      });
    },

    /** The slug nearest to a mistyped one, for a hint in the console; null when nothing is near. */
    async closest(slug: string): Promise<string | null> {
      try {
        const variables: GraphdeckClosestQueryVariables = { q: slug.replace(/-/g, " ").slice(0, 100) };
        const body = await read(GraphdeckClosestDocument, variables);
        return body.data?.search[0]?.slug ?? null;
      } catch {
        return null;
      }
    },

    async answer(quizId: string, questionId: string, choiceId: string): Promise<AnswerFeedback> {
      const response = await fetch(new URL("/graphql", origin), {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "omit",
        body: JSON.stringify({ query: GraphdeckAnswerDocument.toString(), variables: { q: quizId, qq: questionId, c: choiceId } satisfies GraphdeckAnswerMutationVariables }),
      });
      const body = (await response.json()) as { data?: GraphdeckAnswerMutation };
      if (!body.data) throw new Error("not graded");
      return body.data.answer;
    },
  };
}

export type CardClient = ReturnType<typeof createCardClient>;

