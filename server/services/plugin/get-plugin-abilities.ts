import { defineAbilitiesFor } from "../../auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDbOrTx } from "../../db/client";

/** The caller's plugin abilities in a workspace, from their role and the workspace's settings. */
export async function getPluginAbilities(db: TDbOrTx, options: { workspaceId: string; role: TRole }) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: options.workspaceId }, select: { allowUnsignedPlugins: true } });
  return { ability: defineAbilitiesFor({ role: options.role, allowUnsignedPlugins: workspace.allowUnsignedPlugins }), workspace };
}
