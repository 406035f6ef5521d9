/**
 * No Docker engine runs here, so the compose file is checked by reading it:
 * a PostgreSQL 15 with a health check and a volume, a Redis, and two instances
 * of the app built from the repository's Dockerfile, pointed at both, started
 * once they are healthy, behind an nginx that balances over them.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../server/http/limits.ts";

interface Service {
  image?: string;
  command?: string[];
  build?: { context: string; dockerfile: string };
  deploy?: { replicas?: number };
  expose?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, Service>; volumes: Record<string, unknown> };

describe("docker-compose.yml", () => {
  const { db, app, redis, proxy } = compose.services;
  /** The nginx site the proxy service mounts, without its comments. */
  const proxyConfFile = proxy?.volumes?.find((v) => v.includes(":/etc/nginx/conf.d/default.conf"))?.split(":")[0] ?? "";
  const proxyConf = () => readFileSync(proxyConfFile, "utf8").replace(/#.*$/gm, "");

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

  it("runs a Redis that keeps nothing on disk", () => {
    expect(redis?.image).toMatch(/^redis:7(\.|$|-)/);
    expect(redis?.command?.join(" ")).toMatch(/--save  --appendonly no/);
    expect(redis?.healthcheck?.test.join(" ")).toContain("redis-cli ping");
  });

  it("runs two instances of the app sharing that Redis, started once it is healthy", () => {
    expect(app?.deploy?.replicas).toBe(2);
    const url = new URL(app?.environment?.REDIS_URL ?? "");
    expect(url.protocol).toBe("redis:");
    expect(url.hostname).toBe("redis");
    expect(url.port || "6379").toBe("6379");
    expect(app?.depends_on?.redis?.condition).toBe("service_healthy");
    // REDIS_URL shares the rate-limit counts too; a separate setting would only confuse.
    expect(app?.environment?.RATE_LIMIT_REDIS_URL).toBeUndefined();
    // Replicas cannot all take one host port: only the proxy publishes one.
    expect(app?.ports).toBeUndefined();
    expect(app?.expose).toContain(app?.environment?.PORT);
  });

  it("puts nginx in front, on the published port, balancing over every instance", () => {
    expect(proxy?.image).toMatch(/^nginx:/);
    const port = app?.environment?.PORT;
    expect(proxy?.ports).toEqual(["4000:4000"]);
    expect(proxy?.depends_on?.app?.condition).toBe("service_healthy");
    expect(existsSync(proxyConfFile)).toBe(true);
    const conf = proxyConf();
    expect(conf).toMatch(/listen 4000;/);
    // Docker's DNS gives "app" every replica's address; nginx balances over all of them.
    expect(conf).toMatch(new RegExp(`upstream (\\w+) \\{[^}]*server app:${port}\\b`));
    const upstream = /upstream (\w+)/.exec(conf)?.[1];
    expect(conf).toContain(`proxy_pass http://${upstream};`);
  });

  it("passes room event streams through unbuffered and keeps them open", () => {
    const conf = proxyConf();
    // nginx turns buffering off for a response that says `X-Accel-Buffering: no`, which the app
    // sends on every event stream, unless told to ignore that header.
    expect(readFileSync("server/http/create-server.ts", "utf8")).toMatch(/"x-accel-buffering": "no"/);
    expect(conf).not.toMatch(/proxy_ignore_headers[^;]*X-Accel-Buffering/i);
    expect(conf).not.toMatch(/proxy_cache\s+(?!off)/);
    expect(conf).toMatch(/proxy_http_version 1\.1;/);
    const timeout = /proxy_read_timeout (\d+)(s|m|h)?;/.exec(conf);
    const seconds = Number(timeout?.[1]) * ({ s: 1, m: 60, h: 3600 }[timeout?.[2] ?? "s"] ?? 1);
    expect(seconds).toBeGreaterThanOrEqual(3600);
  });

  it("tells the app who the client was, and lets the biggest import through", () => {
    const conf = proxyConf();
    expect(conf).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    // One proxy appends to X-Forwarded-For: the app counts from that entry.
    expect(app?.environment?.TRUST_PROXY).toBe("1");
    // The browser's Origin is compared with the Host the app is asked at, port included.
    expect(conf).toMatch(/proxy_set_header Host \$http_host;/);
    const size = /client_max_body_size (\d+)([kmg])?;/i.exec(conf);
    const bytes = Number(size?.[1]) * ({ k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(size?.[2] ?? "").toLowerCase()] ?? 1);
    expect(bytes).toBeGreaterThan(LIMITS.importBodyBytes);
  });

  it("builds links from a configured public address: the proxy's published port", () => {
    const publicUrl = new URL(app?.environment?.PUBLIC_URL ?? "");
    const published = proxy?.ports?.[0]?.split(":")[0];
    expect(publicUrl.port).toBe(published);
  });
});
