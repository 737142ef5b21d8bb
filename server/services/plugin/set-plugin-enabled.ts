import { AppError } from "../../app-error";
import { canOnPlugin } from "../../auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { findPluginInstallOrThrow } from "./find-plugin-install";
import { getPluginAbilities } from "./get-plugin-abilities";

/** A disabled plugin's node types stay in saved graphs but cannot run until it is enabled again. */
export async function setPluginEnabled(db: TDb, options: { workspaceId: string; role: TRole; pluginKey: string; isEnabled: boolean }) {
  const install = await findPluginInstallOrThrow(db, options);
  const { ability } = await getPluginAbilities(db, options);
  const action = options.isEnabled ? "enable" : "disable";
  if (!canOnPlugin(ability, action, { isSigned: install.plugin.signedBy !== null, publisher: install.plugin.publisher })) {
    throw new AppError("FORBIDDEN", `Your role (${options.role}) cannot ${action} plugins`);
  }
  await db.pluginInstall.update({ where: { id: install.id }, data: { isEnabled: options.isEnabled } });
  return { pluginKey: install.pluginKey, isEnabled: options.isEnabled };
}
