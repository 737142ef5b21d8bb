import type { TDbOrTx } from "../../db/client";
import type { TFrontier } from "../../runtime/frontier/frontier";
import { findRunOrThrow } from "./find-run";

/** A run with its input, output, error and what it waits for (detail view; the list never loads these). */
export async function getRun(db: TDbOrTx, options: { workspaceId: string; runId: string }) {
  const run = await findRunOrThrow(db, options, {
    id: true,
    graphId: true,
    status: true,
    trigger: true,
    input: true,
    output: true,
    error: true,
    frontier: true,
    cancelRequested: true,
    createdAt: true,
    startedAt: true,
    finishedAt: true,
    wakeAt: true,
    graphVersion: { select: { number: true } },
    graph: { select: { name: true } },
  });
  const { frontier, graphVersion, graph, ...rest } = run;
  const waiting = ((frontier as TFrontier | null)?.waiting ?? []).map((wait) => ({ nodeId: wait.nodeId, stepSeq: wait.stepSeq, wait: wait.wait }));
  return { ...rest, graphName: graph.name, versionNumber: graphVersion?.number ?? null, waiting };
}
