import type { TRunRetention } from "@/lib/runs/run-retention";
import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

export async function getRunRetention(db: TDbOrTx, options: { workspaceId: string }): Promise<TRunRetention> {
  const workspace = await db.workspace.findUnique({ where: { id: options.workspaceId }, select: { runRetentionDays: true, failedRunRetentionDays: true } });
  if (!workspace) throw notFound("Workspace");
  return { runDays: workspace.runRetentionDays, failedDays: workspace.failedRunRetentionDays };
}
