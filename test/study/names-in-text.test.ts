/**
 * Whether a text names a concept decides what a question may show: a prompt that names its answer is
 * never asked. The matching is a plain search with word boundaries (phrasing.ts), so these pin the
 * boundaries a learner would read as naming it, and those they would not.
 */
import { describe, expect, it } from "vitest";
import type { SnapshotConcept } from "../../server/study/graph-snapshot.ts";
import { holdsWord, mentions } from "../../server/study/phrasing.ts";

function concept(name: string, aliases: string[] = [], noun: string | null = null): SnapshotConcept {
  return { id: 1, slug: name.toLowerCase(), name, kind: "tool", summary: "", description: "", aliases, noun, nounPlural: null, plural: false, uncountable: false, clue: null };
}

describe("a text naming a concept", () => {
  it("finds the name as whole words, in any case, with a possessive or a hyphenated neighbour", () => {
    const docker = concept("Docker", ["Docker Engine"]);
    expect(mentions("Images are built with docker.", docker)).toBe(true);
    expect(mentions("Docker's daemon runs as root", docker)).toBe(true);
    expect(mentions("a Docker-compatible command line", docker)).toBe(true);
    expect(mentions("the DOCKER ENGINE", docker)).toBe(true);
  });

  it("does not find it inside a longer word or a number", () => {
    expect(mentions("Write a Dockerfile first", concept("Docker"))).toBe(false);
    expect(mentions("Podmanesque tools", concept("Podman"))).toBe(false);
    expect(mentions("synthetic concept number 12345", concept("Item 1234", ["1234"]))).toBe(false);
  });

  it("finds a later occurrence when an earlier one is part of a word", () => {
    expect(holdsWord("Dockerfiles describe images Docker builds", "Docker")).toBe(true);
  });

  it("reads letters beyond the Basic Multilingual Plane as letters, not boundaries", () => {
    // "𝐀" (U+1D400) is a letter: "Xen" right after it is inside a word.
    expect(holdsWord("𝐀Xen", "Xen")).toBe(false);
    expect(holdsWord("𝐀 Xen", "Xen")).toBe(true);
    expect(holdsWord("Xen𝐀", "Xen")).toBe(false);
  });

  it("names nothing with an empty phrase", () => {
    expect(holdsWord("anything", "")).toBe(false);
  });
});
