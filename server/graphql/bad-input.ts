/** Errors for arguments a client got wrong: shown to the client, with a code it can act on. */
// yoga's own error factory: a GraphQLError from the same graphql copy yoga checks against,
// so the error reaches the client unmasked even where ESM and CJS copies of graphql coexist.
import { createGraphQLError } from "graphql-yoga";
import type { GraphQLError } from "graphql";

export function badInput(message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

export function intInRange(name: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`\`${name}\` must be a whole number from ${min} to ${max}; got ${value}.`);
  }
  return value;
}

/** PostgreSQL text cannot hold NUL characters; no stored value contains one. */
export function hasNul(value: string): boolean {
  return value.includes("\u0000");
}

export function textOfLength(name: string, value: string, min: number, max: number): string {
  if (hasNul(value)) throw badInput(`\`${name}\` must not contain NUL characters.`);
  const text = value.trim();
  if (text.length < min || text.length > max) {
    throw badInput(`\`${name}\` must be ${min} to ${max} characters long (got ${text.length}).`);
  }
  return text;
}
