/**
 * The study habits Anki users expect, on made-up cards and clocks: learning
 * steps come back in the session, siblings are buried and never follow each
 * other, the session waits for a card due within 20 minutes; typed answers are
 * graded tolerantly; masking keeps names off a front; a daily goal's streak.
 */
import { State } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import type { Flashcard } from "../../server/study/flashcards/generate-flashcards.ts";
import { distinctiveWords, MASK, maskPhrases, mentions } from "../../server/study/flashcards/mask-answer.ts";
import { streakOf } from "../../server/study/flashcards/study-days.ts";
import { LEARN_AHEAD_MS, nextStudyStep, type SavedState, type TodayReview } from "../../server/study/flashcards/study-queue.ts";
import { diffAnswer, gradeTyped } from "../../server/study/flashcards/typed-answer.ts";

const card = (id: string, subject: string, answerConcept?: string): Flashcard => ({
  id,
  type: "term",
  subject,
  front: id,
  back: id,
  explanation: "",
  citations: [],
  answers: [],
  ...(answerConcept ? { answerConcept } : {}),
});

// Three concepts with three cards each, in deck order.
const deck = ["a", "b", "c"].flatMap((s) => [card(`${s}1`, s), card(`${s}2`, s), card(`${s}3`, s)]);
const subjectOf = (id: string) => deck.find((c) => c.id === id)?.subject;
const t0 = new Date("2026-11-25T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function step(states: Map<string, SavedState>, today: TodayReview[], now: Date, extra: { learnAhead?: boolean; cards?: Flashcard[] } = {}) {
  return nextStudyStep({ cards: extra.cards ?? deck, states, today, subjectOf, now, ...(extra.learnAhead ? { learnAhead: true } : {}) });
}

describe("the study queue", () => {
  it("offers one new card per concept a day: the others are buried until tomorrow", () => {
    const first = step(new Map(), [], t0);
    expect(first.card?.id).toBe("a1");
    expect(first.due).toEqual({ learning: 0, review: 0, new: 3 });
    // a1 studied (rated Good: in learning for 10 minutes).
    const states = new Map<string, SavedState>([["a1", { state: State.Learning, due: at(10) }]]);
    const today = [{ cardId: "a1", reviewedAt: t0, state: State.New }];
    const second = step(states, today, at(0.1));
    expect(second.card?.id).toBe("b1");
    expect(second.buried).toBe(6); // a2, a3 and the second and third of b and c wait
  });

  it("brings a card rated Again back in the session when its step is up", () => {
    const states = new Map<string, SavedState>([
      ["a1", { state: State.Learning, due: at(1) }],
      ["b1", { state: State.Learning, due: at(10) }],
      ["c1", { state: State.Learning, due: at(10) }],
    ]);
    const today = ["a1", "b1", "c1"].map((cardId, i) => ({ cardId, reviewedAt: at(i * 0.2), state: State.New }));
    // Half a minute in: nothing due, a1 back within 20 minutes: wait for it.
    const waiting = step(states, today, at(0.5));
    expect(waiting.card).toBeNull();
    expect(waiting.waitUntil?.toISOString()).toBe(at(1).toISOString());
    // Once its minute is up, a1 comes back.
    expect(step(states, today, at(1)).card?.id).toBe("a1");
    // Learning ahead takes it now.
    expect(step(states, today, at(0.5), { learnAhead: true }).card?.id).toBe("a1");
  });

  it("ends the session only when nothing comes back within 20 minutes", () => {
    const states = new Map<string, SavedState>(["a1", "b1", "c1"].map((id) => [id, { state: State.Review, due: at(3 * 24 * 60) }]));
    const today = ["a1", "b1", "c1"].map((cardId) => ({ cardId, reviewedAt: t0, state: State.New }));
    const done = step(states, today, at(1));
    expect(done.card).toBeNull();
    expect(done.waitUntil).toBeNull();
    expect(done.nextDue?.toISOString()).toBe(at(3 * 24 * 60).toISOString());
    const learning = new Map(states).set("a1", { state: State.Relearning, due: new Date(at(1).getTime() + LEARN_AHEAD_MS) });
    expect(step(learning, today, at(1)).waitUntil).not.toBeNull();
  });

  it("never shows two cards of one concept in a row while another card is due", () => {
    const states = new Map<string, SavedState>([
      ["a1", { state: State.Learning, due: at(1) }],
      ["a2", { state: State.Learning, due: at(1) }],
      ["b1", { state: State.Learning, due: at(2) }],
    ]);
    const today = [
      { cardId: "a2", reviewedAt: t0, state: State.New },
      { cardId: "b1", reviewedAt: at(0.5), state: State.New },
      { cardId: "a1", reviewedAt: at(0.6), state: State.Learning },
    ];
    // Last seen: a1. a2 is due first, but c1 (new) comes between.
    expect(step(states, today, at(3)).card?.id).toBe("b1");
    // A card whose answer is the concept just seen waits too.
    const related = [card("x1", "x", "a"), card("y1", "y")];
    const after = nextStudyStep({ cards: related, states: new Map(), today: [{ cardId: "a1", reviewedAt: t0, state: State.New }], subjectOf, now: at(1) });
    expect(after.card?.id).toBe("y1");
  });

  it("brings due reviews before new cards, earliest first, and buries review siblings", () => {
    const states = new Map<string, SavedState>([
      ["b2", { state: State.Review, due: at(-60) }],
      ["c3", { state: State.Review, due: at(-120) }],
      ["c2", { state: State.Review, due: at(-30) }],
    ]);
    const first = step(states, [], t0);
    expect(first.card?.id).toBe("c3");
    expect(first.due).toEqual({ learning: 0, review: 3, new: 3 });
    const today = [{ cardId: "c3", reviewedAt: t0, state: State.Review }];
    states.set("c3", { state: State.Review, due: at(5 * 24 * 60) });
    const second = step(states, today, at(0.2));
    expect(second.card?.id).toBe("b2");
    expect(second.due.review).toBe(1); // c2 is buried: c3 was studied today
  });

  it("in type-in mode, draws new cards from those that take a typed answer", () => {
    const typed = (c: Flashcard): Flashcard => ({ ...c, answers: [c.id] });
    const cards = [card("a1", "a"), typed(card("a2", "a")), card("b1", "b")];
    const result = nextStudyStep({ cards, states: new Map(), today: [], subjectOf, now: t0, typeIn: true });
    expect(result.card?.id).toBe("a2");
    expect(result.due.new).toBe(1);
  });

  it("stops offering new cards after 20 new ones in a day", () => {
    const many = Array.from({ length: 30 }, (_, i) => card(`n${i}`, `s${i}`));
    const today = many.slice(0, 20).map((c, i) => ({ cardId: c.id, reviewedAt: at(i), state: State.New }));
    const states = new Map<string, SavedState>(many.slice(0, 20).map((c) => [c.id, { state: State.Review, due: at(5000) }]));
    const result = nextStudyStep({ cards: many, states, today, subjectOf: (id) => `s${id.slice(1)}`, now: at(30) });
    expect(result.card).toBeNull();
    expect(result.newToday).toBe(20);
  });
});

describe("typed answers", () => {
  const accepted = ["VirtualBox", "Oracle VM VirtualBox", "VBox"];
  it("forgive case, punctuation, articles and aliases", () => {
    expect(gradeTyped("virtualbox", accepted)).toMatchObject({ correct: true, exact: true, expected: "VirtualBox" });
    expect(gradeTyped("  Virtual-Box! ", accepted).correct).toBe(true);
    expect(gradeTyped("vbox", accepted)).toMatchObject({ correct: true, expected: "VBox" });
    expect(gradeTyped("the Xen", ["Xen"]).correct).toBe(true);
  });

  it("forgive one typo in a short word and two in a long one, never in a number", () => {
    expect(gradeTyped("Podmn", ["Podman"])).toMatchObject({ correct: true, exact: false });
    expect(gradeTyped("Pdmn", ["Podman"]).correct).toBe(false);
    expect(gradeTyped("Virtaulbxo", ["VirtualBox"]).correct).toBe(true); // two swaps: two edits
    expect(gradeTyped("Virtaulbxoo", ["VirtualBox"]).correct).toBe(false);
    expect(gradeTyped("Virtaulbox", ["VirtualBox"]).correct).toBe(true); // a swap is one edit
    expect(gradeTyped("Virtalbx", ["VirtualBox"]).correct).toBe(true);
    expect(gradeTyped("Type 2 hypervisor", ["Type 1 hypervisor"]).correct).toBe(false);
    expect(gradeTyped("Type 1 hypervsor", ["Type 1 hypervisor"]).correct).toBe(true);
    expect(gradeTyped("", ["Xen"]).correct).toBe(false);
  });

  it("do not take another concept's exact name for a typo", () => {
    expect(gradeTyped("LXD", ["LXC"], new Set(["lxd"])).correct).toBe(false);
    expect(gradeTyped("LXB", ["LXC"], new Set(["lxd"])).correct).toBe(true);
  });

  it("show the difference letter by letter", () => {
    expect(gradeTyped("Podmn", ["Podman"]).diff).toEqual([
      { kind: "SAME", text: "Podm" },
      { kind: "MISSING", text: "a" },
      { kind: "SAME", text: "n" },
    ]);
    expect(diffAnswer("Dokcer", "Docker").map((p) => p.kind)).toContain("EXTRA");
    const wrong = gradeTyped("Kubernetes", ["Docker Swarm", "Swarm"]);
    expect(wrong).toMatchObject({ correct: false, expected: "Docker Swarm" });
  });
});

describe("masking a name", () => {
  it("masks the name and aliases with plurals and possessives, as whole words", () => {
    expect(maskPhrases("Run many containers.", ["Container"])).toBe(`Run many ${MASK}.`);
    expect(maskPhrases("Made by Docker Hub people", ["Docker Hub", "Docker"])).toBe(`Made by ${MASK} people`);
    expect(maskPhrases("Pronounced “Rocket”.", ["rkt", "Rocket"])).toBe(`Pronounced “${MASK}”.`);
    expect(maskPhrases("A daemon less tool", ["daemon-less"])).toBe(`A ${MASK} tool`);
    expect(mentions("Docker daemon is part of …", ["Docker"])).toBe(true);
    expect(mentions("Dockerfile is part of …", ["Docker"])).toBe(false);
    expect(maskPhrases("Many images, one image.", ["image"])).toBe(`Many ${MASK}, one ${MASK}.`);
    expect(maskPhrases("Built with CI/CD, not CI or CD.", ["CI/CD"])).toBe(`Built with ${MASK}, not CI or CD.`);
    expect(maskPhrases("Docker Hub and Docker", ["Docker", "Docker Hub"])).toBe(`${MASK} and ${MASK}`);
  });

  it("knows the words that single a name out, so a summary using them makes no card", () => {
    expect(distinctiveWords({ name: "Amazon Web Services", aliases: ["AWS"], noun: null })).toEqual(["Amazon", "Web", "Services", "AWS"]);
    expect(distinctiveWords({ name: "Linux containers", aliases: [], noun: "Linux container" })).toEqual(["Linux"]);
    expect(distinctiveWords({ name: "Container image", aliases: [], noun: "container image" })).toEqual([]);
    expect(distinctiveWords({ name: "Docker, Inc.", aliases: [], noun: null })).toEqual(["Docker", "Inc"]);
  });
});

describe("the daily goal's streak", () => {
  const days = (counts: Record<string, number>) => new Map(Object.entries(counts));
  it("counts days in a row that met the goal, today once met", () => {
    const perDay = days({ "2026-11-22": 25, "2026-11-23": 20, "2026-11-24": 30, "2026-11-25": 5 });
    expect(streakOf(perDay, "2026-11-25", 20)).toMatchObject({ reviewsToday: 5, goalMet: false, streak: 3, longest: 3 });
    perDay.set("2026-11-25", 20);
    expect(streakOf(perDay, "2026-11-25", 20)).toMatchObject({ goalMet: true, streak: 4 });
    expect(streakOf(days({ "2026-11-20": 40, "2026-11-21": 40, "2026-11-25": 1 }), "2026-11-25", 20)).toMatchObject({ streak: 0, longest: 2 });
    // Month and year boundaries.
    expect(streakOf(days({ "2025-12-31": 1, "2026-01-01": 1 }), "2026-01-01", 1).streak).toBe(2);
  });
});
