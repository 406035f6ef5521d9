/**
 * Passages are stored and shown as a reader of the page sees them: link text
 * without the address, no emphasis marks, no layout attributes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readableText, splitPassages } from "../../server/seed/split-passages.ts";
import { SOURCES_DIR } from "../support/seed-paths.ts";

describe("passages as text", () => {
  it("keeps link and image text, drops addresses, emphasis, code marks and attributes", () => {
    expect(readableText('Read the **second part** on my [blog](https://example.com/a_b){:target="\\_blank"}.')).toBe(
      "Read the second part on my blog.",
    );
    expect(readableText("Run `docker run` with _care_; snake_case and 2*3*4 stay.")).toBe("Run docker run with care; snake_case and 2*3*4 stay.");
    expect(readableText("![A diagram of layers]({{ site.url }}/layers.png){:.img-fluid}")).toBe("A diagram of layers");
    expect(readableText("**Bold with a space before the close. **")).toBe("Bold with a space before the close.");
    expect(readableText("- **Kind one** (or ***plain kind**) for example")).toBe("- Kind one (or plain kind) for example");
  });

  it("shows a bold list item that closes a paragraph with the paragraph it names, keeping the numbering", () => {
    const raw = "Providers\n\n- **Alpha**\n\nAlpha runs things.\n - **Beta**\n\nBeta runs other things.\n";
    const passages = splitPassages(raw);
    expect(passages.map((p) => [p.locator, p.text])).toEqual([
      ["Providers ¶1", "- Alpha"],
      ["Providers ¶2", "Alpha runs things."],
      ["Providers ¶3", "- Beta\nBeta runs other things."],
    ]);
  });

  it.skipIf(!SOURCES_DIR)("leaves no Markdown in any passage of the real sources (skipped without ../shared/sources beside the checkout)", () => {
    const dir = SOURCES_DIR as string;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
      const passages = splitPassages(readFileSync(join(dir, file), "utf8"));
      expect(passages.length, file).toBeGreaterThan(5);
      for (const p of passages) {
        expect(p.text, `${file} ${p.locator}`).not.toMatch(/\]\(|\*|\{:|`|\\_/);
        expect(p.text.trim().length, `${file} ${p.locator}`).toBeGreaterThan(0);
      }
      expect(new Set(passages.map((p) => p.locator)).size).toBe(passages.length);
    }
  });
});
