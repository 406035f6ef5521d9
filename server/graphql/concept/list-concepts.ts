/** One page of concepts in a stable order (name, then id), with keyset cursors. */
import { and, asc, count, eq, gt, or, type SQL } from "drizzle-orm";
import { concepts } from "../../../schema/index.ts";
import type { Db } from "../../db/connect.ts";
import { badInput, hasNul } from "../bad-input.ts";
import type { ConceptRow } from "../graph-rows.ts";

interface Cursor {
  name: string;
  id: number;
}

export function encodeCursor(row: Pick<ConceptRow, "name" | "id">): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && typeof value[0] === "string" && !hasNul(value[0]) && Number.isInteger(value[1])) {
      return { name: value[0], id: value[1] as number };
    }
  } catch {
    // Reported below, the same way as a well-formed but meaningless cursor.
  }
  throw badInput("`after` is not a cursor this API gave out; use `pageInfo.endCursor` from the previous page.");
}

export interface ConceptPage {
  edges: { node: ConceptRow; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export async function listConcepts(db: Db, options: { kind: string | null; first: number; after: string | null }): Promise<ConceptPage> {
  const ofKind = options.kind === null ? undefined : eq(concepts.kind, options.kind);
  let after: SQL | undefined;
  if (options.after !== null) {
    const cursor = decodeCursor(options.after);
    after = or(gt(concepts.name, cursor.name), and(eq(concepts.name, cursor.name), gt(concepts.id, cursor.id)));
  }
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(concepts)
      .where(and(ofKind, after))
      .orderBy(asc(concepts.name), asc(concepts.id))
      .limit(options.first + 1),
    db.select({ n: count() }).from(concepts).where(ofKind),
  ]);
  const page = rows.slice(0, options.first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > options.first,
      hasPreviousPage: options.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: Number(total?.n ?? 0),
  };
}
