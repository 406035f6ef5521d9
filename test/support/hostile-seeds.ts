/** A copy of the seeds plus one concept whose name and summary are hostile HTML. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyOfSeeds } from "./seed-paths.ts";

export const HOSTILE_NAME = `<script>alert("name")</script>Evil`;
export const HOSTILE_SUMMARY = `"><img src=x onerror=alert(1)> & more`;

export function hostileSeeds(): string {
  const dir = copyOfSeeds();
  writeFileSync(
    join(dir, "concepts/zz-hostile.yaml"),
    `- slug: hostile-test
  name: ${JSON.stringify(HOSTILE_NAME)}
  kind: technology
  summary: ${JSON.stringify(HOSTILE_SUMMARY)}
  description: Exists only in tests, to prove that text is never treated as markup.
  cite: ["003: 2 minute read ¶2"]
  relations:
    - { type: is-a, to: virtualization, cite: "003: 2 minute read ¶2" }
`,
  );
  return dir;
}
