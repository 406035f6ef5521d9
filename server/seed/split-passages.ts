/**
 * Splits a source document into passages addressed by "Heading ¶N".
 *
 * Seeds cite sources by these locators, the validator resolves them and the
 * ingest stores the passages, so all three must agree: this file is the one
 * place that decides what a heading and a paragraph are.
 *
 * Rules, chosen to work on Markdown and on plain text copied from web pages:
 * - blocks are separated by blank lines; YAML front matter and HTML comments are dropped;
 * - a block is a heading when it starts with `#`, or when it is a single short line
 *   (at most 12 words) that is not a list item, link or e-mail address and does not end
 *   like a sentence;
 * - every other block is a paragraph, numbered from 1 under the nearest heading above it;
 * - text before any heading sits under the heading "Lead";
 * - when a heading text repeats in one document, its k-th occurrence (k >= 2) is
 *   written "Heading #k", so every locator names exactly one passage;
 * - a bold list item on the last line of a paragraph ("- **RKT**") names what the next
 *   paragraph is about, so its text is shown at the start of that paragraph instead.
 */
export interface Passage {
  heading: string;
  paragraph: number;
  locator: string;
  text: string;
}

export const LEAD_HEADING = "Lead";
const MAX_HEADING_WORDS = 12;

export function formatLocator(heading: string, paragraph: number): string {
  return `${heading} ¶${paragraph}`;
}

function stripMarkup(line: string): string {
  return line
    .replace(/^#+\s*/, "")
    .replace(/\*\*|__/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A paragraph as a reader of the page sees it: link and image text without
 * their addresses, emphasis and code marks dropped, layout attributes
 * ("{:target=…}") and HTML tags removed, Markdown escapes undone.
 */
export function readableText(markdown: string): string {
  return markdown
    // Every list item reads with the same bullet.
    .replace(/^\s*[*+]\s+/, "- ")
    .replace(/\{:[^}]*\}/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/(\*\*|__)([\s\S]*?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?!\w)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    // An unmatched emphasis mark left at a word's edge ("***bare-metal**" in a source).
    .replace(/(^|[\s(])\*+(?=\S)/g, "$1")
    .replace(/(\S)\*+(?=[\s).,;:]|$)/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1")
    .replace(/[ \t]+/g, " ")
    .trim();
}

function isHeading(block: string): boolean {
  const lines = block.split("\n");
  const first = lines[0]?.trim() ?? "";
  if (first.startsWith("#")) return lines.length === 1;
  if (lines.length !== 1) return false;
  if (/^([-*+]|\d+\.)\s/.test(first) || first.includes("](") || first.startsWith("!") || first.startsWith("<")) {
    return false;
  }
  const text = stripMarkup(first);
  if (text.length === 0 || /[.,;:]$/.test(text) || text.includes("@")) return false;
  return text.split(" ").length <= MAX_HEADING_WORDS;
}

function blocksOf(raw: string): string[] {
  let text = raw.replace(/\r\n?/g, "\n");
  text = text.replace(/^---\n[\s\S]*?\n---\n/, "");
  text = text.replace(/<!--[\s\S]*?-->/g, "");
  // Kramdown attribute lines such as "{:toc}" are layout, not text.
  text = text.replace(/^\{:[^}]*\}[ \t]*$/gm, "");
  // A Markdown heading ends its block even when no blank line follows it.
  text = text.replace(/^(#+ .*)$/gm, "\n$1\n");
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((block) => block.replace(/[ \t]+$/gm, "").replace(/^\n+|\n+$/g, ""))
    .filter((block) => block.trim().length > 0);
}

export function splitPassages(raw: string): Passage[] {
  const passages: Passage[] = [];
  const seen = new Map<string, number>();
  let heading = LEAD_HEADING;
  let paragraph = 0;
  // A list item in bold that ends a block labels the paragraph after it (a
  // provider's name above its description): it is shown with that paragraph.
  let label: string | undefined;
  for (const block of blocksOf(raw)) {
    if (isHeading(block)) {
      label = undefined;
      const text = stripMarkup(block);
      const occurrence = (seen.get(text) ?? 0) + 1;
      seen.set(text, occurrence);
      heading = occurrence === 1 ? text : `${text} #${occurrence}`;
      paragraph = 0;
      continue;
    }
    paragraph += 1;
    const lines = block.split("\n");
    const last = lines.at(-1) ?? "";
    const trailingLabel = lines.length > 1 && /^\s*[-*+]\s+(\*\*|__)[^*_]+\1\s*$/.test(last);
    if (trailingLabel) lines.pop();
    if (label !== undefined) lines.unshift(label);
    label = trailingLabel ? last : undefined;
    passages.push({
      heading,
      paragraph,
      locator: formatLocator(heading, paragraph),
      text: lines.map((line) => readableText(line)).join("\n"),
    });
  }
  return passages;
}
