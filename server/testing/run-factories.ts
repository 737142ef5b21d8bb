// Graphs, versions and finished runs written straight through Prisma: history tests need runs of many statuses,
// triggers and times without executing them.
import { db } from "../db/client";
import { insertRun } from "../db/insert-run";
import type { TRunStatus } from "../runtime/statuses";
import { createSimpleGraphSpec } from "./simple-graph-spec";

const SPEC = JSON.parse(JSON.stringify(createSimpleGraphSpec()));

export async function createTestGraph(workspaceId: string, options: { name?: string; versions?: number } = {}) {
  const graph = await db().graph.create({ data: { workspaceId, name: options.name ?? "Graph", draft: SPEC }, select: { id: true, name: true } });
  const versionIds: string[] = [];
  for (let number = 1; number <= (options.versions ?? 0); number++) {
    const version = await db().graphVersion.create({ data: { graphId: graph.id, number, spec: SPEC, hash: `hash-${graph.id}-${number}` }, select: { id: true } });
    versionIds.push(version.id);
  }
  return { ...graph, versionIds };
}

export type TTestRun = {
  status?: TRunStatus;
  trigger?: string;
  versionId?: string;
  errorMessage?: string;
  usage?: { tokens: number; costUsd: number };
  createdAt?: Date;
  durationMs?: number;
};

/** A run that already happened: started at `createdAt`, finished `durationMs` later unless it is still going. */
export async function createTestRun(graph: { workspaceId: string; graphId: string }, run: TTestRun = {}) {
  const status = run.status ?? "succeeded";
  const createdAt = run.createdAt ?? new Date();
  const isFinished = status === "succeeded" || status === "failed" || status === "cancelled";
  return insertRun(
    db(),
    {
      workspaceId: graph.workspaceId,
      graphId: graph.graphId,
      graphVersionId: run.versionId,
      spec: SPEC,
      status,
      trigger: run.trigger ?? "manual",
      error: run.errorMessage === undefined ? undefined : { code: "Error", message: run.errorMessage, stack: `Error: ${run.errorMessage}\n    at node` },
      usage: run.usage,
      createdAt,
      startedAt: status === "queued" ? null : createdAt,
      finishedAt: isFinished ? new Date(createdAt.getTime() + (run.durationMs ?? 1_000)) : null,
    },
    { id: true, number: true, createdAt: true },
  );
}

/** A recorded step of a run (the Input node's, by default), so that step readers, fork and replay have one to name. */
export async function createTestStep(runId: string, step: { seq?: number; nodeId?: string; input?: unknown; output?: unknown } = {}) {
  const seq = step.seq ?? 1;
  const nodeId = step.nodeId ?? "question";
  return db().runStep.create({
    data: { runId, seq, nodeId, key: `${nodeId}:[]:1`, scope: [], status: "succeeded", input: (step.input ?? { question: "hi" }) as object, output: (step.output ?? { out: { question: "hi" } }) as object, finishedAt: new Date() },
    select: { id: true, seq: true },
  });
}
