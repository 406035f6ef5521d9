/**
 * The app's GraphQL client: reads by hash over GET, mutations by POST (see
 * persisted-request.ts), the learner's token on mutations and on the reads that
 * act for a learner, errors turned into messages a person can read. Every
 * operation is a typed document from ./operations/*.graphql (generated into
 * ./generated/ by `npm run codegen`), so results and variables are checked
 * against the schema.
 */
import { StartLearnerDocument, type TypedDocumentString } from "./generated/graphql.ts";
import { operationKind, operationRequest, PERSISTED_QUERY_NOT_FOUND, type OperationRequest } from "./persisted-request.ts";

const TOKEN_KEY = "graphdeck.token";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string): void {
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Private mode: the session still works, it just will not be remembered.
  }
}

export interface RequestOptions {
  /** Create an anonymous learner first when this browser has none. */
  auth?: boolean;
}

/** Variables may be left out when the operation has none, or only optional ones. */
type Arguments<V> = {} extends V ? [variables?: V, options?: RequestOptions] : [variables: V, options?: RequestOptions];

export async function gql<T, V>(document: TypedDocumentString<T, V>, ...[variables, options = {}]: Arguments<V>): Promise<T> {
  const query = document.toString();
  // A read acts for the learner only when asked to: the others go without the token, so they are
  // the same for everyone and browsers and CDNs may cache them (see persisted-request.ts).
  const token = options.auth ? await learnerToken() : operationKind(query) === "query" ? null : storedToken();
  let request: OperationRequest | undefined = operationRequest(document, variables ?? {}, token);
  let response: Response;
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  do {
    try {
      response = await fetch(request.url, request.init);
    } catch {
      throw new ApiError("Graphdeck's server cannot be reached. Check your connection and try again.", "OFFLINE");
    }
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new ApiError(`The server answered with an error (${response.status}). Try again in a moment.`, "HTTP");
    }
    // A server that does not know the hash (another build, mid-deploy) is sent the document itself.
    request = body.errors?.[0]?.extensions?.code === PERSISTED_QUERY_NOT_FOUND ? request.fallback : undefined;
  } while (request);
  const error = body.errors?.[0];
  if (error) throw new ApiError(forPeople(error.message, error.extensions?.code, response.status), error.extensions?.code);
  if (body.data === undefined) throw new ApiError("The server sent no data.", "HTTP");
  return body.data;
}

/**
 * What a person reads when a request fails. The server's BAD_USER_INPUT
 * messages are written for people already; what GraphQL itself says about a
 * malformed request (an unknown enum value from an edited link, say) is not.
 */
function forPeople(message: string, code: string | undefined, status: number): string {
  if (code === "BAD_USER_INPUT" || code === "UNAUTHENTICATED") return message;
  if (code === "GRAPHQL_VALIDATION_FAILED" || code === "GRAPHQL_PARSE_FAILED" || /does not exist in "|Expected type|Variable "\$/.test(message)) {
    return "This link asks for something Graphdeck does not offer (it may have been edited or be from an older version). Pick again from the menu.";
  }
  if (code === "UNAVAILABLE" || status === 503) return "Graphdeck is briefly unavailable. Try again in a moment.";
  if (code === "RATE_LIMITED" || status === 429) return "That was a lot of requests at once. Wait a moment, then try again.";
  return message === "Unexpected error." ? "Something went wrong on Graphdeck's side. Try again in a moment." : message;
}

let starting: Promise<string> | undefined;

/** The learner's token, creating an anonymous learner on first use. */
export async function learnerToken(): Promise<string> {
  const saved = storedToken();
  if (saved) return saved;
  starting ??= gql(StartLearnerDocument).then(
    ({ startLearner }) => {
      storeToken(startLearner.token);
      return startLearner.token;
    },
    (error: unknown) => {
      // Forget the failure, so that "Try again" really tries again.
      starting = undefined;
      throw error;
    },
  );
  return starting;
}
