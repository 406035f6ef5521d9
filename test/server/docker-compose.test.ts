/**
 * No Docker engine runs here, so the compose file is checked by reading it:
 * a PostgreSQL 15 with a health check and a volume, and the app built from
 * the repository's Dockerfile, pointed at that database, started once it is healthy.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, Service>; volumes: Record<string, unknown> };

describe("docker-compose.yml", () => {
  const { db, app } = compose.services;

  it("runs PostgreSQL 15 with a health check and a named volume for its data", () => {
    expect(db?.image).toMatch(/^postgres:15(\.|$|-)/);
    expect(db?.healthcheck?.test.join(" ")).toContain("pg_isready");
    const volume = db?.volumes?.find((v) => v.endsWith(":/var/lib/postgresql/data"));
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes)).toContain(volume?.split(":")[0]);
  });

  it("builds the app from a Node 20 Dockerfile in the repository", () => {
    expect(app?.build?.context).toBe(".");
    const dockerfile = app?.build?.dockerfile ?? "";
    expect(existsSync(dockerfile)).toBe(true);
    const text = readFileSync(dockerfile, "utf8");
    expect(text).toMatch(/^FROM node:20\b/m);
    // Install scripts (the `prepare` build) need the sources, which are copied after `npm ci`.
    expect(text).toMatch(/npm ci[^\n]*--ignore-scripts[\s\S]*COPY \. \.[\s\S]*npm run build/);
  });

  it("points the app at the database service, with credentials that match, once it is healthy", () => {
    const url = new URL(app?.environment?.DATABASE_URL ?? "");
    expect(url.protocol).toBe("postgres:");
    expect(url.hostname).toBe("db");
    expect(url.username).toBe(db?.environment?.POSTGRES_USER);
    expect(url.password).toBe(db?.environment?.POSTGRES_PASSWORD);
    expect(url.pathname.slice(1)).toBe(db?.environment?.POSTGRES_DB);
    expect(app?.depends_on?.db?.condition).toBe("service_healthy");
  });

  it("publishes the port the app listens on", () => {
    const port = app?.environment?.PORT;
    expect(app?.ports).toContain(`${port}:${port}`);
  });

  it("builds links from a configured public address on that port", () => {
    const publicUrl = new URL(app?.environment?.PUBLIC_URL ?? "");
    expect(publicUrl.port).toBe(app?.environment?.PORT);
  });
});
