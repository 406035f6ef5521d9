/** Joining a room: its code (from the host's screen, or already in the join link) and a nickname. */
import { gql } from "../api/graphql.ts";
import { JoinRoomDocument } from "../api/generated/graphql.ts";
import { keepRoomSeat } from "../api/room-seats.ts";
import { createAction } from "./action-state.tsx";

export function RoomJoinForm(props: { code?: string | undefined; onJoined: (code: string) => void }) {
  const joining = createAction();
  return (
    <form
      class="room-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        await joining.run(async () => {
          const { joinRoom } = await gql(JoinRoomDocument, { code: String(data.get("code") ?? ""), nickname: String(data.get("nickname") ?? "") });
          keepRoomSeat(joinRoom.code, { token: joinRoom.token, role: "PLAYER" });
          props.onJoined(joinRoom.code);
        });
      }}
    >
      <label for="room-code">Room code</label>
      <input id="room-code" name="code" value={props.code ?? ""} required autocomplete="off" autocapitalize="characters" inputmode="text" placeholder="KX7-QM3" maxlength="12" />
      <label for="room-nickname">Nickname</label>
      <input id="room-nickname" name="nickname" required maxlength="20" autocomplete="nickname" />
      <button type="submit" class="primary" disabled={joining.busy()}>
        Join
      </button>
      <joining.Notice />
    </form>
  );
}
