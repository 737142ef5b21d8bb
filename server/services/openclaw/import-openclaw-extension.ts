import { parseOpenClawManifest } from "@/lib/openclaw/parse-openclaw-manifest";
import { parseSkill } from "@/lib/openclaw/parse-skill";
import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { Prisma } from "../../db/generated/client";

export type TOpenClawSource = { kind: "plugin"; manifest: string; packageJson?: string } | { kind: "skill"; markdown: string };

/**
 * Imports an OpenClaw plugin manifest or a skill as palette metadata (re-importing updates it; `previous`: what it
 * replaced, null for a first import). Executes nothing.
 */
export async function importOpenClawExtension(db: TDbOrTx, options: { workspaceId: string; actorId: string; source: TOpenClawSource }) {
  const data = toExtension(options.source);
  const where = { workspaceId_kind_externalId: { workspaceId: options.workspaceId, kind: data.kind, externalId: data.externalId } };
  const previous = await db.importedExtension.findUnique({ where, select: { name: true, version: true } });
  const imported = await db.importedExtension.upsert({
    where,
    create: { ...data, workspaceId: options.workspaceId, importedById: options.actorId },
    update: { ...data, importedById: options.actorId },
    select: { id: true, kind: true, externalId: true, name: true, version: true, tools: true },
  });
  return { ...imported, previous };
}

/** Every column is written on each import, so re-importing a plugin as a newer version leaves nothing stale behind. */
function toExtension(source: TOpenClawSource) {
  if (source.kind === "plugin") {
    const parsed = parseOpenClawManifest(source.manifest, source.packageJson);
    if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.message);
    const plugin = parsed.value;
    return {
      kind: "openclaw-plugin",
      externalId: plugin.id,
      name: plugin.name,
      description: plugin.description,
      version: plugin.version,
      configSchema: plugin.configSchema as Prisma.InputJsonValue,
      uiHints: jsonOrNull(plugin.uiHints),
      tools: plugin.tools,
      channels: plugin.channels,
      providers: plugin.providers,
      channelConfigs: jsonOrNull(plugin.channelConfigs),
      toolMetadata: jsonOrNull(plugin.toolMetadata),
      skills: plugin.skills,
      packageOpenClaw: jsonOrNull(plugin.packageOpenClaw),
      skillMetadata: Prisma.DbNull,
      allowedTools: [],
      skillBody: null,
    };
  }
  const parsed = parseSkill(source.markdown);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.message);
  const skill = parsed.value;
  return {
    kind: "openclaw-skill",
    externalId: skill.name,
    name: skill.name,
    description: skill.description,
    version: null,
    configSchema: { type: "object" },
    uiHints: Prisma.DbNull,
    tools: [],
    channels: [],
    providers: [],
    channelConfigs: Prisma.DbNull,
    toolMetadata: Prisma.DbNull,
    skills: [],
    packageOpenClaw: Prisma.DbNull,
    skillMetadata: jsonOrNull(skill.metadata),
    allowedTools: skill.allowedTools,
    skillBody: skill.body,
  };
}

function jsonOrNull(value: Record<string, unknown> | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
