/** The topic and length fields of a form that makes a quiz (a quiz alone, or a live room's). */
import { For } from "solid-js";
import type { DecksQuery } from "../api/generated/graphql.ts";

export function QuizTopicAndLength(props: { idPrefix: string; topics: DecksQuery["decks"] | undefined; countLabel: string }) {
  return (
    <>
      <label for={`${props.idPrefix}-topic`}>Topic</label>
      <select id={`${props.idPrefix}-topic`} name="topic">
        <option value="">Everything</option>
        <For each={props.topics ?? []}>{(topic) => <option value={topic.id.replace(/^topic:/, "")}>{topic.title}</option>}</For>
      </select>
      <label for={`${props.idPrefix}-count`}>{props.countLabel}</label>
      <select id={`${props.idPrefix}-count`} name="count">
        <option value="5">5</option>
        <option value="10" selected>
          10
        </option>
        <option value="20">20</option>
      </select>
    </>
  );
}
