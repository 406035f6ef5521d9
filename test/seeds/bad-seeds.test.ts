/**
 * A content editor's mistakes: each gives an error naming the file and the
 * entry, and a failed seed leaves the database exactly as it was.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../server/seed/ensure-seeded.ts";
import { loadSeeds, SeedValidationError } from "../../server/seed/load-seeds.ts";
import { copyOfSeeds, SEEDS_DIR, SOURCES_DIR } from "../support/seed-paths.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`test edit did not change ${file}`);
  writeFileSync(path, after);
}

function problemsOf(seedsDir: string, sourcesDir?: string): string[] {
  try {
    loadSeeds({ seedsDir, sourcesDir });
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe("seed validation errors", () => {
  it("names an unknown slug in a relation, with the file, the concept and a suggestion", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/container-tools.yaml", (t) => t.replace("{ type: uses, to: docker-daemon,", "{ type: uses, to: docker-demon,"));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/container-tools\.yaml: concept "docker", relation \d+ \(uses → docker-demon\): unknown slug "docker-demon" \(did you mean "docker-daemon"\?\)/);
  });

  it("names a duplicate slug and where it was first defined", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/practices.yaml", (t) => t.replace("- slug: beaglebone", "- slug: raspberry-pi"));
    const problems = problemsOf(dir);
    expect(problems.some((p) => /practices\.yaml: duplicate slug "raspberry-pi" \(first defined in .*practices\.yaml\)/.test(p))).toBe(true);
  });

  it("refuses an entry without a citation", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/practices.yaml", (t) => t.replace(/(- slug: beaglebone[\s\S]*?)\n  cite: \[[^\]]*\]/, "$1"));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/practices\.yaml: concept "beaglebone" \(entry \d+\), cite: /);
  });

  it("refuses an empty citation list on a claim", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/container-tools.yaml", (t) => t.replace(/(id: secure-by-default[\s\S]*?cite: )\[[^\]]*\]/, "$1[]"));
    const problems = problemsOf(dir);
    expect(problems[0]).toMatch(/container-tools\.yaml: concept "rkt" \(entry \d+\), claims\[0\]\.cite: needs at least one citation/);
  });

  it("refuses a summary citation that is not among the concept's own", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/practices.yaml", (t) => t.replace(/(- slug: beaglebone[\s\S]*?\n  cite: \[[^\]]*\])/, '$1\n  summary_cite: ["000: Uses of VMs ¶2"]'));
    const problems = problemsOf(dir, SOURCES_DIR);
    expect(problems).toEqual([expect.stringMatching(/practices\.yaml: concept "beaglebone": summary_cite "000: Uses of VMs ¶2" is not among its cite/)]);
  });

  it("names an unknown relation type", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/virtual-machines.yaml", (t) => t.replace("{ type: instance-of, to: type-1-hypervisor, cite: \"000: VM tools ¶2\" }\n    - { type: made-by, to: microsoft", "{ type: instanse-of, to: type-1-hypervisor, cite: \"000: VM tools ¶2\" }\n    - { type: made-by, to: microsoft"));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/virtual-machines\.yaml: concept "hyper-v", relation 1 \(instanse-of → type-1-hypervisor\): unknown relation type "instanse-of" \(did you mean "instance-of"\?\)/);
  });

  it.runIf(SOURCES_DIR)("names a locator that does not resolve in its source (skipped without ../shared/sources)", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/container-tools.yaml", (t) => t.replace('cite: ["002: Popular container providers ¶3"]\n  relations:', 'cite: ["002: Popular container providers ¶9"]\n  relations:'));
    edit(dir, "concepts/isolation.yaml", (t) => t.replace('"004: How are containers isolated? ¶6", "004: Why', '"004: How are containers separated? ¶6", "004: Why'));
    const problems = problemsOf(dir, SOURCES_DIR);
    expect(problems).toEqual([
      expect.stringMatching(/container-tools\.yaml: concept "rkt": citation "002: Popular container providers ¶9" does not resolve: "Popular container providers" has 4 paragraph\(s\), not ¶9/),
      expect.stringMatching(/isolation\.yaml: concept "cgroups": citation "004: How are containers separated\? ¶6" does not resolve: no heading "How are containers separated\?"/),
    ]);
  });

  it("names an unknown source and a malformed citation", () => {
    const dir = copyOfSeeds();
    const [first] = loadSeeds({ seedsDir: SEEDS_DIR }).concepts;
    writeFileSync(
      join(dir, "concepts/zz-miscited.yaml"),
      `- slug: miscited
  name: Miscited
  kind: ${first?.kind}
  summary: A concept whose citations are wrong.
  description: Exists only in this test.
  cite: ["009: Somewhere ¶1"]
  relations:
    - { type: ${loadSeeds({ seedsDir: SEEDS_DIR }).vocabulary.relation_types[0]?.slug}, to: ${first?.slug}, cite: "page two" }
`,
    );
    const problems = problemsOf(dir);
    expect(problems).toEqual([
      expect.stringMatching(/concept "miscited": citation "009: Somewhere ¶1": unknown source "009"/),
      expect.stringMatching(/concept "miscited", relation 1 \([a-z-]+ → [a-z0-9-]+\): citation "page two" is not of the form/),
    ]);
  });

  it("reports a YAML syntax error with its line", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/isolation.yaml", (t) => t.replace("  kind: kernel-feature\n", "  kind: [kernel-feature\n"));
    const problems = problemsOf(dir);
    expect(problems[0]).toMatch(/isolation\.yaml:\d+: YAML syntax error/);
  });

  it("names an unknown kind, aspect and a field that is not part of the format", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/container-tools.yaml", (t) => t.replace("  kind: image-builder\n  aliases: [kaniko]", "  kind: image-bilder\n  aliases: [kaniko]\n  colour: blue"));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/container-tools\.yaml: concept "kaniko" \(entry \d+\): Unrecognized key: "colour"/)]);
    edit(dir, "concepts/container-tools.yaml", (t) => t.replace("\n  colour: blue", "").replace("      aspect: daemon\n      value: free of any background daemon\n      polarity: pro\n      statement: >-\n        Kaniko", "      aspect: deamon\n      value: free of any background daemon\n      polarity: pro\n      statement: >-\n        Kaniko"));
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/concept "kaniko": unknown kind "image-bilder" \(did you mean "image-builder"\?\)/),
      expect.stringMatching(/concept "kaniko", claim "daemon" \(entry 1\): unknown aspect "deamon" \(did you mean "daemon"\?\)/),
    ]);
  });

  it("refuses an outdated note longer than a sentence or two", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/container-tools.yaml", (t) => t.replace("outdated: CRI-O has since matured", `outdated: ${"Still true. ".repeat(50)}CRI-O has since matured`));
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/container-tools\.yaml: concept "cri-o" \(entry \d+\), claims\[\d+\]\.outdated: must be a sentence or two, at most 500 characters/);
  });

  it("lists every problem at once", () => {
    const dir = copyOfSeeds();
    edit(dir, "concepts/container-tools.yaml", (t) => t.replace("to: docker-daemon,", "to: nowhere-1,").replace("to: kubernetes,", "to: nowhere-2,"));
    expect(problemsOf(dir)).toHaveLength(2);
  });
});

describe("a failed seed", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db, { seedsDir: SEEDS_DIR, sourcesDir: SOURCES_DIR });
  });
  afterAll(() => database.drop());

  it("changes nothing in the database", async () => {
    const snapshot = async () =>
      database.db.execute(sql`select (select count(*) from concepts) as concepts, (select count(*) from relations) as relations,
        (select string_agg(summary, '|' order by slug) from concepts) as summaries, (select hash from seed_state where id = 'graph') as hash`);
    const before = JSON.stringify(await snapshot());
    const dir = copyOfSeeds();
    edit(dir, "concepts/virtualization.yaml", (t) => t.replace("Making software stand-ins", "CHANGED").replace("to: hardware-virtualization,", "to: missing-concept,"));
    await expect(seed(database.db, { seedsDir: dir, sourcesDir: SOURCES_DIR })).rejects.toThrow(SeedValidationError);
    expect(JSON.stringify(await snapshot())).toBe(before);
  });
});
