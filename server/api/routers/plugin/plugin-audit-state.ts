import type { TDb } from "../../../db/client";

/** What the audit log shows of an installed plugin (before and after a change); null when it is not installed. */
export async function pluginAuditState(db: TDb, options: { workspaceId: string; pluginKey: string }) {
  const install = await db.pluginInstall.findUnique({
    where: { workspaceId_pluginKey: options },
    select: { pluginKey: true, isEnabled: true, grants: true, plugin: { select: { version: true, signedBy: true } } },
  });
  if (!install) return null;
  const grants = install.grants as { egress: string[]; secrets: string[] };
  return {
    pluginKey: install.pluginKey,
    version: install.plugin.version,
    isSigned: install.plugin.signedBy !== null,
    isEnabled: install.isEnabled,
    grants: { egress: grants.egress, secretNames: grants.secrets },
  };
}
