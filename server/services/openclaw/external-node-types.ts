import type { TNodeTypeDefinition } from "@/lib/graph";
import { OPENCLAW_CONFIG_PLUGIN } from "@/lib/openclaw-config/config-node-types";
import type { TDbOrTx } from "../../db/client";

/** Type id prefixes of imported OpenClaw metadata and openclaw.json nodes: drawn in the palette, never run. */
export const EXTERNAL_TYPE_PREFIXES = ["openclaw/", "openclaw-skill/", `${OPENCLAW_CONFIG_PLUGIN}/`] as const;

export function isExternalNodeType(type: string): boolean {
  return EXTERNAL_TYPE_PREFIXES.some((prefix) => type.startsWith(prefix));
}

/** The palette entries of a workspace's imported OpenClaw plugins and skills. */
export async function listExternalNodeTypes(db: TDbOrTx, options: { workspaceId: string }): Promise<(TNodeTypeDefinition & { externalTools: { name: string; description: string }[] })[]> {
  const imported = await db.importedExtension.findMany({ where: { workspaceId: options.workspaceId }, orderBy: { name: "asc" } });
  return imported.map((extension) => {
    const isSkill = extension.kind === "openclaw-skill";
    return {
      type: `${isSkill ? "openclaw-skill" : "openclaw"}/${extension.externalId}`,
      version: 1,
      title: extension.name,
      category: isSkill ? "ai" : "tool",
      icon: isSkill ? "book-open" : "plug",
      description: extension.description,
      inputs: [{ id: "in", kind: "data" }],
      outputs: [{ id: "out", kind: "data" }],
      configSchema: extension.configSchema as Record<string, unknown>,
      uiHints: (extension.uiHints ?? undefined) as Record<string, unknown> | undefined,
      sideEffects: "effectful",
      externalTools: extension.tools as { name: string; description: string }[],
    };
  });
}
