import { defineAbilityFor } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDbOrTx } from "../../db/client";

/** The caller's abilities for plugin decisions in a workspace, from their role and the workspace's settings. */
export async function getPluginAbilities(db: TDbOrTx, options: { workspaceId: string; role: TRole }) {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: options.workspaceId }, select: { allowUnsignedPlugins: true } });
  const ability = defineAbilityFor({ userId: null, role: options.role, apiKey: null, allowUnsignedPlugins: workspace.allowUnsignedPlugins });
  return { ability, workspace };
}
