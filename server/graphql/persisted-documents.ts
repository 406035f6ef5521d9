/**
 * The persisted documents: every operation the web app and embed.js send, by its SHA-256, as
 * `npm run codegen` wrote them (web/app/api/generated/persisted-documents.json). Imported, not read
 * from disk or fetched, so the server bundle carries them and a start never depends on a file
 * beside it or on the network.
 */
import generated from "../../web/app/api/generated/persisted-documents.json" with { type: "json" };

/**
 * codegen writes ids as `sha256:<hex>` (the GraphQL-over-HTTP persisted documents appendix);
 * Apollo's `persistedQuery.sha256Hash` is the bare hex. Either is accepted: the prefix is dropped.
 */
export function persistedDocumentId(id: string): string {
  return id.startsWith("sha256:") ? id.slice("sha256:".length) : id;
}

/** Document by bare hex SHA-256. */
export const PERSISTED_DOCUMENTS: ReadonlyMap<string, string> = new Map(
  Object.entries(generated as Record<string, string>).map(([id, document]) => [persistedDocumentId(id), document]),
);
