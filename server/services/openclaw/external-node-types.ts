import type { TNodeTypeDefinition } from "@/lib/graph";
import type { TOpenClawChannelConfig } from "@/lib/openclaw/parse-openclaw-manifest";
import { OPENCLAW_CONFIG_PLUGIN } from "@/lib/openclaw-config/config-node-types";
import type { TDbOrTx } from "../../db/client";

/** Type id prefixes of imported OpenClaw metadata and openclaw.json nodes: drawn in the palette, never run. */
export const EXTERNAL_TYPE_PREFIXES = ["openclaw/", "openclaw-channel/", "openclaw-skill/", `${OPENCLAW_CONFIG_PLUGIN}/`] as const;

export function isExternalNodeType(type: string): boolean {
  return EXTERNAL_TYPE_PREFIXES.some((prefix) => type.startsWith(prefix));
}

type TExternalNodeType = TNodeTypeDefinition & { externalTools: { name: string; description: string }[] };

/**
 * The palette entries of a workspace's imported OpenClaw plugins and skills. A plugin gives its own entry (the
 * settings of `plugins.entries.<id>.config`) and one entry per channel of its `channelConfigs` (the settings of
 * `channels.<channel>`, where a channel plugin such as @openclaw/discord keeps all of them). Channel ids are one
 * namespace in OpenClaw: if two imported plugins declare the same channel, the first by name is listed.
 */
export async function listExternalNodeTypes(db: TDbOrTx, options: { workspaceId: string }): Promise<TExternalNodeType[]> {
  const imported = await db.importedExtension.findMany({ where: { workspaceId: options.workspaceId }, orderBy: { name: "asc" } });
  const seenChannels = new Set<string>();
  return imported.flatMap((extension) => {
    const isSkill = extension.kind === "openclaw-skill";
    const own: TExternalNodeType = {
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
    const channelConfigs = Object.entries((extension.channelConfigs ?? {}) as Record<string, TOpenClawChannelConfig>).filter(([channel]) => !seenChannels.has(channel));
    channelConfigs.forEach(([channel]) => seenChannels.add(channel));
    return [own, ...channelConfigs.map(([channel, config]) => toChannelNodeType(channel, config))];
  });
}

function toChannelNodeType(channel: string, config: TOpenClawChannelConfig): TExternalNodeType {
  return {
    type: `openclaw-channel/${channel}`,
    version: 1,
    title: `${config.label} channel`,
    category: "io",
    icon: "log-in",
    description: rootHelp(config.uiHints) ?? (config.description || `The settings of channels.${channel} in openclaw.json`),
    inputs: [{ id: "in", kind: "data" }],
    outputs: [{ id: "out", kind: "data" }],
    configSchema: config.schema,
    uiHints: config.uiHints ?? undefined,
    sideEffects: "effectful",
    externalTools: [],
  };
}

/** OpenClaw words a whole channel's settings in the hint at path "" (Discord: "Discord channel provider configuration for ..."). */
function rootHelp(uiHints: Record<string, unknown> | null): string | undefined {
  const root = uiHints?.[""] as { help?: unknown } | undefined;
  return typeof root?.help === "string" && root.help !== "" ? root.help : undefined;
}
