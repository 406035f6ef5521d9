/**
 * The web app's pages, one list for both sides of the contract: the router
 * (web/app/app.tsx) draws them, and the server answers each with the app and a
 * 200 on a direct load or a refresh, so a shared link never reads "not found".
 * Concept pages (/concepts/<slug>) are rendered by the server itself.
 */
export const APP_PAGES = {
  home: "/",
  explore: "/explore",
  quiz: "/quiz",
  quizPlay: "/quiz/play",
  flashcards: "/flashcards",
  compare: "/compare",
  match: "/match",
  progress: "/progress",
  rooms: "/rooms",
  room: "/room",
} as const;

export const APP_PAGE_PATHS: ReadonlySet<string> = new Set(Object.values(APP_PAGES));
