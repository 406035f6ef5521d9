/** gzip for text responses when the client accepts it. */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

const MIN_BYTES = 1024;
// Large bodies repeat (GraphiQL's page is one constant 9 MB document): compress each once.
const memo = new Map<string, Buffer>();
const MEMO_FROM_BYTES = 256 * 1024;
const MEMO_ENTRIES = 8;

export function shouldCompress(acceptEncoding: string | undefined, contentType: string, size: number): boolean {
  return (
    size >= MIN_BYTES &&
    /\bgzip\b/.test(acceptEncoding ?? "") &&
    /^(text\/|application\/(json|javascript|graphql-response\+json|xml))/.test(contentType)
  );
}

export function gzip(body: Buffer): Buffer {
  if (body.length < MEMO_FROM_BYTES) return gzipSync(body);
  const key = createHash("sha1").update(body).digest("hex");
  let compressed = memo.get(key);
  if (!compressed) {
    compressed = gzipSync(body);
    if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
    memo.set(key, compressed);
  }
  return compressed;
}
