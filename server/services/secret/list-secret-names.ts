import type { TDbOrTx } from "../../db/client";

/** The workspace's secret names, in name order, for the editor's secret pickers: not even a mask leaves the server. */
export async function listSecretNames(db: TDbOrTx, options: { workspaceId: string }): Promise<string[]> {
  const secrets = await db.secret.findMany({ where: { workspaceId: options.workspaceId }, orderBy: { name: "asc" }, select: { name: true } });
  return secrets.map((secret) => secret.name);
}
