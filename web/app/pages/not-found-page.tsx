import { A } from "@solidjs/router";

export default function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <A href="/">Go to the start</A> or <A href="/explore">search the concepts</A>.
      </p>
    </>
  );
}
