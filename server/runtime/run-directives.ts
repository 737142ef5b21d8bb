// Replay and fork: per activation, whether node code runs live, with recorded time and randomness, or from the record.
import type { TRunPlan } from "./compile-plan";
import { createCrossVersionDirectives } from "./cross-version-directives";
import type { TExecutionDirective } from "./execute-activation";
import type { TActivation } from "./frontier/frontier";
import type { TLoadedRun } from "./run-store";

/** Replay and fork decide per activation whether node code runs (see TRecording). */
export function createDirectives(plan: TRunPlan, recording: TLoadedRun["recording"]): (activation: TActivation) => TExecutionDirective {
  if (!recording) return () => ({ kind: "live" });
  if (recording.crossVersion) return createCrossVersionDirectives(plan, { ...recording, crossVersion: recording.crossVersion });
  const live = recording.fork ? descendantsOf(plan, recording.fork.nodeId) : new Set<string>();
  return (activation) => {
    const step = recording.steps[activation.key];
    if (recording.fork) {
      if (!live.has(activation.nodeId)) return { kind: "recorded", step };
      return activation.key === recording.fork.key ? { kind: "live", inputOverride: recording.fork.input } : { kind: "live" };
    }
    const implementation = plan.nodes.get(activation.nodeId)!.implementation;
    const isPure = implementation.definition.sideEffects === "pure" && !implementation.resume;
    return isPure ? { kind: "replay-pure", effects: step?.effects } : { kind: "recorded", step };
  };
}

/** The node and every node its messages can reach. */
function descendantsOf(plan: TRunPlan, nodeId: string): Set<string> {
  const seen = new Set([nodeId]);
  const queue = [nodeId];
  while (queue.length > 0) {
    for (const edges of plan.nodes.get(queue.shift()!)?.outgoing.values() ?? []) {
      for (const edge of edges) if (!seen.has(edge.target.node)) queue.push(seen.add(edge.target.node) && edge.target.node);
    }
  }
  return seen;
}
