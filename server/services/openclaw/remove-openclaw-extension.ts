import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

export async function removeOpenClawExtension(db: TDbOrTx, options: { workspaceId: string; id: string }) {
  const removed = await db.importedExtension.deleteMany({ where: { id: options.id, workspaceId: options.workspaceId } });
  if (removed.count === 0) throw notFound("Imported extension");
  return { id: options.id };
}
