/**
 * `npm run seed -- --report`: how much of each source the seeds cite.
 *
 * For every source it counts the substantive passages (see `isSubstantive`)
 * that at least one concept, relation or claim cites, and lists the
 * substantive passages nobody cites yet, so an editor sees what the graph
 * still leaves out. It reads the seeds and the sources only; it never
 * touches a database.
 */
import type { SeedGraph } from "./load-seeds.ts";
import type { Passage } from "./split-passages.ts";

/** Fewest words of prose a passage needs to say something worth citing (a one-line definition can be this short). */
export const MIN_PROSE_WORDS = 9;
/** A list item shorter than this is a label, a menu entry or a table of contents line, not prose. */
const MIN_LIST_ITEM_WORDS = 8;

/**
 * Headings under which the source pages carry no article text: bylines,
 * newsletter boxes, "related articles" teasers and topic menus. Compared
 * without the "#k" suffix a repeated heading gets, case-insensitively.
 *
 * "Email" is deliberately absent: in 002 the newsletter box splits the
 * article, so the heading "Email" sits above real text (the CRI-O paragraph).
 * Its furniture passages (an address, a "Subscribe" link) are too short to
 * count anyway.
 */
const FURNITURE_HEADINGS = new Set(
  ["subscribe", "ci/cd topics", "continuous integration tutorial", "containers", "ian buchanan"].map((h) => h.toLowerCase()),
);

/** Calls to action are page furniture wherever they stand. */
const CALL_TO_ACTION = /\b(sign up|subscribe)\b/i;

/** The words a reader sees in a line: images dropped, links reduced to their text, markup removed. */
function visibleWords(line: string): string[] {
  const text = line
    .replace(/!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?/g, "$1")
    .replace(/\{:[^}]*\}/g, " ")
    .replace(/[*_`#>]/g, " ");
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
}

/**
 * Whether a passage says something about the topic, so that the graph should
 * cite it. Simple on purpose:
 * - not under a furniture heading (bylines, newsletter, menus, teasers) and no call to action;
 * - at least MIN_PROSE_WORDS words of prose, where prose is every line that is not a
 *   list item, plus list items of MIN_LIST_ITEM_WORDS words or more (so menus, tables of
 *   contents and lists of links, whose items are short, do not count; long list items
 *   such as "Type 1 hypervisors run directly on the hardware…" do).
 */
export function isSubstantive(passage: Passage): boolean {
  const heading = passage.heading.replace(/ #\d+$/, "").toLowerCase();
  if (FURNITURE_HEADINGS.has(heading)) return false;
  if (CALL_TO_ACTION.test(passage.text)) return false;
  let prose = 0;
  for (const line of passage.text.split("\n")) {
    const isListItem = /^\s*([-*+]|\d+\.)\s/.test(line);
    const words = visibleWords(isListItem ? line.replace(/^\s*([-*+]|\d+\.)\s/, "") : line);
    if (!isListItem || words.length >= MIN_LIST_ITEM_WORDS) prose += words.length;
  }
  return prose >= MIN_PROSE_WORDS;
}

export interface SourceCoverage {
  sourceId: string;
  title: string;
  /** Substantive passages cited by at least one statement. */
  cited: number;
  /** Substantive passages in the source. */
  substantive: number;
  /** All passages, furniture included. */
  passages: number;
  /** Locators of the substantive passages no statement cites, in document order. */
  uncited: string[];
  /** Locators cited although they are not substantive (worth a second look). */
  citedFurniture: string[];
}

/** Coverage per source; needs a graph loaded with the sources (`sourcesDir`). */
export function coverageReport(graph: SeedGraph): SourceCoverage[] {
  if (!graph.documents) throw new Error("The report needs the source documents: set SOURCES_DIR.");
  const cited = new Set<string>();
  for (const item of [...graph.concepts, ...graph.relations, ...graph.claims]) {
    for (const citation of item.citations) cited.add(`${citation.sourceId}\u0000${citation.locator}`);
  }
  return graph.documents.map((doc) => {
    const source = graph.sources.find((s) => s.id === doc.sourceId);
    const isCited = (p: Passage) => cited.has(`${doc.sourceId}\u0000${p.locator}`);
    const substantive = doc.passages.filter(isSubstantive);
    return {
      sourceId: doc.sourceId,
      title: source?.title ?? doc.sourceId,
      cited: substantive.filter(isCited).length,
      substantive: substantive.length,
      passages: doc.passages.length,
      uncited: substantive.filter((p) => !isCited(p)).map((p) => p.locator),
      citedFurniture: doc.passages.filter((p) => isCited(p) && !isSubstantive(p)).map((p) => p.locator),
    };
  });
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 100));

/** The report as text, one block per source. */
export function formatCoverageReport(report: SourceCoverage[]): string {
  const lines: string[] = [];
  for (const source of report) {
    lines.push(
      `${source.sourceId} ${source.title}: ${source.cited}/${source.substantive} substantive passages cited ` +
        `(${percent(source.cited, source.substantive)}%; ${source.passages} passages in all)`,
    );
    for (const locator of source.uncited) lines.push(`  uncited: ${source.sourceId}: ${locator}`);
    for (const locator of source.citedFurniture) lines.push(`  cited but not substantive: ${source.sourceId}: ${locator}`);
  }
  const cited = report.reduce((n, s) => n + s.cited, 0);
  const substantive = report.reduce((n, s) => n + s.substantive, 0);
  lines.push(`all sources: ${cited}/${substantive} substantive passages cited (${percent(cited, substantive)}%)`);
  return lines.join("\n");
}
