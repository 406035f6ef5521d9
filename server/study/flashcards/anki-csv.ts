/**
 * A deck as CSV that Anki imports (File → Import): front, back and tags, with
 * Anki's header lines so the columns and separator need no setting by hand.
 */
import type { Flashcard } from "./generate-flashcards.ts";

function field(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function ankiCsv(cards: Iterable<Flashcard>, kindOf: (subject: string) => string): string {
  const lines = ["#separator:Comma", "#html:false", "#columns:Front,Back,Tags", "#tags column:3"];
  for (const card of cards) {
    // Anki tags are space-separated words.
    const tags = ["graphdeck", `graphdeck::${card.type}`, `graphdeck::${kindOf(card.subject)}`].join(" ");
    lines.push([field(card.front), field(`${card.back}\n\n${card.explanation}`), field(tags)].join(","));
  }
  return `${lines.join("\n")}\n`;
}
