/**
 * Runs after `npm run codegen` writes the web app's typed documents (a hook in codegen.ts):
 * marks each `new TypedDocumentString(…)` as pure, so bundlers drop the operations a chunk
 * does not use (the client preset's string mode leaves them unmarked), and writes each
 * operation on one line, as the app sends it. Only documents without string literals are
 * compacted, so no value inside quotes can change.
 */
import { readFileSync, writeFileSync } from "node:fs";

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const finished = text.replace(/= (?:\/\*#__PURE__\*\/ )?new TypedDocumentString\(`([^`]*)`/g, (_match, document: string) => {
    const compact = document.includes('"') ? document : document.replace(/\s+/g, " ").trim();
    return `= /*#__PURE__*/ new TypedDocumentString(\`${compact}\``;
  });
  if (finished !== text) writeFileSync(file, finished);
}
