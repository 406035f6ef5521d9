/**
 * A PostgreSQL cluster of a test's own (initdb into a temporary folder, on a free
 * port), so a test may stop and restart it without touching the machine's shared
 * server. Runs the binaries as the `postgres` user when the test runs as root.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

export const postgresBinDir = BIN_DIRS.find((dir) => existsSync(join(dir, "initdb")));

export interface PrivatePostgres {
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: every connection is cut, the server back when this resolves. */
  restart(): Promise<void>;
  stop(): void;
  start(): void;
  destroy(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!postgresBinDir) throw new Error("no PostgreSQL binaries found");
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(postgresBinDir, command), ...args]] : [join(postgresBinDir, command), args];
    const result = spawnSync(file as string, argv as string[], { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  const dir = mkdtempSync(join(tmpdir(), "graphdeck-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, "data");
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const ctl = (...args: string[]) => run("pg_ctl", ["-D", dataDir, "-o", options, "-l", join(dir, "log"), "-w", "-t", "30", ...args]);
  ctl("start");
  // Asynchronous, so the test keeps loading the server while PostgreSQL is down.
  const ctlAsync = (...args: string[]) =>
    new Promise<void>((resolvePromise, reject) => {
      const argv = ["-D", dataDir, "-o", options, "-l", join(dir, "log"), "-w", "-t", "30", ...args];
      const [file, full] = asRoot ? ["runuser", ["-u", "postgres", "--", join(postgresBinDir, "pg_ctl"), ...argv]] : [join(postgresBinDir, "pg_ctl"), argv];
      execFile(file as string, full as string[], { timeout: 60_000 }, (error) => (error ? reject(error) : resolvePromise()));
    });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: () => ctlAsync("restart", "-m", "fast"),
    stop: () => ctl("stop", "-m", "fast"),
    start: () => ctl("start"),
    destroy: () => {
      try {
        ctl("stop", "-m", "immediate");
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
