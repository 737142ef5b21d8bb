import { defineAbilityFor } from "@/lib/auth/abilities";
import { ACCESS_RIGHTS } from "@/lib/auth/access-rights";
import type { TDbOrTx } from "../../db/client";

/**
 * The user's workspaces with their role, its scopes and the policy's rules for them (lib/auth/abilities.ts): the
 * browser builds the same ability from the rules to hide what the user cannot do.
 */
export async function listWorkspaces(db: TDbOrTx, options: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId: options.userId },
    orderBy: { workspace: { name: "asc" } },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true, allowUnsignedPlugins: true } } },
  });
  return memberships.map(({ role, workspace }) => {
    const ability = defineAbilityFor({ userId: options.userId, role, apiKey: null, allowUnsignedPlugins: workspace.allowUnsignedPlugins });
    return { ...workspace, role, scopes: [...ACCESS_RIGHTS[role]], rules: ability.rules };
  });
}
