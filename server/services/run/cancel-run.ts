import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { isFinalRunStatus } from "../../runtime/statuses";
import { findRunOrThrow } from "./find-run";

/** Records the request; the engine that holds (or next claims) the run aborts its running nodes and ends it. */
export async function cancelRun(db: TDbOrTx, options: { workspaceId: string; runId: string }) {
  const run = await findRunOrThrow(db, options, { id: true, status: true });
  if (isFinalRunStatus(run.status)) throw new AppError("CONFLICT", `The run already ended (${run.status})`);
  await db.run.update({ where: { id: run.id }, data: { cancelRequested: true } });
  studioEvents.emit("run.cancel_requested", { workspaceId: options.workspaceId, runId: run.id });
  return { id: run.id, cancelRequested: true };
}
