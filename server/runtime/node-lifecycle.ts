// Node-instance lifecycle events of one drive: created, activated (also when invoked as an attached node), retired.
import type { TActivation, TFrontier } from "./frontier/frontier";

/**
 * Node instances: created at a node's first activation in the run (already created when the run resumes from a
 * checkpoint that counted activations of it), activated each time, all retired when the run ends.
 */
export function createLifecycle(initial: TFrontier, emit: (type: "node.created" | "node.activated" | "node.retired", nodeId: string, payload: object) => void) {
  const countsByNode = (frontier: TFrontier) => {
    const counts = new Map<string, number>();
    for (const [key, count] of Object.entries(frontier.activationCounts)) {
      const nodeId = key.slice(0, key.indexOf(":"));
      counts.set(nodeId, (counts.get(nodeId) ?? 0) + count);
    }
    return counts;
  };
  const created = new Set(countsByNode(initial).keys());
  return {
    activate(activation: TActivation): void {
      if (!created.has(activation.nodeId)) emit("node.created", activation.nodeId, {});
      created.add(activation.nodeId);
      emit("node.activated", activation.nodeId, { stepSeq: activation.stepSeq, scope: activation.scope });
    },
    /** An attached node (a delegated agent, a tool) invoked during the caller's activation. */
    activateAttached(nodeId: string, caller: TActivation): void {
      if (!created.has(nodeId)) emit("node.created", nodeId, {});
      created.add(nodeId);
      emit("node.activated", nodeId, { stepSeq: caller.stepSeq, scope: caller.scope });
    },
    retireAll(final: TFrontier): void {
      for (const [nodeId, activations] of countsByNode(final)) emit("node.retired", nodeId, { activations });
    },
  };
}
