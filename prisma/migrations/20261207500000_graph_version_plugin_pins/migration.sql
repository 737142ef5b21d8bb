-- Plugin version pins per published graph version (server/plugins/README.md, "Pins"). Versions published before this
-- migration are pinned to what they run today: the version of each plugin installed in their workspace.
CREATE TABLE "GraphVersionPluginPin" (
    "graphVersionId" TEXT NOT NULL,
    "pluginKey" TEXT NOT NULL,
    "pluginId" TEXT NOT NULL,
    "nodeTypes" TEXT[],

    CONSTRAINT "GraphVersionPluginPin_pkey" PRIMARY KEY ("graphVersionId","pluginKey")
);

CREATE INDEX "GraphVersionPluginPin_pluginId_idx" ON "GraphVersionPluginPin"("pluginId");

ALTER TABLE "GraphVersionPluginPin" ADD CONSTRAINT "GraphVersionPluginPin_graphVersionId_fkey" FOREIGN KEY ("graphVersionId") REFERENCES "GraphVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "GraphVersionPluginPin" ADD CONSTRAINT "GraphVersionPluginPin_pluginId_fkey" FOREIGN KEY ("pluginId") REFERENCES "Plugin"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "GraphVersionPluginPin" ("graphVersionId", "pluginKey", "pluginId", "nodeTypes")
SELECT v.id, i."pluginKey", i."pluginId", array_agg(DISTINCT n.node->>'type' ORDER BY n.node->>'type')
FROM "GraphVersion" v
JOIN "Graph" g ON g.id = v."graphId"
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.spec->'nodes') = 'array' THEN v.spec->'nodes' ELSE '[]'::jsonb END) AS n(node)
JOIN "PluginInstall" i ON i."workspaceId" = g."workspaceId" AND i."pluginKey" = split_part(n.node->>'type', '/', 1)
GROUP BY v.id, i."pluginKey", i."pluginId";
