import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

/** Scoped by workspace in the delete itself: a rule of another workspace is the same NOT_FOUND as a missing one. */
export async function removeEgressRule(db: TDbOrTx, options: { workspaceId: string; ruleId: string }) {
  const removed = await db.egressRule.deleteMany({ where: { id: options.ruleId, workspaceId: options.workspaceId } });
  if (removed.count === 0) throw notFound("Egress rule");
  return { id: options.ruleId };
}
