/**
 * The app's GraphQL client: one POST per call, the learner's token attached
 * when there is one, errors turned into messages a person can read.
 */
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

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: { auth?: boolean } = {}): Promise<T> {
  const token = options.auth ? await learnerToken() : storedToken();
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("Graphdeck's server cannot be reached. Check your connection and try again.", "OFFLINE");
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The server answered with an error (${response.status}). Try again in a moment.`, "HTTP");
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (body.data === undefined) throw new ApiError("The server sent no data.", "HTTP");
  return body.data;
}

let starting: Promise<string> | undefined;

/** The learner's token, creating an anonymous learner on first use. */
export async function learnerToken(): Promise<string> {
  const saved = storedToken();
  if (saved) return saved;
  starting ??= gql<{ startLearner: { token: string } }>("mutation { startLearner { token } }").then(
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
