/**
 * The GraphQL endpoint: SDL from schema/, resolvers from the API area folders,
 * and the protections a public API needs, in the order requests meet them.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { createSchema, createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Db, RawQuery } from "../db/connect.ts";
import type { RequestFacts } from "../http/create-server.ts";
import type { GraphVersion } from "../graph-version.ts";
import { compareResolvers } from "./compare/compare-resolvers.ts";
import { conceptResolvers } from "./concept/concept-resolvers.ts";
import type { GraphContext } from "./context.ts";
import { graphWalkResolvers } from "./graph-walk/graph-walk-resolvers.ts";
import { createLoaders } from "./loaders.ts";
import { maskError } from "./plugins/mask-error.ts";
import { countResolvedValues } from "./plugins/resolved-values.ts";
import { useCacheableMarker } from "./plugins/use-cacheable-marker.ts";
import { useCompiledConcept } from "./plugins/use-compiled-concept.ts";
import { createMemoryRateLimiter, type RateLimiter } from "./plugins/rate-limit.ts";
import { useMutationGuard } from "./plugins/use-mutation-guard.ts";
import { usePersistedDocuments } from "./plugins/use-persisted-documents.ts";
import { useRequestLimits } from "./plugins/use-request-limits.ts";
import { LIMITS } from "../http/limits.ts";
import { safeYogaLogger } from "../http/safe-log.ts";
import { relationResolvers } from "./relation/relation-resolvers.ts";
import { createVocabularyCache } from "./vocabulary/vocabulary-cache.ts";
import { vocabularyResolvers } from "./vocabulary/vocabulary-resolvers.ts";
import type { StudyGraphs } from "../study/study-graphs.ts";
import { bearerToken, findLearner } from "../study/learners/learner-tokens.ts";
import { quizKeyLoader } from "../study/quiz/quiz-key.ts";
import { learnerResolvers } from "./learner/learner-resolvers.ts";
import { matchingResolvers } from "./matching/matching-resolvers.ts";
import { quizResolvers } from "./quiz/quiz-resolvers.ts";
import { flashcardResolvers } from "./study/flashcard-resolvers.ts";
import { roomResolvers } from "./room/room-resolvers.ts";
import { createRoomBus, type RoomBus } from "../rooms/room-events.ts";

export const typeDefs = readFileSync(new URL("../../schema/schema.graphql", import.meta.url), "utf8");

/** What node:http hands to yoga with each request. */
export interface NodeServerContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The body's size and the client's address, as the HTTP server saw them. */
  facts?: RequestFacts;
}

export interface GraphqlServerOptions {
  db: Db;
  /** Prepared hand-written SQL (Database.query): the concept page compiled into one statement uses it. */
  query?: RawQuery | undefined;
  graphVersion: GraphVersion;
  /** QUIZ_SECRET, when set; otherwise a key kept in the database. */
  quizSecret?: string | undefined;
  /** The graphs flashcards and quizzes are made from, shared with other routes. */
  study: StudyGraphs;
  /** Other origins whose pages may send mutations without a token. */
  trustedOrigins?: readonly string[];
  /** Where mutation counts are kept (in memory unless given). */
  rateLimiter?: RateLimiter;
  /** Where live rooms' changes are published (in this process only unless given). */
  roomBus?: RoomBus | undefined;
}

export const GRAPHIQL_DEFAULT_QUERY = `# Graphdeck: a knowledge graph of containers and virtual machines.
# Press the play button, then explore the schema with the book icon.
{
  search(query: "virtualbx", first: 3) { slug name summary }
  compare(a: "container", b: "virtual-machine") {
    aspects { aspect { label } a { value } b { value } }
  }
}
`;

/** Reads from any origin, without cookies: embeds on other sites call the API directly. */
const CORS = {
  origin: "*",
  credentials: false,
  methods: ["GET", "POST", "OPTIONS"],
  allowedHeaders: ["content-type", "authorization"],
  maxAge: 86400,
};

/**
 * The CORS headers yoga puts on an answer to a request from `origin` (with origin "*" it echoes the
 * origin), for answers the HTTP server's response cache gives without asking yoga.
 */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    "access-control-allow-origin": origin,
    vary: "Origin",
    "access-control-allow-methods": CORS.methods.join(", "),
    "access-control-allow-headers": CORS.allowedHeaders.join(", "),
    "access-control-max-age": String(CORS.maxAge),
  };
}

export function createGraphqlServer(options: GraphqlServerOptions): YogaServerInstance<NodeServerContext, GraphContext> {
  const vocabulary = createVocabularyCache(options.db, options.graphVersion);
  // Loaded once it succeeds; a failure (a database hiccup) is not remembered: the next quiz retries.
  const quizKey = quizKeyLoader(options.db, options.quizSecret);
  const rooms = options.roomBus ?? createRoomBus(options.db);
  return createYoga<NodeServerContext, GraphContext>({
    // Every list field counts what it resolves against the request's cost limit as it runs.
    schema: countResolvedValues(createSchema<NodeServerContext & GraphContext>({
      typeDefs,
      resolvers: [
        conceptResolvers,
        relationResolvers,
        vocabularyResolvers,
        compareResolvers,
        graphWalkResolvers,
        flashcardResolvers,
        quizResolvers,
        matchingResolvers,
        learnerResolvers,
        roomResolvers,
      ],
    })),
    graphqlEndpoint: "/graphql",
    context: ({ request }) => {
      const token = bearerToken(request.headers.get("authorization"));
      let learner: ReturnType<GraphContext["learner"]> | undefined;
      const stopper = new AbortController();
      return {
        db: options.db,
        stopper,
        loaders: createLoaders(options.db, vocabulary, stopper.signal),
        study: options.study,
        quizKey,
        rooms,
        learner: () => (learner ??= token ? findLearner(options.db, token) : Promise.resolve(null)),
        now: new Date(),
      };
    },
    // Unexpected errors reach the client as "Unexpected error." with no stack, SQL or paths (a
    // database outage as 503 UNAVAILABLE); isDev off so yoga never attaches `originalError`
    // details, whatever NODE_ENV says.
    maskedErrors: { isDev: false, maskError },
    batching: false,
    // The HTTP server reads every body itself, within its limits (1 MiB; 16 MiB for an import), before
    // yoga sees the request; yoga's own check would pipe each body through another stream for nothing.
    maxRequestBodySize: false,
    cors: CORS,
    graphiql: { title: "Graphdeck API", defaultQuery: GRAPHIQL_DEFAULT_QUERY },
    // The GraphiQL bundle is served from here, not from a CDN. Imported on the first GraphiQL page, not
    // at start: its 9 MB of source stay in V8's heap twice (the module's text and its strings), about
    // 28 MB in every worker, and API clients never ask for it.
    renderGraphiQL: async (graphiql) => (await import("@graphql-yoga/render-graphiql")).renderGraphiQL(graphiql),
    // One line per failure, never a query's parameters (see safe-log.ts).
    logging: safeYogaLogger,
    plugins: [
      // First: a persisted operation's hash becomes its document before any check reads the request.
      usePersistedDocuments(),
      // Depth, aliases, directives and tokens are bounded before anything executes; the cost
      // (which counts list lengths, unlike graphql-armor's) in useRequestLimits.
      EnvelopArmorPlugin({
        maxDepth: { n: LIMITS.queryDepth },
        maxAliases: { n: LIMITS.aliases },
        maxDirectives: { n: LIMITS.directives },
        maxTokens: { n: LIMITS.tokens },
        costLimit: { enabled: false },
      }),
      useMutationGuard(options.trustedOrigins),
      useRequestLimits({ db: options.db, graphVersion: options.graphVersion, rateLimiter: options.rateLimiter ?? createMemoryRateLimiter() }),
      // Which answers the HTTP server's response cache may keep (server/http/response-cache.ts).
      useCacheableMarker(),
      // Last: swaps in one SQL statement for a concept(slug:) query once every check has passed.
      ...(options.query ? [useCompiledConcept(options.query)] : []),
    ],
  });
}
