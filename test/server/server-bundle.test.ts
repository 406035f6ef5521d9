/**
 * `npm start` runs the server from a prebuilt bundle (scripts/build-server.mjs), not through tsx:
 * the bundle knows when it is stale, and the bundled server finds its schema, migrations and web
 * assets (paths built from import.meta.url) and loads GraphiQL only when asked for it.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildServer, bundleIsFresh } from "../../scripts/build-server.mjs";

const scratch = mkdtempSync(join(tmpdir(), "graphdeck-bundle-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the server bundle", () => {
  it("is fresh once built, and stale when a file it was built from changes or it is missing", { timeout: 60_000 }, async () => {
    const outDir = join(scratch, "server");
    expect(bundleIsFresh(outDir)).toBe(false);
    await buildServer({ outDir, quiet: true });
    expect(existsSync(join(outDir, "main.js"))).toBe(true);
    expect(bundleIsFresh(outDir)).toBe(true);
    // The manifest records a hash per source file: one that no longer matches makes it stale.
    const manifestPath = join(outDir, "inputs.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(["server/main.ts", "server/http/create-server.ts", "schema/index.ts", "package.json"]));
    manifest.files["server/main.ts"] = "not-the-hash";
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(bundleIsFresh(outDir)).toBe(false);
  });

  it("serves the API, the app and GraphiQL as npm start runs it, its worker with the heap flags", { timeout: 120_000 }, async () => {
    // PGlite: one worker under the supervising primary.
    const env = { ...process.env, PORT: "0", HOST: "127.0.0.1", WORKERS: "", DATABASE_URL: "", DATA_DIR: join(scratch, "data") };
    const child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line in time:\n${output}`)), 90_000);
        void exited.then(() => reject(new Error(`the server exited:\n${output}`)));
        child.stdout.on("data", () => {
          const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      // Not through tsx: the processes run the bundle; the worker with V8's heap limits (see server/main.ts).
      expect(readFileSync(`/proc/${child.pid}/cmdline`, "utf8")).not.toContain("tsx");
      const workers = execFileSync("ps", ["-o", "pid=", "--ppid", String(child.pid)], { encoding: "utf8" }).split(/\s+/).filter(Boolean);
      expect(workers).toHaveLength(1);
      const workerCommand = readFileSync(`/proc/${workers[0]}/cmdline`, "utf8").split("\0");
      expect(workerCommand).toEqual(expect.arrayContaining(["--max-old-space-size=1024", "--max-semi-space-size=4"]));
      // Migrations (migrations/) applied and the SDL (schema/schema.graphql) read: the API answers.
      const api = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ concept(slug: "docker") { name } }` }) });
      expect(await api.json()).toEqual({ data: { concept: { name: "Docker" } } });
      // GraphiQL's bundle, loaded on demand.
      const graphiql = await fetch(`${url}/graphql`, { headers: { accept: "text/html" } });
      expect(graphiql.status).toBe(200);
      expect(await graphiql.text()).toContain("YogaGraphiQL");
      // The web app from dist/, when it has been built.
      if (existsSync("dist/app/index.html")) {
        const app = await fetch(`${url}/`);
        expect(app.status).toBe(200);
        expect(await app.text()).toContain("<!doctype html>");
      }
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
  });
});
