import type { TDbOrTx } from "../../db/client";
import { findRunOrThrow } from "./find-run";

export async function listRunSteps(db: TDbOrTx, options: { workspaceId: string; runId: string }) {
  await findRunOrThrow(db, options, { id: true });
  return db.runStep.findMany({
    where: { runId: options.runId },
    orderBy: { seq: "asc" },
    select: { seq: true, key: true, nodeId: true, scope: true, attempt: true, status: true, input: true, output: true, error: true, effects: true, startedAt: true, finishedAt: true },
  });
}
