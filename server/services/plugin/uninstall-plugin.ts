import { AppError } from "../../app-error";
import { canOnPlugin } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { findPluginInstallOrThrow } from "./find-plugin-install";
import { getPluginAbilities } from "./get-plugin-abilities";

/** Removes the plugin from the workspace. Stored versions stay (other workspaces, and runs, may refer to them). */
export async function uninstallPlugin(db: TDb, options: { workspaceId: string; role: TRole; pluginKey: string }) {
  const install = await findPluginInstallOrThrow(db, options);
  const { ability } = await getPluginAbilities(db, options);
  if (!canOnPlugin(ability, "uninstall", { isSigned: install.plugin.signedBy !== null, publisher: install.plugin.publisher })) {
    throw new AppError("FORBIDDEN", `Your role (${options.role}) cannot uninstall plugins`);
  }
  await db.pluginInstall.delete({ where: { id: install.id } });
  return { pluginKey: install.pluginKey };
}
