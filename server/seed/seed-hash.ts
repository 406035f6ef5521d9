/** A fingerprint of everything a seed reads, so start-up re-seeds only when it changed. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { seedFiles } from "./load-seeds.ts";

// Bump when the way seeds are written to the database changes, to force one re-seed.
const SEED_FORMAT_VERSION = "8"; // 3: passages as text; outdated notes; sentence patterns. 4: list labels move to their paragraph. 5: comparative aspects, clues. 6: aspect themes. 7: relation types say whether flashcards ask them. 8: aspect families

export function seedHash(seedsDir: string, sourcesDir: string | undefined): string {
  const hash = createHash("sha256").update(`format ${SEED_FORMAT_VERSION}\n`);
  const files = seedFiles(seedsDir);
  for (const file of files) {
    hash.update(`seed ${basename(file)}\n`);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  if (sourcesDir && existsSync(files[0] as string)) {
    // The documents the seeds cite are part of what gets stored (passages, canonical locators).
    const listed: unknown = parse(readFileSync(files[0] as string, "utf8"));
    for (const entry of Array.isArray(listed) ? listed : []) {
      const file = typeof entry === "object" && entry && "file" in entry ? String(entry.file) : "";
      const path = join(sourcesDir, file);
      hash.update(`source ${file}\n`);
      if (file && existsSync(path)) hash.update(readFileSync(path));
    }
  }
  return hash.digest("hex");
}
