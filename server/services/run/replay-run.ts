import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { isFinalRunStatus } from "../../runtime/statuses";
import { createDerivedRun } from "./create-derived-run";
import { findRunOrThrow } from "./find-run";
import { refuseGatewayRecording } from "./refuse-gateway-recording";

/** A new run of the same spec and input that serves every effectful step from this run's records (no model calls). */
export async function replayRun(db: TDbOrTx, options: { workspaceId: string; runId: string; actorId: string }) {
  const source = await findRunOrThrow(db, options, { id: true, status: true, trigger: true, graphId: true, graphVersionId: true, spec: true, input: true });
  refuseGatewayRecording(source, "replayed");
  if (!isFinalRunStatus(source.status)) throw new AppError("CONFLICT", `Only a finished run can be replayed (this one is ${source.status})`);
  return createDerivedRun(db, source, { workspaceId: options.workspaceId, actorId: options.actorId, trigger: "replay", link: { replayOfRunId: source.id } });
}
