import { AppError } from "../../app-error";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { getPluginAbilities } from "./get-plugin-abilities";

/** Only the owner may let unsigned plugins in; they still never run in graphs tagged `production`. */
export async function setAllowUnsignedPlugins(db: TDb, options: { workspaceId: string; role: TRole; isAllowed: boolean }) {
  const { ability } = await getPluginAbilities(db, options);
  if (!ability.can("allowUnsignedPlugins", "Workspace")) throw new AppError("FORBIDDEN", "Only the workspace owner can allow unsigned plugins");
  await db.workspace.update({ where: { id: options.workspaceId }, data: { allowUnsignedPlugins: options.isAllowed } });
  return { allowUnsignedPlugins: options.isAllowed };
}
