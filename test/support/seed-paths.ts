/** Where the real seeds and sources are, and a throw-away copy of the seeds to break. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import type { ConceptEntry } from "../../server/seed/seed-format.ts";

export const SEEDS_DIR = resolve("seeds");
const sources = resolve(process.env.SOURCES_DIR || "../shared/sources");
/** The source documents, when this checkout has them beside it (CI does). */
export const SOURCES_DIR: string | undefined = existsSync(sources) ? sources : undefined;

export function copyOfSeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), "graphdeck-seeds-"));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  return dir;
}

/** A throw-away copy of the seeds with every concept entry, file by file in order, passed to `edit`, which may change it. */
export function copyOfSeedsWith(edit: (concept: ConceptEntry) => void): string {
  const dir = copyOfSeeds();
  for (const file of readdirSync(join(dir, "concepts"))) {
    const path = join(dir, "concepts", file);
    const concepts = parse(readFileSync(path, "utf8")) as ConceptEntry[];
    concepts.forEach(edit);
    writeFileSync(path, stringify(concepts));
  }
  return dir;
}
