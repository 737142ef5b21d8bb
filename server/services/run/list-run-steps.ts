import { trimStepValues } from "@/lib/run-values/trim-step-values";
import type { TDbOrTx } from "../../db/client";
import { findRunOrThrow } from "./find-run";

/**
 * A run's steps in order, each big recorded value (a 5 MB tool result) replaced by a preview marker, as is a value kept
 * in a file (its reference carries the preview): the run page loads one in full through `getStepValue` when asked.
 */
export async function listRunSteps(db: TDbOrTx, options: { workspaceId: string; runId: string }) {
  await findRunOrThrow(db, options, { id: true });
  const steps = await db.runStep.findMany({
    where: { runId: options.runId },
    orderBy: { seq: "asc" },
    select: { seq: true, key: true, nodeId: true, scope: true, attempt: true, status: true, input: true, output: true, error: true, effects: true, usage: true, startedAt: true, finishedAt: true },
  });
  return steps.map((step) => trimStepValues(step));
}
