import { AppError } from "../../app-error";
import { canOnPlugin } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { findPluginInstallOrThrow } from "./find-plugin-install";
import { getPluginAbilities } from "./get-plugin-abilities";

/** A disabled plugin's node types stay in saved graphs but cannot run until it is enabled again. */
export async function setPluginEnabled(db: TDb, options: { workspaceId: string; role: TRole; pluginKey: string; isEnabled: boolean }) {
  const install = await findPluginInstallOrThrow(db, options);
  const { ability, workspace } = await getPluginAbilities(db, options);
  const action = options.isEnabled ? "enable" : "disable";
  const isSigned = install.plugin.signedBy !== null;
  if (!canOnPlugin(ability, action, { isSigned, publisher: install.plugin.publisher })) {
    const isUnsignedRefusal = options.isEnabled && !isSigned && !workspace.allowUnsignedPlugins;
    throw new AppError(
      "FORBIDDEN",
      isUnsignedRefusal ? `${install.pluginKey} is unsigned, and this workspace does not allow unsigned plugins` : `Your role (${options.role}) cannot ${action} plugins`,
    );
  }
  await db.pluginInstall.update({ where: { id: install.id }, data: { isEnabled: options.isEnabled } });
  return { pluginKey: install.pluginKey, isEnabled: options.isEnabled };
}
