/**
 * Every setting the server reads, from the environment, in one place.
 * The README's "Configuration" table documents each variable.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  /** postgres:// URL of a real server; unset means the embedded PGlite. */
  databaseUrl: string | undefined;
  /** Where PGlite keeps its files, so progress survives a restart. */
  dataDir: string;
  /** Folder of the source documents; when set, citations are checked and passages ingested. */
  sourcesDir: string | undefined;
  seedsDir: string;
  /** Apply migrations and seed (when the seeds changed) as the server starts. */
  seedOnStart: boolean;
  /** Origins besides our own whose pages may send mutations without a token. */
  trustedOrigins: string[];
  /** Key for signing quiz ids; unset means a random key kept in the database. */
  quizSecret: string | undefined;
  /**
   * Worker processes a supervising primary runs (and restarts when one dies); 0 runs the server
   * in this process, unsupervised. PGlite allows one connection at a time: always 1 with it.
   */
  workers: number;
  /**
   * The server's public address (`https://graphdeck.example`): absolute links in pages, cards and
   * oEmbed are built from it, never from a request's Host header. Unset: http://localhost:PORT.
   */
  publicUrl: string | undefined;
  /** redis:// URL where rate-limit counts are shared by every worker and server; unset: in memory. */
  rateLimitRedisUrl: string | undefined;
  /** redis:// URL through which live rooms' changes reach every instance; unset: the database's NOTIFY. */
  redisUrl: string | undefined;
  /** Reverse proxies in front that append to X-Forwarded-For (0: the peer address is the client). */
  trustProxy: number;
  /** Above this many concepts, quizzes, rounds, decks and cards are made from regions of the graph (study-graphs.ts). */
  studyWholeGraphLimit: number;
}

// The sources live beside the repository in the workplace layout; use them when present.
const DEFAULT_SOURCES_DIR = "../shared/sources";

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseWorkers(value: string | undefined, usesPglite: boolean): number {
  if (usesPglite) return value === "0" ? 0 : 1;
  if (value === undefined || value === "") return availableParallelism();
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new Error(`WORKERS must be a whole number from 0 to 64, got "${value}"`);
  return workers;
}

function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL such as https://graphdeck.example, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`PUBLIC_URL must start with http:// or https://, got "${value}"`);
  // Only the origin counts; links add their own paths.
  return url.origin;
}

function parseTrustProxy(value: string | undefined): number {
  if (value === undefined || value === "" || value === "false") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUST_PROXY must be a number of proxies from 0 to 10, got "${value}"`);
  return hops;
}

/** 20,000 concepts make about 160k cards and 350k quiz candidates: some 200 MB held per process. */
const WHOLE_GRAPH_LIMIT = 20_000;

function parseWholeGraphLimit(value: string | undefined): number {
  if (value === undefined || value === "") return WHOLE_GRAPH_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`STUDY_WHOLE_GRAPH_LIMIT must be a whole number of concepts (0: always in regions), got "${value}"`);
  return limit;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sourcesDir =
    env.SOURCES_DIR !== undefined && env.SOURCES_DIR !== ""
      ? resolve(env.SOURCES_DIR)
      : existsSync(DEFAULT_SOURCES_DIR)
        ? resolve(DEFAULT_SOURCES_DIR)
        : undefined;
  return {
    port: parsePort(env.PORT, 4000),
    host: env.HOST || "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || ".data"),
    sourcesDir,
    seedsDir: resolve(env.SEEDS_DIR || "seeds"),
    seedOnStart: env.SEED_ON_START !== "false",
    trustedOrigins: (env.TRUSTED_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    quizSecret: env.QUIZ_SECRET || undefined,
    workers: parseWorkers(env.WORKERS, !env.DATABASE_URL),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    // REDIS_URL shares the rate-limit counts too; RATE_LIMIT_REDIS_URL puts them on a Redis of their own.
    rateLimitRedisUrl: env.RATE_LIMIT_REDIS_URL || env.REDIS_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    studyWholeGraphLimit: parseWholeGraphLimit(env.STUDY_WHOLE_GRAPH_LIMIT),
  };
}
