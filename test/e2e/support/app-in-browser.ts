/**
 * One browser test file's set-up: the real server (on PGlite, in a data folder
 * of its own) and Chromium, started before the file's tests and stopped after;
 * `open` gives a page at a path, with the page's uncaught errors collected.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { SOURCES_DIR } from "../../support/seed-paths.ts";
import { spawnServer, type SpawnedServer } from "../../support/spawn-server.ts";
import { launchBrowser } from "./browser.ts";

export interface OpenPage {
  page: Page;
  errors: string[];
  close: () => Promise<void>;
}

export interface AppInBrowser {
  readonly app: SpawnedServer;
  readonly browser: Browser;
  open(path: string, options?: { width?: number; dark?: boolean }): Promise<OpenPage>;
}

export function useAppInBrowser(name: string): AppInBrowser {
  let app: SpawnedServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await spawnServer({ DATA_DIR: join(mkdtempSync(join(tmpdir(), `graphdeck-${name}-`)), ".data"), DATABASE_URL: "", SOURCES_DIR: SOURCES_DIR ?? "" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get app() {
      return started(app, "the server");
    },
    get browser() {
      return started(browser, "the browser");
    },
    async open(path, options = {}) {
      const context = await started(browser, "the browser").newContext({ viewport: { width: options.width ?? 1100, height: 800 }, colorScheme: options.dark ? "dark" : "light" });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${started(app, "the server").url}${path}`);
      return { page, errors, close: () => context.close() };
    },
  };
}
