// The event log's filters: type groups, one node, and text. Pure.
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { describeEvent } from "./describe-event";

export const EVENT_GROUPS = {
  run: "Run",
  lifecycle: "Node lifecycle",
  tokens: "Tokens",
  calls: "Calls",
  logs: "Logs",
  edges: "Edges",
} as const;
export type TEventGroup = keyof typeof EVENT_GROUPS;

export type TEventFilter = { groups: readonly TEventGroup[]; nodeId: string; text: string };

export const ALL_EVENT_GROUPS = Object.keys(EVENT_GROUPS) as TEventGroup[];

export function getEventGroup(type: string): TEventGroup {
  if (type.startsWith("run.")) return "run";
  if (type === "node.output_chunk") return "tokens";
  if (type === "node.call_started" || type === "node.call_finished" || type === "model.retry") return "calls";
  if (type === "node.log") return "logs";
  if (type.startsWith("edge.")) return "edges";
  return "lifecycle";
}

/** Events of the chosen groups, of the node (or any when empty), whose type, node or summary contains the text. */
export function filterEvents(events: readonly TRunStreamEvent[], filter: TEventFilter, labelOf: (nodeId: string) => string = (id) => id): TRunStreamEvent[] {
  const groups = new Set(filter.groups);
  const text = filter.text.trim().toLowerCase();
  return events.filter((event) => {
    if (!groups.has(getEventGroup(event.type))) return false;
    if (filter.nodeId && event.nodeId !== filter.nodeId) return false;
    if (!text) return true;
    const haystack = `${event.type} ${event.nodeId ?? ""} ${event.nodeId ? labelOf(event.nodeId) : ""} ${describeEvent(event)}`.toLowerCase();
    return haystack.includes(text);
  });
}
