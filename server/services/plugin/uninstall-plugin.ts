import { AppError } from "../../app-error";
import { canOnPlugin } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { describePluginUsers, findPluginUsers } from "../../plugins/find-plugin-users";
import { findPluginInstallOrThrow } from "./find-plugin-install";
import { getPluginAbilities } from "./get-plugin-abilities";

/**
 * Removes the plugin from the workspace. Refused (CONFLICT, listing them) while a deployed version or a published one
 * that triggers start uses it: those would fail at their next run. Stored versions stay (other workspaces, runs and
 * the pins of published versions refer to them).
 */
export async function uninstallPlugin(db: TDb, options: { workspaceId: string; role: TRole; pluginKey: string }) {
  const install = await findPluginInstallOrThrow(db, options);
  const { ability } = await getPluginAbilities(db, options);
  if (!canOnPlugin(ability, "uninstall", { isSigned: install.plugin.signedBy !== null, publisher: install.plugin.publisher })) {
    throw new AppError("FORBIDDEN", `Your role (${options.role}) cannot uninstall plugins`);
  }
  const users = await findPluginUsers(db, { workspaceId: options.workspaceId, pluginKey: install.pluginKey });
  if (users.length > 0) {
    throw new AppError("CONFLICT", `${install.pluginKey} cannot be uninstalled: ${users.length} deployed or triggered graph version(s) use it. Deploy or publish versions without it first:\n${describePluginUsers(users)}`, {
      details: { users },
    });
  }
  await db.pluginInstall.delete({ where: { id: install.id } });
  return { pluginKey: install.pluginKey };
}
