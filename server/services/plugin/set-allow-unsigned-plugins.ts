import { AppError } from "../../app-error";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { getPluginAbilities } from "./get-plugin-abilities";

/**
 * Only the owner may let unsigned plugins in; they still never run in graphs tagged `production`. Turning it off also
 * disables every unsigned plugin installed here, in the same transaction: "not allowed" holds for what is already in,
 * not only for what comes next. Returns the plugins it disabled, so the owner sees what stopped.
 */
export async function setAllowUnsignedPlugins(db: TDb, options: { workspaceId: string; role: TRole; isAllowed: boolean }) {
  const { ability } = await getPluginAbilities(db, options);
  if (!ability.can("allowUnsignedPlugins", "Workspace")) throw new AppError("FORBIDDEN", "Only the workspace owner can allow unsigned plugins");
  return db.$transaction(async (tx) => {
    await tx.workspace.update({ where: { id: options.workspaceId }, data: { allowUnsignedPlugins: options.isAllowed } });
    if (options.isAllowed) return { allowUnsignedPlugins: true, disabledPlugins: [] as string[] };
    const unsigned = { workspaceId: options.workspaceId, isEnabled: true, plugin: { signedBy: null } };
    const installs = await tx.pluginInstall.findMany({ where: unsigned, select: { pluginKey: true }, orderBy: { pluginKey: "asc" } });
    await tx.pluginInstall.updateMany({ where: { ...unsigned, pluginKey: { in: installs.map((install) => install.pluginKey) } }, data: { isEnabled: false } });
    return { allowUnsignedPlugins: false, disabledPlugins: installs.map((install) => install.pluginKey) };
  });
}
