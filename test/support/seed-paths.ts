/** Where the real seeds and sources are, and a throw-away copy of the seeds to break. */
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const SEEDS_DIR = resolve("seeds");
const sources = resolve(process.env.SOURCES_DIR || "../shared/sources");
/** The source documents, when this checkout has them beside it (CI does). */
export const SOURCES_DIR: string | undefined = existsSync(sources) ? sources : undefined;

export function copyOfSeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), "graphdeck-seeds-"));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  return dir;
}
