// One text that changes whenever what a workspace's graphs may run through plugins changes: each install's plugin
// version, switch and grants, and the workspace's "allow unsigned" switch (plugin rows themselves never change). A
// version or a run checked or loaded under one plugin set stays valid while it is the same (prepared-versions.ts,
// workspace-plugins.ts).

/** SQL for the plugin set of the workspace whose id is the SQL expression `workspaceIdSql`. */
export function pluginSetSql(workspaceIdSql: string): string {
  return `(SELECT w."allowUnsignedPlugins"::text || ';' || COALESCE(string_agg(i."pluginKey" || '=' || i."pluginId" || ':' || i."isEnabled"::text || ':' || i.grants::text, ',' ORDER BY i."pluginKey"), '')
       FROM "Workspace" w LEFT JOIN "PluginInstall" i ON i."workspaceId" = w.id
       WHERE w.id = ${workspaceIdSql} GROUP BY w."allowUnsignedPlugins")`;
}
