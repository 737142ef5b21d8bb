import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { isFinalRunStatus } from "../../runtime/statuses";
import { findRunOrThrow } from "./find-run";
import { refuseGatewayRecording } from "./refuse-gateway-recording";

/** Sub-graph runs started by the run's steps (parked Sub-graph steps and Sub-graph tools) are cancelled with it, level by level. */
async function cancelChildRuns(db: TDbOrTx, runId: string): Promise<void> {
  let parents = [runId];
  while (parents.length > 0) {
    const children = await db.run.findMany({
      where: { parentRunId: { in: parents }, OR: [{ parentStepSeq: { not: null } }, { trigger: "tool" }], status: { notIn: ["succeeded", "failed", "cancelled"] } },
      select: { id: true },
    });
    parents = children.map((child) => child.id);
    if (parents.length > 0) await db.run.updateMany({ where: { id: { in: parents } }, data: { cancelRequested: true } });
  }
}

/** Records the request; the engine that holds (or next claims) the run aborts its running nodes and ends it. */
export async function cancelRun(db: TDbOrTx, options: { workspaceId: string; runId: string }) {
  const run = await findRunOrThrow(db, options, { id: true, status: true, trigger: true });
  refuseGatewayRecording(run, "cancelled");
  if (isFinalRunStatus(run.status)) throw new AppError("CONFLICT", `The run already ended (${run.status})`);
  await db.run.update({ where: { id: run.id }, data: { cancelRequested: true } });
  await cancelChildRuns(db, run.id);
  studioEvents.emit("run.cancel_requested", { workspaceId: options.workspaceId, runId: run.id });
  return { id: run.id, cancelRequested: true };
}
