import { ACCESS_RIGHTS } from "@/lib/auth/access-rights";
import type { TDbOrTx } from "../../db/client";

/** The user's workspaces with their role and the scopes it grants (the browser hides what a role cannot do). */
export async function listWorkspaces(db: TDbOrTx, options: { userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId: options.userId },
    orderBy: { workspace: { name: "asc" } },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true, allowUnsignedPlugins: true } } },
  });
  return memberships.map(({ role, workspace }) => ({ ...workspace, role, scopes: [...ACCESS_RIGHTS[role]] }));
}
