import type { TDbOrTx } from "../../db/client";

export async function listEgressRules(db: TDbOrTx, options: { workspaceId: string }) {
  return db.egressRule.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: { host: "asc" },
    select: { id: true, host: true, createdAt: true, createdById: true },
  });
}
