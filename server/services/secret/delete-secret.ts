import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

/** Scoped by workspace: another workspace's secret of the same name is the same NOT_FOUND as a missing one. */
export async function deleteSecret(db: TDbOrTx, options: { workspaceId: string; name: string }) {
  const { count } = await db.secret.deleteMany({ where: { workspaceId: options.workspaceId, name: options.name } });
  if (count === 0) throw notFound("Secret");
  return { name: options.name };
}
