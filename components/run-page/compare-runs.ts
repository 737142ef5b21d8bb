// Run-to-run diff: which nodes each run ran (path taken), each node's output difference, and tokens, latency and cost
// per node and in total. Pure.
import { diffJson, type TJsonChange } from "@/lib/graph/diff-json";
import { isTruncatedJson } from "@/lib/run-values/truncate-json";
import { toMs, type TInstant, type TUsage } from "./run-types";

export type TCompareStep = { seq: number; nodeId: string; status: string; output: unknown; usage: unknown; startedAt: TInstant; finishedAt: TInstant | null };
export type TCompareRun = { nodes: readonly { id: string; label: string }[]; output: unknown; startedAt: TInstant | null; finishedAt: TInstant | null; usage: TUsage | null; steps: readonly TCompareStep[] };

export type TNodeSide = { status: string; steps: number; tokens: number; costUsd: number; latencyMs: number; output: unknown };

export type TNodeComparison = {
  nodeId: string;
  label: string;
  a: TNodeSide | null;
  b: TNodeSide | null;
  /** Leaf differences of the outputs; one change at the root when either side was too big to list. */
  outputChanges: TJsonChange[];
  isOutputTruncated: boolean;
  /** Ran in one run only, or ended differently. */
  isPathDifferent: boolean;
};

export type TRunTotals = { tokens: number; costUsd: number; durationMs: number | undefined; steps: number };
export type TRunComparison = {
  nodes: TNodeComparison[];
  totals: { a: TRunTotals; b: TRunTotals };
  changedNodes: number;
  /** What the runs' Output nodes received, diffed like a node's output. */
  outputChanges: TJsonChange[];
};

export function compareRuns(a: TCompareRun, b: TCompareRun): TRunComparison {
  const sidesA = summarizeNodes(a.steps);
  const sidesB = summarizeNodes(b.steps);
  const labels = new Map([...b.nodes, ...a.nodes].map((node) => [node.id, node.label]));
  const order = [...new Set([...sidesA.keys(), ...sidesB.keys()])];
  const nodes = order.map((nodeId): TNodeComparison => {
    const sideA = sidesA.get(nodeId) ?? null;
    const sideB = sidesB.get(nodeId) ?? null;
    const isOutputTruncated = hasTruncated(sideA?.output) || hasTruncated(sideB?.output);
    const outputChanges = compareOutputs(sideA?.output, sideB?.output, isOutputTruncated);
    return { nodeId, label: labels.get(nodeId) ?? nodeId, a: sideA, b: sideB, outputChanges, isOutputTruncated, isPathDifferent: !sideA || !sideB || sideA.status !== sideB.status };
  });
  return {
    nodes,
    totals: { a: totalsOf(a, sidesA), b: totalsOf(b, sidesB) },
    changedNodes: nodes.filter((node) => node.isPathDifferent || node.outputChanges.length > 0).length,
    outputChanges: diffJson(a.output ?? null, b.output ?? null),
  };
}

/** Per node, in the order nodes first ran: a node that ran several times (Map items) sums them; its output lists each. */
function summarizeNodes(steps: readonly TCompareStep[]): Map<string, TNodeSide> {
  const byNode = new Map<string, TCompareStep[]>();
  for (const step of [...steps].sort((x, y) => x.seq - y.seq)) byNode.set(step.nodeId, [...(byNode.get(step.nodeId) ?? []), step]);
  return new Map(
    [...byNode].map(([nodeId, nodeSteps]) => {
      const usages = nodeSteps.map((step) => (step.usage as TUsage | null) ?? { tokens: 0, costUsd: 0 });
      const side: TNodeSide = {
        status: aggregateStatus(nodeSteps.map((step) => step.status)),
        steps: nodeSteps.length,
        tokens: usages.reduce((sum, usage) => sum + usage.tokens, 0),
        costUsd: usages.reduce((sum, usage) => sum + usage.costUsd, 0),
        latencyMs: nodeSteps.reduce((sum, step) => sum + Math.max(0, (toMs(step.finishedAt) ?? toMs(step.startedAt)) - toMs(step.startedAt)), 0),
        output: nodeSteps.length === 1 ? nodeSteps[0]!.output : nodeSteps.map((step) => step.output),
      };
      return [nodeId, side];
    }),
  );
}

function aggregateStatus(statuses: readonly string[]): string {
  for (const status of ["failed", "waiting", "cancelled"]) if (statuses.includes(status)) return status;
  if (statuses.every((status) => status === "skipped")) return "skipped";
  return "succeeded";
}

function compareOutputs(before: unknown, after: unknown, isTruncated: boolean): TJsonChange[] {
  if (!isTruncated) return diffJson(before ?? null, after ?? null);
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: [], before, after }];
}

function hasTruncated(value: unknown): boolean {
  if (isTruncatedJson(value)) return true;
  if (Array.isArray(value)) return value.some(hasTruncated);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasTruncated);
  return false;
}

function totalsOf(run: TCompareRun, sides: Map<string, TNodeSide>): TRunTotals {
  const values = [...sides.values()];
  const started = toMs(run.startedAt);
  const finished = toMs(run.finishedAt);
  return {
    tokens: run.usage?.tokens ?? values.reduce((sum, side) => sum + side.tokens, 0),
    costUsd: run.usage?.costUsd ?? values.reduce((sum, side) => sum + side.costUsd, 0),
    durationMs: started !== undefined && finished !== undefined ? finished - started : undefined,
    steps: run.steps.length,
  };
}
