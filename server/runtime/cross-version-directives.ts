// Replay through another version (blue/green): per activation, whether the source run's record may stand in for it.
import { toCanonicalJson } from "@/lib/graph";
import type { TRunPlan } from "./compile-plan";
import { collectInputs, type TExecutionDirective } from "./execute-activation";
import type { TActivation } from "./frontier/frontier";
import { describeNodeBehaviour } from "./node-behaviour";
import type { TRecording } from "./run-store";

const MESSAGE_KINDS = new Set(["data", "control"]);

/**
 * A step is served from the source run's record only when there is one under its key, its node acts as it did there
 * (node-behaviour.ts: same type, config, attached model and tools) and it gets the same input; an upstream change
 * reaches it as another input. Pure nodes then re-execute with the recorded time and randomness, effectful ones and
 * waits come from the record. Any other step of a pure node runs live (it calls nothing); one of an effectful node
 * runs live only when the replay allows live calls, else it fails unrun, so a replay without them calls no model
 * and no host.
 */
export function createCrossVersionDirectives(
  plan: TRunPlan,
  recording: TRecording & { crossVersion: NonNullable<TRecording["crossVersion"]> },
): (activation: TActivation) => TExecutionDirective {
  const { sourceSpec, allowsLiveCalls } = recording.crossVersion;
  const portsByType = new Map<string, string[]>();
  for (const { implementation } of plan.nodes.values()) {
    const { type, inputs } = implementation.definition;
    portsByType.set(type, inputs.filter((port) => !MESSAGE_KINDS.has(port.kind)).map((port) => port.id));
  }
  const attachmentPorts = (type: string) => portsByType.get(type) ?? [];
  const unchanged = new Map<string, boolean>();
  const isUnchanged = (nodeId: string) => {
    if (!unchanged.has(nodeId)) unchanged.set(nodeId, describeNodeBehaviour(plan.spec, nodeId, attachmentPorts) === describeNodeBehaviour(sourceSpec, nodeId, attachmentPorts));
    return unchanged.get(nodeId)!;
  };

  return (activation) => {
    const planNode = plan.nodes.get(activation.nodeId)!;
    const step = recording.steps[activation.key];
    const mismatch = !step
      ? "has no record in the source run"
      : !isUnchanged(activation.nodeId)
        ? "changed in this version"
        : toCanonicalJson(collectInputs(planNode, activation)) !== toCanonicalJson(step.input ?? {})
          ? "gets another input than in the source run"
          : null;
    const { implementation } = planNode;
    const isPure = implementation.definition.sideEffects === "pure" && !implementation.resume;
    if (isPure) return mismatch || !step ? { kind: "live" } : { kind: "replay-pure", effects: step.effects };
    if (!mismatch && step) return { kind: "recorded", step };
    if (allowsLiveCalls) return { kind: "live" };
    const name = planNode.node.label || planNode.node.id;
    return { kind: "refused", reason: `"${name}" ${mismatch}: replaying it needs a live call, and this replay may not make live calls` };
  };
}
