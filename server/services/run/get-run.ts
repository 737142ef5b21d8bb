import type { TGraphSettings } from "@/lib/graph";
import type { TDbOrTx } from "../../db/client";
import type { TFrontier } from "../../runtime/frontier/frontier";
import type { TUsage } from "../../runtime/node-implementation";
import { findRunOrThrow } from "./find-run";

type TSpecShape = {
  settings?: TGraphSettings;
  nodes?: { id: string; type: string; label?: string; position?: { x: number; y: number } }[];
  edges?: { id: string; source: { node: string }; target: { node: string } }[];
};

/**
 * A run with its input, output, error and what it waits for (detail view; the list never loads these), the runs it
 * derives from (replay, fork, parent), its limits and the steps it took (for the header), and its graph's nodes (id, type, label, position) and edges, for naming steps and
 * drawing the graph.
 */
export async function getRun(db: TDbOrTx, options: { workspaceId: string; runId: string }) {
  const run = await findRunOrThrow(db, options, {
    id: true,
    graphId: true,
    status: true,
    trigger: true,
    input: true,
    output: true,
    error: true,
    usage: true,
    frontier: true,
    spec: true,
    cancelRequested: true,
    createdAt: true,
    startedAt: true,
    finishedAt: true,
    wakeAt: true,
    parentRunId: true,
    parentStepSeq: true,
    forkedFromStepId: true,
    replayOfRunId: true,
    graphVersion: { select: { number: true } },
    graph: { select: { name: true } },
  });
  const { frontier, spec, graphVersion, graph, usage, parentRunId, parentStepSeq, forkedFromStepId, replayOfRunId, ...rest } = run;
  const waiting = ((frontier as TFrontier | null)?.waiting ?? []).map((wait) => ({ nodeId: wait.nodeId, stepSeq: wait.stepSeq, wait: wait.wait }));
  const shape = (spec ?? {}) as TSpecShape;
  const nodes = (shape.nodes ?? []).map((node) => ({ id: node.id, type: node.type, label: node.label || node.id, position: node.position ?? { x: 0, y: 0 } }));
  // Enough of the graph to draw it (a comparison on the canvas), without configs.
  const edges = (shape.edges ?? []).map((edge) => ({ id: edge.id, source: edge.source.node, target: edge.target.node }));
  const { maxSteps, runTimeoutMs, tokenBudget, costBudgetUsd } = shape.settings ?? {};
  const forkedFrom = forkedFromStepId ? await db.runStep.findUnique({ where: { id: forkedFromStepId }, select: { seq: true, nodeId: true } }) : null;
  return {
    ...rest,
    graphName: graph.name,
    versionNumber: graphVersion?.number ?? null,
    usage: usage as TUsage | null,
    limits: { maxSteps, runTimeoutMs, tokenBudget, costBudgetUsd },
    stepCount: (frontier as TFrontier | null)?.stepCount ?? 0,
    waiting,
    nodes,
    edges,
    replayOf: replayOfRunId ? { runId: replayOfRunId } : null,
    forkOf: parentRunId && forkedFrom ? { runId: parentRunId, stepSeq: forkedFrom.seq, nodeId: forkedFrom.nodeId } : null,
    childOf: parentRunId && !forkedFromStepId ? { runId: parentRunId, stepSeq: parentStepSeq } : null,
  };
}
