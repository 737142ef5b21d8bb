import { toConfigFieldCount } from "@/lib/openclaw/config-field-count";
import type { TOpenClawChannelConfig } from "@/lib/openclaw/parse-openclaw-manifest";
import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

/**
 * What an import kept of one OpenClaw plugin or skill, for its settings page: tools with their metadata, channels with
 * the number of settings each form offers, skill folders, the package.json `openclaw` block, a skill's front matter
 * metadata, allowed tools and body. The schemas themselves stay server-side (the palette carries them).
 */
export async function getOpenClawExtension(db: TDbOrTx, options: { workspaceId: string; id: string }) {
  const extension = await db.importedExtension.findFirst({ where: { id: options.id, workspaceId: options.workspaceId } });
  if (!extension) throw notFound("Imported extension");
  const channelConfigs = (extension.channelConfigs ?? {}) as Record<string, TOpenClawChannelConfig>;
  const toolMetadata = (extension.toolMetadata ?? {}) as Record<string, Record<string, unknown>>;
  return {
    id: extension.id,
    kind: extension.kind as "openclaw-plugin" | "openclaw-skill",
    externalId: extension.externalId,
    name: extension.name,
    description: extension.description,
    version: extension.version,
    updatedAt: extension.updatedAt,
    settingCount: toConfigFieldCount(extension.configSchema as Record<string, unknown>),
    tools: (extension.tools as { name: string; description: string }[]).map((tool) => ({ ...tool, metadata: toolMetadata[tool.name] ?? null })),
    channels: Object.entries(channelConfigs).map(([channel, config]) => ({
      channel,
      label: config.label,
      description: config.description,
      nodeType: `openclaw-channel/${channel}`,
      settingCount: toConfigFieldCount(config.schema),
      hintCount: Object.keys(config.uiHints ?? {}).length,
    })),
    providers: extension.providers as string[],
    skills: extension.skills as string[],
    packageOpenClaw: extension.packageOpenClaw as Record<string, unknown> | null,
    skillMetadata: extension.skillMetadata as Record<string, unknown> | null,
    allowedTools: extension.allowedTools as string[],
    skillBody: extension.skillBody,
  };
}
