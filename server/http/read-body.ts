/**
 * Reads a request body, refusing more than a limit before it is all in memory.
 * A body sent with `Content-Encoding: gzip` is inflated as it arrives, and the
 * limit applies to the inflated size too (a small bomb stays small).
 */
import type { IncomingMessage } from "node:http";
import { createGunzip } from "node:zlib";

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes.`);
  }
}

export class BadBodyError extends Error {}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) throw new BodyTooLargeError(limit);
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") throw new BadBodyError(`Content-Encoding "${encoding.slice(0, 20)}" is not accepted; send gzip or nothing.`);
  const source: AsyncIterable<Buffer> = encoding === "gzip" ? req.pipe(createGunzip()) : req;
  const chunks: Buffer[] = [];
  let size = 0;
  let raw = 0;
  const counter = (chunk: Buffer) => {
    raw += chunk.length;
    if (raw > limit) req.destroy();
  };
  if (encoding === "gzip") req.on("data", counter);
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > limit || raw > limit) throw new BodyTooLargeError(limit);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    if (raw > limit) throw new BodyTooLargeError(limit);
    if (encoding === "gzip") throw new BadBodyError("The body is not valid gzip.");
    throw error;
  } finally {
    req.off("data", counter);
  }
  return Buffer.concat(chunks);
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
