/**
 * The shape of the YAML files in seeds/, checked on load. Cross-references
 * (slugs, kinds, citations) are checked afterwards by load-seeds.ts, which sees
 * every file at once.
 */
import { z } from "zod";

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, e.g. type-1-hypervisor");
const text = z.string().trim().min(1, "must not be empty");
const cite = z.union([text, z.array(text).min(1, "needs at least one citation")]);
/**
 * A sentence pattern: `{subject}` (or `{subjects}`, the generic plural), `{object}` or `{value}` are filled in, and
 * `{is|are}` picks the first word for a singular subject, the second for a plural one.
 */
const sentence = text.regex(/\{subjects?\}/, "must contain {subject} (one instance) or {subjects} (the technology as a whole)");
/**
 * Why a statement that was true when its source was written no longer is, in our own words: a sentence
 * or two. Bounded because a relation's note is part of the indexes a study region walks by (a btree entry
 * holds at most about 2.7 kB).
 */
const OUTDATED_MOST = 500;
const outdated = text.max(OUTDATED_MOST, `must be a sentence or two, at most ${OUTDATED_MOST} characters`).optional();

export const sourceEntry = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, - or _"),
  file: text,
  title: text,
  publisher: text,
  author: text.optional(),
  address: z.url().optional(),
  published: z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
});

export const vocabularyFile = z.strictObject({
  kinds: z.array(z.strictObject({ slug, label: text, plural: text, alike: z.boolean().default(false) })).min(1),
  relation_types: z
    .array(
      z.strictObject({
        slug,
        label: text,
        inverse: text,
        classifies: z.boolean().default(false),
        broader: z.boolean().default(false),
        compares: z.boolean().default(false),
        /**
         * Nothing is under both ends (a type 1 hypervisor is never a type 2 one): lets a
         * quiz prove a category wrong. Without it a missing relation proves nothing.
         */
        disjoint: z.boolean().default(false),
        /**
         * Whether a flashcard may ask for the target: "VirtualBox is owned by …" has one answer, "Docker
         * uses …" or "VirtualBox runs on …" many fair ones, so those verbs say `flashcards: false`.
         */
        flashcards: z.boolean().default(true),
        /** How a relation reads as a sentence: "{subject} {uses|use} {object}". */
        sentence: sentence.regex(/\{object\}/, "must contain {object}"),
      }),
    )
    .min(1),
  /** `sentence` says a value on the aspect: "{subject} {starts|start} in {value}". */
  aspects: z.array(
    z.strictObject({
      slug,
      label: text,
      sentence: sentence.regex(/\{value\}/, "must contain {value}"),
      /**
       * The values hold only against each other ("isolates workloads more strongly"):
       * questions name both sides ("Compared with a container, …") and never offer "both".
       */
      comparative: z.boolean().default(false),
      /**
       * Aspects that teach one idea share a theme ("isolation" for isolation, security and
       * fault containment): a quiz asks about a theme once, and wrong choices come from different themes.
       */
      theme: slug.optional(),
      /**
       * Aspects whose values read alike to a learner though they teach different ideas ("starts faster",
       * "takes up less space", "fits more workloads": all lightweight): a pros-and-cons question offers at most
       * one wrong choice of a family, so its answer is never the one choice unlike the rest.
       */
      family: slug.optional(),
    }),
  ),
});

export const relationEntry = z.strictObject({ type: slug, to: slug, cite, outdated });

export const claimEntry = z.strictObject({
  id: slug,
  statement: text,
  polarity: z.enum(["pro", "con", "neutral"]),
  aspect: slug.optional(),
  value: text.optional(),
  cite,
  outdated,
});

export const conceptEntry = z.strictObject({
  slug,
  name: text,
  kind: slug,
  aliases: z.array(text).default([]),
  /**
   * For a common noun ("Container runtime"): how it reads inside a sentence, lower-cased
   * where English wants it ("container runtime"); sentences then say "container runtimes
   * are…" and "…is a container runtime". Proper names (Docker) leave it out.
   */
  noun: text.optional(),
  /** The noun's plural when adding "s" is wrong ("registries"). */
  noun_plural: text.optional(),
  /** A proper name that is plural ("Snaps", "Namespaces"): "Snaps are…". */
  plural: z.boolean().default(false),
  /** The noun takes no article ("hardware virtualization", "virtualization"): "…is an example of hardware virtualization". */
  uncountable: z.boolean().default(false),
  summary: text,
  /**
   * What a "which concept is this?" question shows instead of the summary, when the
   * summary cannot avoid words that give the name away ("a label…" for a tag).
   */
  clue: text.optional(),
  description: text,
  cite,
  /**
   * The passages of `cite` the summary and clue rest on, when not all of them: a note quoting only the
   * summary (why a wrong choice is wrong) cites these.
   */
  summary_cite: cite.optional(),
  relations: z.array(relationEntry).default([]),
  claims: z.array(claimEntry).default([]),
});

export type SourceEntry = z.infer<typeof sourceEntry>;
export type VocabularyFile = z.infer<typeof vocabularyFile>;
export type ConceptEntry = z.infer<typeof conceptEntry>;
