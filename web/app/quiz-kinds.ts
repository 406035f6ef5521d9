/** The quiz kinds the API offers, as the app presents them. */
export const QUIZ_KINDS = [
  { id: "MIXED", title: "Mixed", description: "A bit of everything." },
  { id: "DEFINITION", title: "Definitions", description: "Which concept does this describe?" },
  { id: "CLASSIFICATION", title: "Classification", description: "Which category, what kind of thing?" },
  { id: "COMPARISON", title: "Comparison", description: "True of one or of the other?" },
  { id: "PROS_CONS", title: "Pros and cons", description: "Advantage, drawback or neither?" },
  { id: "TRUE_FALSE", title: "True or false", description: "Spot the corrupted facts." },
] as const;

export type QuizKindId = (typeof QUIZ_KINDS)[number]["id"];
