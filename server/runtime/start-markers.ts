// Which activations are saved as started before they run, and saving them (see frontier/mark-started.ts). One
// statement per batch of activations started together, none for a batch without effects: with the step's commit,
// an effectful node costs at most the two transactions DESIGN §4 allows.
import type { TRunPlan } from "./compile-plan";
import type { TExecutionDirective } from "./execute-activation";
import type { TActivation, TFrontier, TResolvedActivation } from "./frontier/frontier";
import { markStarted } from "./frontier/mark-started";
import type { TRunStore } from "./run-store";

export type TStartMarkerContext = {
  store: Pick<TRunStore, "saveFrontier">;
  runId: string;
  owner: string;
  plan: TRunPlan;
  now: () => number;
  directiveOf: (activation: TActivation) => TExecutionDirective;
};

/**
 * An activation that may act on the world: an effectful node's, or one calling attached nodes (an Agent's model and
 * tools). Pure nodes, skips, activations served from a record and resumed waits (the wait's step already ran) just
 * run again after a crash.
 */
export function needsStartMarker(plan: TRunPlan, activation: TActivation | TResolvedActivation, directive: TExecutionDirective): boolean {
  if (activation.isSkipped || "resolution" in activation || directive.kind === "recorded") return false;
  const planNode = plan.nodes.get(activation.nodeId);
  return planNode !== undefined && (planNode.implementation.definition.sideEffects === "effectful" || planNode.attachments.size > 0);
}

/**
 * Marks the activations that need it as started and saves the frontier before any of them runs. Returns the
 * activations as they are to run, and those among them that an executor started before losing the run.
 */
export async function saveStartMarkers(
  context: TStartMarkerContext,
  frontier: TFrontier,
  activations: readonly (TActivation | TResolvedActivation)[],
): Promise<{ frontier: TFrontier; activations: (TActivation | TResolvedActivation)[]; reexecuted: TActivation[] }> {
  const keys = new Set(activations.filter((activation) => needsStartMarker(context.plan, activation, context.directiveOf(activation))).map((activation) => activation.key));
  if (keys.size === 0) return { frontier, activations: [...activations], reexecuted: [] };
  const marked = markStarted(frontier, keys, context.owner, context.now());
  await context.store.saveFrontier({ runId: context.runId, owner: context.owner, frontier: marked });
  const byKey = new Map(marked.inFlight.filter((activation) => keys.has(activation.key)).map((activation) => [activation.key, activation]));
  return {
    frontier: marked,
    activations: activations.map((activation) => byKey.get(activation.key) ?? activation),
    reexecuted: activations.filter((activation) => keys.has(activation.key) && activation.started).map((activation) => byKey.get(activation.key)!),
  };
}

/** The run's log line for a re-executed activation: which attempt was lost, when and where it started. */
export function describeReexecution(activation: TActivation): string {
  const lost = activation.previousAttempts?.at(-1);
  if (!lost) return "";
  return `Re-executed after takeover as attempt ${activation.started?.attempt ?? lost.attempt + 1}: attempt ${lost.attempt}, started ${new Date(lost.startedAt).toISOString()} by ${lost.owner}, was interrupted`;
}
