/** The room calls the room tests send, and the shape of what comes back. */
export const VIEW = `code role phase kind seed seconds questionCount questionIndex startedAt endsAt remainingMs answeredCount version replayCode
  question { id kind prompt choices { id text } concept { slug } }
  players { nickname score rank answered correctCount }
  me { nickname score rank answered correctCount }
  myAnswer { questionId choiceId correct points }
  reveal { correctChoiceId shares { choiceId count share } explanation citations { locator source { title } } }
  podium { nickname score rank }
  missed { slug }`;

export interface Player {
  nickname: string;
  score: number;
  rank: number;
  answered: boolean;
  correctCount: number;
}

export interface View {
  code: string;
  role: "HOST" | "PLAYER";
  phase: "LOBBY" | "QUESTION" | "REVEAL" | "FINISHED" | "CLOSED";
  kind: string;
  seed: number;
  seconds: number;
  questionCount: number;
  questionIndex: number | null;
  startedAt: string | null;
  endsAt: string | null;
  remainingMs: number | null;
  answeredCount: number | null;
  version: number;
  replayCode: string | null;
  question: { id: string; kind: string; prompt: string; choices: { id: string; text: string }[]; concept: { slug: string } | null } | null;
  players: Player[];
  me: Player | null;
  myAnswer: { questionId: string; choiceId: string; correct: boolean | null; points: number | null } | null;
  reveal: {
    correctChoiceId: string;
    shares: { choiceId: string; count: number; share: number }[];
    explanation: string;
    citations: { locator: string; source: { title: string } }[];
  } | null;
  podium: { nickname: string; score: number; rank: number }[];
  missed: { slug: string }[];
}

export interface Session {
  code: string;
  token: string;
  role: "HOST" | "PLAYER";
  room: View;
}

export const OPEN = `mutation ($kind: QuizKind, $count: Int, $seed: Int, $topic: String, $seconds: Int) {
  openRoom(kind: $kind, count: $count, seed: $seed, topic: $topic, seconds: $seconds) { code token role room { ${VIEW} } } }`;
export const JOIN = `mutation ($code: String!, $nickname: String!) { joinRoom(code: $code, nickname: $nickname) { code token role room { ${VIEW} } } }`;
export const ROOM = `query ($code: String!, $token: String!) { room(code: $code, token: $token) { ${VIEW} } }`;
export const CSV = `query ($code: String!, $token: String!) { roomResultsCsv(code: $code, token: $token) }`;
export const SUBSCRIBE = `subscription ($code: String!, $token: String!) { room(code: $code, token: $token) { ${VIEW} } }`;
export const ANSWER = `mutation ($code: String!, $token: String!, $question: ID!, $choice: ID!) {
  answerRoomQuestion(code: $code, token: $token, questionId: $question, choiceId: $choice) { questionId choiceId correct points } }`;
export const REPLAY = `mutation ($code: String!, $token: String!) { replayRoom(code: $code, token: $token) { code token role room { ${VIEW} } } }`;

/** A host control by its mutation's name. */
export function control(name: "startRoom" | "revealAnswer" | "nextQuestion" | "closeRoom"): string {
  return `mutation ($code: String!, $token: String!) { ${name}(code: $code, token: $token) { ${VIEW} } }`;
}
