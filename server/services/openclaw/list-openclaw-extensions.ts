import type { TDbOrTx } from "../../db/client";

/** The imported OpenClaw plugins and skills of a workspace, small columns only (details: getOpenClawExtension). */
export async function listOpenClawExtensions(db: TDbOrTx, options: { workspaceId: string }) {
  return db.importedExtension.findMany({
    where: { workspaceId: options.workspaceId },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, kind: true, externalId: true, name: true, version: true, description: true, updatedAt: true },
  });
}
