import { AppError } from "../../app-error";
import { canGrant } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { findPluginInstallOrThrow } from "./find-plugin-install";
import { getPluginAbilities } from "./get-plugin-abilities";

/** Sets which of its declared permissions a plugin holds. Anything not declared, or not grantable by the caller, is refused. */
export async function grantPluginPermissions(
  db: TDb,
  options: { workspaceId: string; role: TRole; pluginKey: string; grants: { egress: string[]; secrets: string[] } },
) {
  const install = await findPluginInstallOrThrow(db, options);
  const { ability } = await getPluginAbilities(db, options);
  const isPluginSigned = install.plugin.signedBy !== null;
  for (const kind of ["egress", "secrets"] as const) {
    for (const target of options.grants[kind]) {
      const isDeclared = install.manifest.permissions[kind].includes(target);
      if (!isDeclared) throw new AppError("BAD_REQUEST", `${install.pluginKey} does not declare the ${kind} permission "${target}"`);
      if (!canGrant(ability, { kind, isDeclared, isPluginSigned })) {
        throw new AppError("FORBIDDEN", `Your role (${options.role}) cannot grant ${kind} "${target}" to ${isPluginSigned ? "this plugin" : "an unsigned plugin"}`);
      }
    }
  }
  const grants = { egress: [...new Set(options.grants.egress)], secrets: [...new Set(options.grants.secrets)] };
  await db.pluginInstall.update({ where: { id: install.id }, data: { grants } });
  return { pluginKey: install.pluginKey, grants };
}
