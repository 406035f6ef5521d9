/** The app's frame and routes (@solidjs/router 1.x component routes); each page is its own chunk. */
import { A, Route, Router, type RouteSectionProps } from "@solidjs/router";
import { lazy } from "solid-js";
import { APP_PAGES } from "../../schema/app-pages.ts";
import { ShortcutsHelp } from "./components/shortcuts-help.tsx";

const Home = lazy(() => import("./pages/home-page.tsx"));
const Explore = lazy(() => import("./pages/explore-page.tsx"));
const Concept = lazy(() => import("./pages/concept-page.tsx"));
const QuizSetup = lazy(() => import("./pages/quiz-setup-page.tsx"));
const QuizRun = lazy(() => import("./pages/quiz-run-page.tsx"));
const Flashcards = lazy(() => import("./pages/flashcards-page.tsx"));
const Compare = lazy(() => import("./pages/compare-page.tsx"));
const Match = lazy(() => import("./pages/match-page.tsx"));
const Progress = lazy(() => import("./pages/progress-page.tsx"));
const Rooms = lazy(() => import("./pages/rooms-page.tsx"));
const Room = lazy(() => import("./pages/room-page.tsx"));
const NotFound = lazy(() => import("./pages/not-found-page.tsx"));

function Layout(props: RouteSectionProps) {
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <A href="/" class="brand" end>
          Graphdeck
        </A>
        <nav aria-label="Main">
          <A href="/explore">Explore</A>
          <A href="/flashcards">Flashcards</A>
          <A href="/quiz">Quiz</A>
          <A href="/match">Match</A>
          <A href="/rooms">Live quiz</A>
          <A href="/compare">Compare</A>
          <A href="/progress">Progress</A>
        </nav>
        <ShortcutsHelp />
      </header>
      <main id="main" tabindex="-1">
        {props.children}
      </main>
    </>
  );
}

export function App() {
  return (
    <Router root={Layout}>
      <Route path={APP_PAGES.home} component={Home} />
      <Route path={APP_PAGES.explore} component={Explore} />
      <Route path="/concepts/:slug" component={Concept} />
      <Route path={APP_PAGES.quiz} component={QuizSetup} />
      <Route path={APP_PAGES.quizPlay} component={QuizRun} />
      <Route path={APP_PAGES.flashcards} component={Flashcards} />
      <Route path={APP_PAGES.compare} component={Compare} />
      <Route path={APP_PAGES.match} component={Match} />
      <Route path={APP_PAGES.progress} component={Progress} />
      <Route path={APP_PAGES.rooms} component={Rooms} />
      <Route path={APP_PAGES.room} component={Room} />
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
