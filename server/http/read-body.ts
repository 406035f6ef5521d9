/**
 * Reads a request body, refusing more than a limit before it is all in memory.
 * A body sent with `Content-Encoding: gzip` is inflated as it arrives, and the
 * limit applies to the inflated size too (a small bomb stays small).
 *
 * A refused body is drained (read and dropped, for 10 s at most) rather than
 * cut off, so the client, still sending, gets the 413 instead of a reset.
 */
import type { IncomingMessage } from "node:http";
import { createGunzip } from "node:zlib";

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes.`);
  }
}

export class BadBodyError extends Error {}

const DRAIN_MS = 10_000;

function drain(req: IncomingMessage): void {
  req.unpipe();
  req.removeAllListeners("data");
  req.resume();
  const timer = setTimeout(() => req.destroy(), DRAIN_MS);
  timer.unref();
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    drain(req);
    return Promise.reject(new BodyTooLargeError(limit));
  }
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") {
    drain(req);
    return Promise.reject(new BadBodyError(`Content-Encoding "${encoding.slice(0, 20)}" is not accepted; send gzip or nothing.`));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let raw = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      gunzip?.destroy();
      drain(req);
      reject(error);
    };
    const gunzip = encoding === "gzip" ? createGunzip() : null;
    const body = gunzip ?? req;
    req.on("data", (chunk: Buffer) => {
      raw += chunk.length;
      if (raw > limit) fail(new BodyTooLargeError(limit));
    });
    body.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) return fail(new BodyTooLargeError(limit));
      chunks.push(chunk);
    });
    body.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    body.on("error", (error) => fail(gunzip ? new BadBodyError("The body is not valid gzip.") : error));
    req.on("aborted", () => fail(new Error("request aborted")));
    if (gunzip) req.pipe(gunzip);
  });
}

/** At most `size` holders at once; the rest are refused rather than queued. */
export function createGate(size: number): { tryEnter(): (() => void) | null } {
  let inside = 0;
  return {
    tryEnter: () => {
      if (inside >= size) return null;
      inside++;
      let left = false;
      return () => {
        if (!left) inside--;
        left = true;
      };
    },
  };
}
