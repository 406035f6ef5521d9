// @ts-check
/**
 * `npm start`: runs the server from its prebuilt bundle (dist/server/main.js, see build-server.mjs)
 * with plain node, rebuilding it first when any file it was built from changed since, so a stale
 * bundle never runs. The build runs in a child process, so this one never loads esbuild (whose
 * service process would otherwise live as long as the server). Worker processes (cluster.fork runs
 * this file again) skip the check: the primary made sure before it started them.
 */
import { execFileSync } from "node:child_process";
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import { bundleEntry, bundleIsFresh } from "./build-server.mjs";

if (cluster.isPrimary && !bundleIsFresh()) {
  console.log("server bundle missing or older than its sources: building it");
  execFileSync(process.execPath, [fileURLToPath(new URL("./build-server.mjs", import.meta.url))], { stdio: ["ignore", "inherit", "inherit"] });
}
await import(bundleEntry());
