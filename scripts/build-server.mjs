// @ts-check
/**
 * The server as one prebuilt ES module bundle (plus lazily loaded chunks) in dist/server/, which
 * `npm start` runs with plain node. Running the TypeScript through tsx instead cost 70-90 MB of
 * resident memory per process (its loader hooks and esbuild's transform service stay loaded), and
 * every worker paid it.
 *
 * `node scripts/build-server.mjs` builds it (`npm run build`, and so `npm install`, does).
 * `bundleIsFresh()` says whether the bundle was built from exactly the sources on disk now: the
 * build records a SHA-256 of every file it read (esbuild's metafile lists them), so any edit,
 * checkout or new import shows, whatever the files' modification times say.
 *
 * Plain JavaScript: it has to run before anything can compile TypeScript.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/**
 * Two levels under the repository, like server/main.ts: the sources' `new URL("../../schema/…",
 * import.meta.url)` paths resolve to the same files from the bundle. dist/ is not served whole
 * (only dist/app and dist/embed), so the server's code is not published.
 */
export const OUT_DIR = join(ROOT, "dist", "server");
export const ENTRY = "server/main.ts";
const MANIFEST = "inputs.json";
/** Files that change how the sources compile without being read as sources themselves. */
const SETTINGS_FILES = ["package.json", "tsconfig.json", "scripts/build-server.mjs"];
/**
 * Bumped when the manifest's shape changes, so an old one counts as stale.
 * @type {number}
 */
const MANIFEST_VERSION = 1;

/** @param {string} path */
function sha256(path) {
  return createHash("sha256").update(readFileSync(path)).digest("base64url");
}

/**
 * @typedef {{ version: number, esbuild: string, files: Record<string, string> }} Manifest
 */

/**
 * Builds the bundle into `outDir` (dist/server by default), replacing what was there only once the
 * new one is complete: a server starting meanwhile runs the old bundle or the new, never half of one.
 * @param {{ outDir?: string, quiet?: boolean }} [options]
 */
export async function buildServer(options = {}) {
  const outDir = options.outDir ?? OUT_DIR;
  // Loaded only to build: a server starting from a fresh bundle never loads esbuild.
  const esbuild = await import("esbuild");
  const staging = `${outDir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  /** @type {import("esbuild").BuildResult<{ metafile: true }>} */
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [ENTRY],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // node_modules stay where they are, loaded by node as usual: PGlite finds its WebAssembly and
      // data files beside its own modules, and nothing is bundled twice.
      packages: "external",
      // Dynamic imports stay lazy (PGlite's driver only with PGlite, the server only in workers): each
      // becomes a chunk, written beside main.js so every chunk's import.meta.url is two levels deep too.
      splitting: true,
      outdir: staging,
      metafile: true,
      // Written beside the code for debugging (node --enable-source-maps); never loaded otherwise.
      sourcemap: "linked",
      logLevel: options.quiet ? "error" : "warning",
    });
  } finally {
    // esbuild's service process would otherwise outlive the build in a process that goes on (a test).
    await esbuild.stop();
  }
  /** @type {Record<string, string>} */
  const files = {};
  for (const input of [...Object.keys(result.metafile.inputs), ...SETTINGS_FILES]) files[input] = sha256(join(ROOT, input));
  /** @type {Manifest} */
  const manifest = { version: MANIFEST_VERSION, esbuild: esbuild.version, files };
  writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
  if (!options.quiet) console.log(`server bundle: ${relative(ROOT, outDir)}/main.js from ${Object.keys(result.metafile.inputs).length} files`);
}

/**
 * Whether `outDir` holds a bundle built from the files on disk now (and by this build script).
 * @param {string} [outDir]
 */
export function bundleIsFresh(outDir = OUT_DIR) {
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), "utf8"));
  } catch {
    return false;
  }
  if (manifest.version !== MANIFEST_VERSION || !existsSync(join(outDir, "main.js"))) return false;
  for (const [path, hash] of Object.entries(manifest.files)) {
    const absolute = join(ROOT, path);
    if (!existsSync(absolute) || sha256(absolute) !== hash) return false;
  }
  return true;
}

/** The bundle's entry point, as a URL to import. */
export function bundleEntry(outDir = OUT_DIR) {
  return pathToFileURL(join(outDir, "main.js")).href;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
