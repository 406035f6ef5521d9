/** GET /decks/<deck id>/anki.csv: download a deck for Anki. */
import { ankiCsv } from "../study/flashcards/anki-csv.ts";
import { deckCards, UnknownDeckError } from "../study/flashcards/decks.ts";
import type { StudyGraphs } from "../study/study-graphs.ts";

export async function ankiCsvResponse(study: StudyGraphs, deck: string): Promise<Response> {
  try {
    const graph = await study.forDeck(deck);
    const csv = ankiCsv(deckCards(graph, deck), (subject) => graph.concept.get(subject)?.kind ?? "concept");
    const filename = `graphdeck-${deck.replace(/[^a-z0-9-]+/gi, "-")}.csv`;
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "public, max-age=300",
        "access-control-allow-origin": "*",
      },
    });
  } catch (error) {
    if (!(error instanceof UnknownDeckError)) throw error;
    return new Response(JSON.stringify({ error: error.message }), { status: 404, headers: { "content-type": "application/json; charset=utf-8" } });
  }
}
