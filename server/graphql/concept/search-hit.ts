/** A search result as the API shows it: how it matched, with the matched words marked. */
import { closeness, type SearchMatch, type SearchResult } from "./search-concepts.ts";
import { hasHighlight, highlight, snippet, termsOf, type TextSpan } from "./snippet.ts";

export interface SearchHitRow {
  concept: SearchResult["concept"];
  matchedBy: SearchMatch;
  matchedName: string | null;
  title: TextSpan[];
  snippetField: "SUMMARY" | "DESCRIPTION";
  snippet: TextSpan[];
}

/** Words of a name close to a word of the query: what a near-miss was taken for. */
function closeWords(name: string, query: string): string[] {
  const asked = termsOf(query);
  return termsOf(name).filter((word) => asked.some((q) => closeness(q, word) >= 0.6));
}

/** The name with the part that matched marked: the start for a prefix, the close words of a near-miss, all of it for an exact match. */
function titleOf(name: string, matchedBy: SearchMatch, query: string): TextSpan[] {
  if (matchedBy === "PREFIX") {
    const cut = Math.min(query.length, name.length);
    return [
      { text: name.slice(0, cut), highlight: true },
      { text: name.slice(cut), highlight: false },
    ].filter((s) => s.text !== "");
  }
  if (matchedBy === "TEXT") return highlight(name, termsOf(query));
  if (matchedBy === "SPELLING") {
    const close = closeWords(name, query);
    if (close.length && termsOf(name).length > 1) return highlight(name, close);
  }
  return [{ text: name, highlight: true }];
}

export function searchHit(result: SearchResult, query: string): SearchHitRow {
  const { concept, matchedBy, matchedName } = result;
  // The query's words, and the words of the name it matched ("dockr" marks "Docker" in the text);
  // of a near-miss's name, only the words close to the query.
  const nameWords = matchedName === null ? [] : matchedBy === "SPELLING" ? closeWords(matchedName, query) : termsOf(matchedName);
  const terms = [...termsOf(query), ...nameWords];
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
