/** Entry point of the web app. */
import { render } from "solid-js/web";
import { App } from "./app.tsx";
import "./styles.css";

const root = document.getElementById("app");
if (root) {
  // The server put a readable page in #app for visitors without scripts; the app replaces it.
  root.textContent = "";
  render(() => <App />, root);
}
