/** Live quiz rooms: join one with its code, or host one for a class (kind, topic, length, time per question). */
import { useNavigate } from "@solidjs/router";
import { createResource, For } from "solid-js";
import { gql } from "../api/graphql.ts";
import { DecksDocument, OpenRoomDocument, type QuizKind } from "../api/generated/graphql.ts";
import { keepRoomSeat } from "../api/room-seats.ts";
import { loaded } from "../components/async-view.tsx";
import { createAction } from "../components/action-state.tsx";
import { QuizTopicAndLength } from "../components/quiz-topic-and-length.tsx";
import { RoomJoinForm } from "../components/room-join-form.tsx";
import { QUIZ_KINDS } from "../quiz-kinds.ts";

export default function RoomsPage() {
  const navigate = useNavigate();
  const [topics] = createResource(() => gql(DecksDocument).then((d) => d.decks.filter((deck) => deck.kind === "TOPIC")));
  const opening = createAction();
  const enter = (code: string) => navigate(`/room?code=${code}`);
  return (
    <>
      <h1>Live quiz</h1>
      <p>Play a quiz together, as a class: everyone answers the same question at the same moment on their own phone.</p>
      <h2>Join a room</h2>
      <RoomJoinForm onJoined={enter} />
      <h2>Host a room</h2>
      <form
        class="quiz-setup"
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          await opening.run(async () => {
            const { openRoom } = await gql(OpenRoomDocument, {
              kind: String(data.get("kind")) as QuizKind,
              count: Number(data.get("count")),
              seconds: Number(data.get("seconds")),
              topic: String(data.get("topic") ?? "") || null,
            });
            keepRoomSeat(openRoom.code, { token: openRoom.token, role: "HOST" });
            enter(openRoom.code);
          });
        }}
      >
        <label for="room-kind">Questions</label>
        <select id="room-kind" name="kind">
          <For each={QUIZ_KINDS}>{(kind) => <option value={kind.id}>{kind.title}</option>}</For>
        </select>
        <QuizTopicAndLength idPrefix="room" topics={loaded(topics)} countLabel="How many" />
        <label for="room-seconds">Seconds per question</label>
        <select id="room-seconds" name="seconds">
          <option value="10">10</option>
          <option value="20" selected>
            20
          </option>
          <option value="30">30</option>
          <option value="60">60</option>
        </select>
        <button type="submit" class="primary" disabled={opening.busy()}>
          Open the room
        </button>
        <opening.Notice />
      </form>
    </>
  );
}
