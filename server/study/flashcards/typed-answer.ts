/**
 * Grading a typed answer (Anki's "type in the answer", Quizlet's Write): right
 * when, leaving case, punctuation and a leading article aside, it is the card's
 * answer or one of its aliases, give or take a small typo — one edit in a word
 * of up to seven letters, two in a longer one (a swap of two letters is one
 * edit). Numbers must be exact ("Type 1" is not "Type 2"), and typing the exact
 * name of another concept is never a typo.
 */

export type DiffKind = "SAME" | "EXTRA" | "MISSING";
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export interface TypedGrade {
  correct: boolean;
  /** Right with nothing to forgive but case and punctuation. */
  exact: boolean;
  /** The accepted answer closest to what was typed (the back itself when nothing is close). */
  expected: string;
  /** What was typed against `expected`, letter by letter: kept, typed in excess, or missing. */
  diff: DiffPart[];
}

/** Lower case, letters and digits only, words separated by single spaces, no leading article. */
export function normalizeAnswer(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^(?:the|a|an) /, "");
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

/** Edits forgiven in a word: one up to seven characters, two beyond; none in a number. */
export function allowedEdits(word: string): number {
  if (/\p{N}/u.test(word)) return 0;
  return word.length >= 8 ? 2 : 1;
}

/** Whether `typed` is `expected` up to small typos (both normalized). */
function closeEnough(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  const typedWords = typed.split(" ");
  const expectedWords = expected.split(" ");
  if (typedWords.length === expectedWords.length) {
    return expectedWords.every((word, i) => editDistance(typedWords[i] ?? "", word) <= allowedEdits(word));
  }
  // Words run together or split apart ("virtual box"): the whole, with the allowance of the longest word.
  const joinedTyped = typedWords.join("");
  const joinedExpected = expectedWords.join("");
  if (/\p{N}/u.test(joinedExpected) && joinedExpected.replace(/\D/g, "") !== joinedTyped.replace(/\D/g, "")) return false;
  const longest = expectedWords.reduce((a, b) => (b.length > a.length ? b : a), "");
  return editDistance(joinedTyped, joinedExpected) <= allowedEdits(longest.replace(/\p{N}/gu, ""));
}

/** Letter-by-letter difference between what was typed and what was expected (case-insensitive). */
export function diffAnswer(typed: string, expected: string): DiffPart[] {
  const a = [...typed];
  const b = [...expected];
  const same = (x: string | undefined, y: string | undefined) => (x ?? "").toLowerCase() === (y ?? "").toLowerCase();
  // Longest common subsequence table, then a walk that prefers keeping letters.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] = same(a[i], b[j]) ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, lcs[i]?.[j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffKind, text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(a[i], b[j])) {
      push("SAME", b[j] as string);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      push("MISSING", b[j] as string);
      j++;
    } else {
      push("EXTRA", a[i] as string);
      i++;
    }
  }
  return parts;
}

/**
 * Grades `typed` against the accepted answers (the first is the card's back).
 * `otherNames` are names of other concepts: an exact one of them is wrong even
 * when it is one typo away from an accepted answer (LXC is not LXD).
 */
export function gradeTyped(typed: string, accepted: readonly string[], otherNames: { has(name: string): boolean } = new Set<string>()): TypedGrade {
  const back = accepted[0] ?? "";
  const answer = normalizeAnswer(typed);
  const candidates = accepted.map((text) => ({ text, normal: normalizeAnswer(text) })).filter((c) => c.normal.length > 0);
  const exact = candidates.find((c) => c.normal === answer);
  if (answer.length > 0 && exact) {
    return { correct: true, exact: true, expected: exact.text, diff: diffAnswer(typed.trim(), exact.text) };
  }
  const anotherConcept = otherNames.has(answer);
  const close = anotherConcept || answer.length === 0 ? undefined : candidates.find((c) => closeEnough(answer, c.normal));
  // Show the difference against the nearest accepted spelling (the back when nothing is near).
  const nearest = close ?? candidates.map((c) => ({ c, d: editDistance(answer, c.normal) })).sort((x, y) => x.d - y.d)[0]?.c;
  const expected = close?.text ?? (nearest && editDistance(answer, nearest.normal) <= Math.max(2, nearest.normal.length / 3) ? nearest.text : back);
  return { correct: close !== undefined, exact: false, expected, diff: diffAnswer(typed.trim(), expected) };
}
