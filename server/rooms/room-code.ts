/**
 * Join codes: six characters a teacher can read aloud and a class can type on a phone. No vowels
 * (so no code spells a word) and none of the characters mistaken for one another when read or
 * heard (0/O, 1/I/L, 2/Z, 5/S, 8/B): 21 characters, about 86 million codes.
 */
import { randomInt } from "node:crypto";

const ALPHABET = "CDFGHJKMNPQRTVWX34679";
export const CODE_LENGTH = 6;

export function newRoomCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** A code as typed (any case, with spaces or a hyphen) in its stored form; null if it cannot be one. */
export function normalizeRoomCode(typed: string): string | null {
  const code = typed.replace(/[\s-]+/g, "").toUpperCase();
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

/** How a code is shown: two groups of three (`BK7-QM3`), easier to read out. */
export function displayRoomCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}
