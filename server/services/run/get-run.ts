import type { TGraphSettings } from "@/lib/graph";
import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { TFrontier } from "../../runtime/frontier/frontier";
import type { TUsage } from "../../runtime/node-implementation";
import { findRunOrThrow } from "./find-run";
import { nameRuns } from "./name-runs";

type TSpecShape = {
  settings?: TGraphSettings;
  nodes?: { id: string; type: string; label?: string; position?: { x: number; y: number } }[];
  edges?: { id: string; source: { node: string }; target: { node: string } }[];
};

/**
 * A run with its input, output, error and what it waits for (detail view; the list never loads these), the runs it
 * derives from (replay, fork, parent) and the child runs it waits for, each named by number for the caller (`visible`:
 * the graphs they see), its limits and the steps it took (for the header), and its graph's nodes (id, type, label,
 * position) and edges, for naming steps and drawing the graph.
 */
export async function getRun(db: TDbOrTx, options: { workspaceId: string; runId: string; visible: Prisma.GraphWhereInput }) {
  const run = await findRunOrThrow(db, options, {
    id: true,
    number: true,
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
    traceId: true,
    graphVersion: { select: { number: true } },
    graph: { select: { name: true } },
  });
  const { frontier, spec, graphVersion, graph, usage, parentRunId, parentStepSeq, forkedFromStepId, replayOfRunId, ...rest } = run;
  const waits = (frontier as TFrontier | null)?.waiting ?? [];
  const childRunIds = waits.flatMap((entry) => (entry.wait.kind === "subgraph" ? [entry.wait.childRunId] : []));
  const named = await nameRuns(db, { workspaceId: options.workspaceId, runIds: [replayOfRunId, parentRunId, ...childRunIds].filter((id) => id !== null), visible: options.visible });
  const refOf = (runId: string) => named.get(runId) ?? { runId, seen: null };
  const waiting = waits.map((entry) => ({ nodeId: entry.nodeId, stepSeq: entry.stepSeq, wait: entry.wait, childRun: entry.wait.kind === "subgraph" ? refOf(entry.wait.childRunId) : null }));
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
    replayOf: replayOfRunId ? refOf(replayOfRunId) : null,
    forkOf: parentRunId && forkedFrom ? { ...refOf(parentRunId), stepSeq: forkedFrom.seq, nodeId: forkedFrom.nodeId } : null,
    childOf: parentRunId && !forkedFromStepId ? { ...refOf(parentRunId), stepSeq: parentStepSeq } : null,
  };
}
