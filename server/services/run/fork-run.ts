import { AppError, notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { type Prisma } from "../../db/generated/client";
import { readStepValueFile } from "../../step-values/step-value-files";
import { createDerivedRun } from "./create-derived-run";
import { findRunOrThrow } from "./find-run";
import { refuseGatewayRecording } from "./refuse-gateway-recording";

/**
 * A new run that starts at one step of this run: everything upstream is served from this run's records, the step runs
 * again with `input` (per input port; default: the input it had, which makes this "re-run from here"), and everything
 * downstream runs live.
 */
export async function forkRun(db: TDbOrTx, options: { workspaceId: string; runId: string; stepSeq: number; input?: Record<string, unknown>; actorId: string }) {
  const source = await findRunOrThrow(db, options, { id: true, status: true, trigger: true, graphId: true, graphVersionId: true, spec: true, input: true });
  refuseGatewayRecording(source, "forked");
  if (source.status === "queued" || source.status === "running") throw new AppError("CONFLICT", "Wait for the run to finish or pause before forking it");
  const step = await db.runStep.findUnique({ where: { runId_seq: { runId: source.id, seq: options.stepSeq } }, select: { id: true, input: true, status: true } });
  if (!step) throw notFound(`Step ${options.stepSeq}`);
  if (step.status === "skipped") throw new AppError("BAD_REQUEST", "A skipped step has no input to start from");
  // The fork keeps its own copy of a step input held in a file: pruning the source run removes that file.
  const forkInput = (options.input ?? (await readStepValueFile(step.input)) ?? {}) as Prisma.InputJsonValue;
  return createDerivedRun(db, source, {
    workspaceId: options.workspaceId,
    actorId: options.actorId,
    trigger: "fork",
    link: { parentRunId: source.id, forkedFromStepId: step.id, forkInput },
  });
}
