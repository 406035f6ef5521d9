/** Runs the real server (`server/main.ts`) in a child process, as `npm start` would. */
import { spawn } from "node:child_process";

export interface SpawnedServer {
  url: string;
  /** The server's process id (with WORKERS=0, the one process that serves). */
  pid: number | undefined;
  output: () => string;
  /** Resolves with the output once it matches, or fails after the timeout. */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  /** SIGTERM, then the exit code once the server has shut down. */
  stop: () => Promise<number | null>;
}

export async function spawnServer(
  env: Record<string, string>,
  options: { inheritErrors?: boolean; /** Sees the output so far as it grows, before the server listens too. */ onOutput?: (output: string) => void } = {},
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", options.inheritErrors ? "inherit" : "pipe"],
  });
  let output = "";
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    options.onOutput?.(output);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    child.stdout?.on("data", () => {
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid,
    output: () => output,
    waitForOutput: (pattern, timeoutMs = 60_000) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return false;
          clearTimeout(timer);
          child.stdout?.off("data", check);
          resolve(output);
          return true;
        };
        const timer = setTimeout(() => {
          child.stdout?.off("data", check);
          reject(new Error(`no ${pattern} in the server's output:\n${output}`));
        }, timeoutMs);
        if (!check()) child.stdout?.on("data", check);
      }),
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
