/** Reads the source documents and resolves citation locators against their passages. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitPassages, type Passage } from "./split-passages.ts";

export interface SourceDocument {
  sourceId: string;
  passages: Passage[];
  byLocator: Map<string, Passage>;
  headings: string[];
}

export function readSourceDocument(sourcesDir: string, sourceId: string, file: string): SourceDocument {
  const passages = splitPassages(readFileSync(join(sourcesDir, file), "utf8"));
  return {
    sourceId,
    passages,
    byLocator: new Map(passages.map((p) => [p.locator, p])),
    headings: [...new Set(passages.map((p) => p.heading))],
  };
}

export interface ParsedLocator {
  heading: string;
  paragraph: number;
}

/** "Heading ¶3" → parts; a heading ending in "…" is a prefix of the real one. */
export function parseLocator(locator: string): ParsedLocator | undefined {
  const match = /^(.+?)\s*¶\s*(\d+)$/.exec(locator.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { heading: match[1].trim(), paragraph: Number(match[2]) };
}

/**
 * Finds the passage a locator names, or says why it cannot. Long headings may
 * be shortened to a unique prefix followed by "…" (or "...").
 */
export function resolveLocator(
  doc: SourceDocument,
  locator: ParsedLocator,
): { passage: Passage } | { error: string } {
  let heading = locator.heading;
  const prefix = /(?:…|\.\.\.)$/.test(heading) ? heading.replace(/(?:…|\.\.\.)$/, "").trimEnd() : undefined;
  if (prefix !== undefined) {
    const matches = doc.headings.filter((h) => h.startsWith(prefix));
    if (matches.length !== 1) {
      return {
        error:
          matches.length === 0
            ? `no heading starts with "${prefix}"`
            : `"${prefix}…" matches ${matches.length} headings: ${matches.map((m) => `"${m}"`).join(", ")}`,
      };
    }
    heading = matches[0] as string;
  } else if (!doc.headings.includes(heading)) {
    return { error: `no heading "${heading}"` };
  }
  const passage = doc.byLocator.get(`${heading} ¶${locator.paragraph}`);
  if (!passage) {
    const count = doc.passages.filter((p) => p.heading === heading).length;
    return { error: `"${heading}" has ${count} paragraph(s), not ¶${locator.paragraph}` };
  }
  return { passage };
}
