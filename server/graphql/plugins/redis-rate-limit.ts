/**
 * Rate-limit counts kept in Redis, so every worker and every server of a
 * deployment share them (RATE_LIMIT_REDIS_URL). One round trip per count: a
 * small Lua script increments the key, starts its window on the first hit and
 * returns the count and the time left. A minimal RESP client (no dependency):
 * it only sends EVAL (and AUTH/SELECT from the URL).
 *
 * If Redis cannot be reached, counting falls back to this process's memory
 * (limits still hold per process) and Redis is tried again 5 s later.
 */
import { connect, type Socket } from "node:net";
import { logError } from "../../http/safe-log.ts";
import { createMemoryRateLimiter, type RateLimiter } from "./rate-limit.ts";

const SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;
const TIMEOUT_MS = 500;
const RETRY_MS = 5000;

type Reply = string | number | null | Reply[] | Error;

function encode(args: string[]): Buffer {
  return Buffer.from(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`);
}

/** Parses one reply at `offset`; null when the buffer does not hold all of it yet. */
function parse(buffer: Buffer, offset: number): { value: Reply; next: number } | null {
  const end = buffer.indexOf("\r\n", offset);
  if (end < 0) return null;
  const type = String.fromCharCode(buffer[offset] as number);
  const line = buffer.toString("utf8", offset + 1, end);
  if (type === "+") return { value: line, next: end + 2 };
  if (type === "-") return { value: new Error(line), next: end + 2 };
  if (type === ":") return { value: Number(line), next: end + 2 };
  if (type === "$") {
    const length = Number(line);
    if (length < 0) return { value: null, next: end + 2 };
    if (buffer.length < end + 2 + length + 2) return null;
    return { value: buffer.toString("utf8", end + 2, end + 2 + length), next: end + 2 + length + 2 };
  }
  if (type === "*") {
    const count = Number(line);
    if (count < 0) return { value: null, next: end + 2 };
    const items: Reply[] = [];
    let next = end + 2;
    for (let i = 0; i < count; i++) {
      const item = parse(buffer, next);
      if (!item) return null;
      items.push(item.value);
      next = item.next;
    }
    return { value: items, next };
  }
  throw new Error(`unexpected Redis reply type ${type}`);
}

class RedisConnection {
  private socket: Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (value: Reply) => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly url: URL) {}

  private open(): Socket {
    const socket = connect(Number(this.url.port || 6379), this.url.hostname || "127.0.0.1");
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      for (;;) {
        const reply = parse(this.buffer, 0);
        if (!reply) break;
        this.buffer = this.buffer.subarray(reply.next);
        const waiter = this.waiting.shift();
        if (reply.value instanceof Error) waiter?.reject(reply.value);
        else waiter?.resolve(reply.value);
      }
    });
    const fail = (error: Error) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.buffer = Buffer.alloc(0);
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
      socket.destroy();
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("Redis connection closed")));
    this.socket = socket;
    const password = decodeURIComponent(this.url.password);
    const user = decodeURIComponent(this.url.username);
    if (password) void this.send(user ? ["AUTH", user, password] : ["AUTH", password]).catch(() => {});
    const db = this.url.pathname.slice(1);
    if (db) void this.send(["SELECT", db]).catch(() => {});
    return socket;
  }

  send(args: string[]): Promise<Reply> {
    const socket = this.socket ?? this.open();
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error("Redis did not answer in time"));
        socket.destroy();
      }, TIMEOUT_MS);
      this.waiting.push({
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      socket.write(encode(args));
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }
}

export function createRedisRateLimiter(redisUrl: string, prefix = "graphdeck:rate:"): RateLimiter & { close(): void } {
  const redis = new RedisConnection(new URL(redisUrl));
  const fallback = createMemoryRateLimiter();
  let downUntil = 0;
  return {
    async hit(key, limit, windowMs) {
      if (Date.now() < downUntil) return fallback.hit(key, limit, windowMs);
      try {
        const reply = await redis.send(["EVAL", SCRIPT, "1", `${prefix}${key}`, String(windowMs)]);
        const [count, ttl] = (Array.isArray(reply) ? reply : []) as number[];
        if (typeof count !== "number") throw new Error("unexpected Redis reply");
        return count <= limit ? 0 : Math.max(1, Math.ceil((ttl ?? windowMs) / 1000));
      } catch (error) {
        downUntil = Date.now() + RETRY_MS;
        logError("rate limits: Redis unreachable, counting in memory for 5 s", error);
        return fallback.hit(key, limit, windowMs);
      }
    },
    close: () => redis.close(),
  };
}
