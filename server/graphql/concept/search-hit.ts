/** A search result as the API shows it: how it matched, with the matched words marked. */
import type { SearchMatch, SearchResult } from "./search-concepts.ts";
import { hasHighlight, highlight, snippet, termsOf, type TextSpan } from "./snippet.ts";

export interface SearchHitRow {
  concept: SearchResult["concept"];
  matchedBy: SearchMatch;
  matchedName: string | null;
  title: TextSpan[];
  snippetField: "SUMMARY" | "DESCRIPTION";
  snippet: TextSpan[];
}

/** The name with the part that matched marked: the start for a prefix, all of it for an exact or near match. */
function titleOf(name: string, matchedBy: SearchMatch, query: string): TextSpan[] {
  if (matchedBy === "PREFIX") {
    const cut = Math.min(query.length, name.length);
    return [
      { text: name.slice(0, cut), highlight: true },
      { text: name.slice(cut), highlight: false },
    ].filter((s) => s.text !== "");
  }
  if (matchedBy === "TEXT") return highlight(name, termsOf(query));
  return [{ text: name, highlight: true }];
}

export function searchHit(result: SearchResult, query: string): SearchHitRow {
  const { concept, matchedBy, matchedName } = result;
  // The query's words, and for a name match the name's words too ("dockr" marks "Docker" in the text).
  const terms = termsOf(query, matchedName ?? "");
  const inSummary = snippet(concept.summary, terms);
  const useDescription = !hasHighlight(inSummary) && matchedBy === "TEXT";
  return {
    concept,
    matchedBy,
    matchedName,
    title: titleOf(matchedName ?? concept.name, matchedBy, query),
    snippetField: useDescription ? "DESCRIPTION" : "SUMMARY",
    snippet: useDescription ? snippet(concept.description, terms) : inSummary,
  };
}
