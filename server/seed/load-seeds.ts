/**
 * Reads seeds/ and checks it whole: every problem is reported at once, each
 * naming the file and the entry, so a content editor can fix them in one pass.
 * The result is a graph with every reference resolved, ready to write.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import {
  conceptEntry,
  sourceEntry,
  vocabularyFile,
  type ConceptEntry,
  type SourceEntry,
  type VocabularyFile,
} from "./seed-format.ts";
import { parseLocator, readSourceDocument, resolveLocator, type SourceDocument } from "./source-documents.ts";

export interface Citation {
  sourceId: string;
  /** Canonical "Heading ¶N" when the sources were read, else as written. */
  locator: string;
}

export interface SeedConcept {
  slug: string;
  name: string;
  kind: string;
  aliases: string[];
  noun: string | undefined;
  nounPlural: string | undefined;
  plural: boolean;
  uncountable: boolean;
  summary: string;
  clue: string | undefined;
  description: string;
  citations: Citation[];
  /** Those of `citations` the summary rests on (all of them unless the seeds say which). */
  summaryCitations: Citation[];
}

export interface SeedRelation {
  type: string;
  from: string;
  to: string;
  citations: Citation[];
  outdated: string | undefined;
}

export interface SeedClaim {
  key: string;
  concept: string;
  statement: string;
  polarity: "pro" | "con" | "neutral";
  aspect: string | undefined;
  value: string | undefined;
  citations: Citation[];
  outdated: string | undefined;
}

export interface SeedGraph {
  sources: SourceEntry[];
  vocabulary: VocabularyFile;
  concepts: SeedConcept[];
  relations: SeedRelation[];
  claims: SeedClaim[];
  /** Present when the source documents were available. */
  documents: SourceDocument[] | undefined;
}

export class SeedValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The seeds have ${problems.length} problem(s):\n${problems.map((p) => `- ${p}`).join("\n")}`);
    this.name = "SeedValidationError";
  }
}

export interface LoadOptions {
  seedsDir: string;
  sourcesDir?: string | undefined;
}

/** Every file that makes up the seeds, in a stable order (also what the seed hash covers). */
export function seedFiles(seedsDir: string): string[] {
  const conceptsDir = join(seedsDir, "concepts");
  const conceptFiles = existsSync(conceptsDir)
    ? readdirSync(conceptsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(conceptsDir, f))
    : [];
  return [join(seedsDir, "sources.yaml"), join(seedsDir, "vocabulary.yaml"), ...conceptFiles];
}

function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

function unknown(what: string, value: string, known: Iterable<string>): string {
  const hint = closest(value, known);
  return `unknown ${what} "${value}"${hint ? ` (did you mean "${hint}"?)` : ""}`;
}

export function loadSeeds(options: LoadOptions): SeedGraph {
  const problems: string[] = [];
  const name = (file: string) => relative(process.cwd(), file) || file;

  /** Parses a YAML file; syntax errors are reported with their line. */
  function readYaml(file: string): unknown {
    if (!existsSync(file) || !statSync(file).isFile()) {
      problems.push(`${name(file)}: file is missing`);
      return undefined;
    }
    const doc = parseDocument(readFileSync(file, "utf8"));
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const line = error.linePos?.[0]?.line;
        problems.push(`${name(file)}${line ? `:${line}` : ""}: YAML syntax error: ${error.message.split("\n")[0]}`);
      }
      return undefined;
    }
    return doc.toJS();
  }

  function check<T>(file: string, schema: z.ZodType<T>, data: unknown, describe: (path: PropertyKey[]) => string): T | undefined {
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) problems.push(`${name(file)}: ${describe(issue.path)}: ${issue.message}`);
    return undefined;
  }

  /**
   * Checks a file that is a list of entries one entry at a time, so that one bad
   * entry is reported alone instead of hiding the rest of its file.
   * Returns the valid entries and the keys of all entries, valid or not.
   */
  function readEntries<T>(file: string, schema: z.ZodType<T>, noun: string, key: string): { valid: T[]; keys: string[] } {
    const data = readYaml(file);
    if (data === undefined) return { valid: [], keys: [] };
    if (!Array.isArray(data)) {
      problems.push(`${name(file)}: must be a list of ${noun} entries, each starting with "- "`);
      return { valid: [], keys: [] };
    }
    const valid: T[] = [];
    const keys: string[] = [];
    data.forEach((entry: unknown, index) => {
      const id = entry && typeof entry === "object" && key in entry ? String((entry as Record<string, unknown>)[key]) : undefined;
      if (id !== undefined) keys.push(id);
      const label = `${noun}${id !== undefined ? ` "${id}"` : ""} (entry ${index + 1})`;
      const checked = check(file, schema, entry, (path) => {
        const field = path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
        return field ? `${label}, ${field}` : label;
      });
      if (checked !== undefined) valid.push(checked);
    });
    return { valid, keys };
  }

  const [sourcesPath, vocabularyPath, ...conceptPaths] = seedFiles(options.seedsDir) as [string, string, ...string[]];
  const sources = readEntries(sourcesPath, sourceEntry, "source", "id").valid;
  const vocabularyData = readYaml(vocabularyPath);
  const vocabulary =
    vocabularyData === undefined ? undefined : check(vocabularyPath, vocabularyFile, vocabularyData, (path) => path.join(".") || "top level");
  if (conceptPaths.length === 0) problems.push(`${name(join(options.seedsDir, "concepts"))}: no concept files (*.yaml)`);

  // Vocabulary and sources: unique keys.
  const duplicates = (file: string, noun: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`${name(file)}: duplicate ${noun} "${key}"`);
      seen.add(key);
    }
    return seen;
  };
  const sourceIds = duplicates(sourcesPath, "source id", sources.map((s) => s.id));
  const kindSlugs = duplicates(vocabularyPath, "kind", vocabulary?.kinds.map((k) => k.slug) ?? []);
  const relationTypes = duplicates(vocabularyPath, "relation type", vocabulary?.relation_types.map((r) => r.slug) ?? []);
  const aspectSlugs = duplicates(vocabularyPath, "aspect", vocabulary?.aspects.map((a) => a.slug) ?? []);

  // Source documents, when available, so that every locator can be resolved.
  let documents: Map<string, SourceDocument> | undefined;
  if (options.sourcesDir) {
    documents = new Map();
    for (const source of sources) {
      const path = join(options.sourcesDir, source.file);
      if (!existsSync(path)) {
        problems.push(`${name(sourcesPath)}: source "${source.id}": file ${source.file} not found in ${options.sourcesDir}`);
        continue;
      }
      documents.set(source.id, readSourceDocument(options.sourcesDir, source.id, source.file));
    }
  }

  // Concepts: read every file first, so relations may point at concepts in any file.
  const entries: { file: string; entry: ConceptEntry }[] = [];
  const conceptFile = new Map<string, string>();
  const invalidSlugs = new Set<string>();
  for (const file of conceptPaths) {
    const { valid, keys } = readEntries(file, conceptEntry, "concept", "slug");
    // An invalid entry is already reported; relations pointing at it are not errors of their own.
    for (const key of keys) if (!valid.some((entry) => entry.slug === key)) invalidSlugs.add(key);
    for (const entry of valid) {
      const first = conceptFile.get(entry.slug);
      if (first) {
        problems.push(`${name(file)}: duplicate slug "${entry.slug}" (first defined in ${name(first)})`);
        continue;
      }
      conceptFile.set(entry.slug, file);
      entries.push({ file, entry });
    }
  }

  const citationsOf = (where: string, cite: string | string[]): Citation[] => {
    const result: Citation[] = [];
    for (const raw of Array.isArray(cite) ? cite : [cite]) {
      const match = /^([^:\s]+):\s*(.+)$/.exec(raw.trim());
      const locator = match?.[2] ? parseLocator(match[2]) : undefined;
      if (!match?.[1] || !locator) {
        problems.push(`${where}: citation "${raw}" is not of the form "<source id>: <Heading> ¶<paragraph>"`);
        continue;
      }
      const sourceId = match[1];
      if (!sourceIds.has(sourceId)) {
        problems.push(`${where}: citation "${raw}": ${unknown("source", sourceId, sourceIds)}`);
        continue;
      }
      const doc = documents?.get(sourceId);
      if (!doc) {
        result.push({ sourceId, locator: `${locator.heading} ¶${locator.paragraph}` });
        continue;
      }
      const resolved = resolveLocator(doc, locator);
      if ("error" in resolved) {
        problems.push(`${where}: citation "${raw}" does not resolve: ${resolved.error}`);
        continue;
      }
      result.push({ sourceId, locator: resolved.passage.locator });
    }
    return result;
  };

  const concepts: SeedConcept[] = [];
  const relations: SeedRelation[] = [];
  const claims: SeedClaim[] = [];
  const relationKeys = new Set<string>();
  for (const { file, entry } of entries) {
    const where = `${name(file)}: concept "${entry.slug}"`;
    if (!kindSlugs.has(entry.kind)) problems.push(`${where}: ${unknown("kind", entry.kind, kindSlugs)}`);
    const cited = citationsOf(where, entry.cite);
    const key = (c: Citation) => `${c.sourceId}: ${c.locator}`;
    let summaryCitations = cited;
    if (entry.summary_cite !== undefined) {
      const listed = new Set(citationsOf(`${where}, summary_cite`, entry.summary_cite).map(key));
      summaryCitations = cited.filter((c) => listed.has(key(c)));
      // Each must be one of the concept's own: the summary is part of what the concept's citations back.
      const own = new Set(cited.map(key));
      for (const listedKey of listed) if (!own.has(listedKey)) problems.push(`${where}: summary_cite "${listedKey}" is not among its cite`);
    }
    concepts.push({
      slug: entry.slug,
      name: entry.name,
      kind: entry.kind,
      aliases: entry.aliases,
      noun: entry.noun,
      nounPlural: entry.noun_plural,
      plural: entry.plural,
      uncountable: entry.uncountable,
      summary: entry.summary,
      clue: entry.clue,
      description: entry.description,
      citations: cited,
      summaryCitations,
    });
    entry.relations.forEach((relation, i) => {
      const at = `${where}, relation ${i + 1} (${relation.type} → ${relation.to})`;
      if (!relationTypes.has(relation.type)) problems.push(`${at}: ${unknown("relation type", relation.type, relationTypes)}`);
      if (!conceptFile.has(relation.to) && !invalidSlugs.has(relation.to)) problems.push(`${at}: ${unknown("slug", relation.to, conceptFile.keys())}`);
      if (relation.to === entry.slug) problems.push(`${at}: a concept cannot relate to itself`);
      const key = `${relation.type} ${entry.slug} ${relation.to}`;
      if (relationKeys.has(key)) problems.push(`${at}: duplicate relation`);
      relationKeys.add(key);
      relations.push({ type: relation.type, from: entry.slug, to: relation.to, citations: citationsOf(at, relation.cite), outdated: relation.outdated });
    });
    const claimIds = new Set<string>();
    entry.claims.forEach((claim, i) => {
      const at = `${where}, claim "${claim.id}" (entry ${i + 1})`;
      if (claimIds.has(claim.id)) problems.push(`${at}: duplicate claim id`);
      claimIds.add(claim.id);
      if (claim.aspect !== undefined && !aspectSlugs.has(claim.aspect)) problems.push(`${at}: ${unknown("aspect", claim.aspect, aspectSlugs)}`);
      if (claim.value !== undefined && claim.aspect === undefined) problems.push(`${at}: a value needs an aspect`);
      claims.push({
        key: `${entry.slug}/${claim.id}`,
        concept: entry.slug,
        statement: claim.statement,
        polarity: claim.polarity,
        aspect: claim.aspect,
        value: claim.value,
        citations: citationsOf(at, claim.cite),
        outdated: claim.outdated,
      });
    });
  }

  if (problems.length > 0 || !vocabulary) throw new SeedValidationError(problems);
  return {
    sources,
    vocabulary,
    concepts,
    relations,
    claims,
    documents: documents ? [...documents.values()] : undefined,
  };
}
