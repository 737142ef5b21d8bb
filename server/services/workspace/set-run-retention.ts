import { runRetentionProblem, type TRunRetention } from "@/lib/runs/run-retention";
import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

/** Sets how long the workspace keeps finished runs; the pruner (server/retention/) applies it at its next pass. */
export async function setRunRetention(db: TDbOrTx, options: { workspaceId: string; retention: TRunRetention }): Promise<TRunRetention> {
  const problem = runRetentionProblem(options.retention);
  if (problem) throw new AppError("BAD_REQUEST", problem);
  const saved = await db.workspace.update({
    where: { id: options.workspaceId },
    data: { runRetentionDays: options.retention.runDays, failedRunRetentionDays: options.retention.failedDays },
    select: { runRetentionDays: true, failedRunRetentionDays: true },
  });
  return { runDays: saved.runRetentionDays, failedDays: saved.failedRunRetentionDays };
}
