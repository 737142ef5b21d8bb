// THE activation rule for joins (server/runtime/README.md, "When a node runs"): one pure function, used for every node
// type (core, agent, plugin) that joins its inputs. Whether an input is required decides only whether its skip skips
// the node, never when the node runs.
import type { TPlanInput } from "../compile-plan";
import type { TMessage } from "./frontier";

export type TJoinMode = "all" | "first";

/** The messages a join consumes, the inputs it hands the node (skip markers removed), and whether it is skipped. */
export type TJoin = { messages: TMessage[]; inputs: Record<string, TMessage[]>; isSkipped: boolean };

/**
 * `all`: ready when every wired input holds a message or a skip marker of the scope (an `acceptsMany` input: one per
 * edge). Skipped when a required input, or every wired input, holds only skip markers; otherwise it runs and a skipped
 * optional input is simply absent (the node's default applies).
 * `first`: runs on the first live message; skipped once every wired input holds only skip markers.
 * Inputs in `ignored` (the feedback inputs of Map and Loop) are not part of the join.
 */
export function joinInputs(inputs: ReadonlyMap<string, TPlanInput>, messages: readonly TMessage[], mode: TJoinMode, ignored: readonly string[] = []): TJoin | undefined {
  const taken: Record<string, TMessage[]> = {};
  let hasLive = false;
  let isComplete = true;
  let isAnyRequiredSkipped = false;
  let joined = 0;
  let isEveryInputSkipped = true;
  for (const [port, input] of inputs) {
    if (ignored.includes(port)) continue;
    joined++;
    const onPort = messages.filter((message) => message.port === port);
    const perEdge = input.definition.acceptsMany
      ? input.edgeIds.flatMap((edgeId) => onPort.filter((message) => message.edgeId === edgeId).slice(0, 1))
      : onPort.slice(0, 1);
    if (perEdge.length > 0) taken[port] = perEdge;
    const isPortLive = perEdge.some((message) => !message.isSkip);
    if (isPortLive) hasLive = true;
    if (perEdge.length < (input.definition.acceptsMany ? input.edgeIds.length : 1)) {
      isComplete = false;
      continue;
    }
    if (isPortLive) isEveryInputSkipped = false;
    else if (input.isRequired) isAnyRequiredSkipped = true;
  }
  if (mode === "first" && hasLive) return withoutSkips(taken, false);
  if (!isComplete) return undefined;
  return withoutSkips(taken, mode === "first" || isAnyRequiredSkipped || (joined > 0 && isEveryInputSkipped));
}

function withoutSkips(taken: Record<string, TMessage[]>, isSkipped: boolean): TJoin {
  const messages = Object.values(taken).flat();
  const inputs = Object.fromEntries(Object.entries(taken).map(([port, list]) => [port, list.filter((message) => !message.isSkip)]));
  return { messages, inputs, isSkipped };
}
