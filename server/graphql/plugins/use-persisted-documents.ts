/**
 * Persisted operations, Apollo's way (what @graphql-yoga/plugin-persisted-operations reads):
 * `GET /graphql?extensions={"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}&variables=…`
 * runs the app's operation of that hash. A short URL that names the operation is what lets browsers
 * and CDNs cache the app's reads (a POST is never cached; a GET carrying the whole document would
 * be long and differ with every formatting change).
 *
 * Arbitrary documents stay open to everyone (the public API), within the same limits: the persisted
 * document is only swapped in for the missing `query`, then parsed, validated, costed, rate-limited
 * and guarded like any other. Mutations by GET are refused by yoga itself, persisted or not.
 */
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";
import { PERSISTED_DOCUMENTS, persistedDocumentId } from "../persisted-documents.ts";

export function usePersistedDocuments(documents: ReadonlyMap<string, string> = PERSISTED_DOCUMENTS): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => documents.get(persistedDocumentId(id)) ?? null,
    allowArbitraryOperations: true,
    customErrors: {
      // Apollo's message and code, which clients recognise (and answer by sending the document
      // itself); 404 rather than a 200 holding an error, and never a stack: a GraphQLError as is.
      notFound: {
        message: "PersistedQueryNotFound",
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 404 } },
      },
      // Neither a document nor a hash: the plugin's "PersistedQueryKeyNotFound" would puzzle a
      // public API user who merely forgot `query`.
      keyNotFound: {
        message: "Send a GraphQL document as `query`, or a persisted operation's hash as `extensions.persistedQuery.sha256Hash` (with `version: 1`).",
        extensions: { code: "BAD_REQUEST", http: { status: 400 } },
      },
    },
  });
}
