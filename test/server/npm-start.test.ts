/**
 * `npm start`, as the README runs it: it serves, and stopping it (as a
 * process manager does, by signalling npm) leaves no process behind holding
 * the port.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

it("serves, and leaves nothing holding the port once npm is stopped", { timeout: 120_000 }, async () => {
  const env = { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: mkdtempSync(join(tmpdir(), "graphdeck-start-")), DATABASE_URL: "" };
  const npm = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in time:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    npm.stdout.on("data", read);
    npm.stderr.on("data", read);
  });
  const health = await fetch(`http://127.0.0.1:${port}/health`);
  expect(health.status).toBe(200);

  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  npm.kill("SIGTERM");
  await exited;
  // The server shuts down gracefully; give it a moment, then nothing may answer on its port.
  let answering = true;
  for (let i = 0; i < 40 && answering; i++) {
    answering = await portAnswers(port);
    if (answering) await new Promise((r) => setTimeout(r, 250));
  }
  expect(answering, output).toBe(false);
});
