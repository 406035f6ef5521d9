/** Links passages to the concepts they name, by a concept's name or any alias. */

export interface NamedConcept {
  id: number;
  names: string[];
}

export interface Mention {
  passageId: number;
  conceptId: number;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wholeWords(names: string[], flags: string): RegExp | undefined {
  if (names.length === 0) return undefined;
  // Whole words only: "image" must not match inside "imagery".
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join("|")})(?![\\p{L}\\p{N}])`, flags);
}

function patternsFor(names: string[]): RegExp[] {
  return [
    wholeWords(names.filter((n) => n.length >= 3), "iu"),
    // Two-letter names ("VM") count only in their exact case, so stray lower-case letters do not.
    wholeWords(names.filter((n) => n.length === 2), "u"),
  ].filter((p): p is RegExp => p !== undefined);
}

export function findMentions(passages: { id: number; text: string }[], concepts: NamedConcept[]): Mention[] {
  const matchers = concepts.map((c) => ({ id: c.id, patterns: patternsFor(c.names) }));
  const mentions: Mention[] = [];
  for (const passage of passages) {
    const text = passage.text.replace(/\u2019/g, "'");
    for (const { id, patterns } of matchers) {
      if (patterns.some((p) => p.test(text))) mentions.push({ passageId: passage.id, conceptId: id });
    }
  }
  return mentions;
}
