import { parseOpenClawManifest } from "@/lib/openclaw/parse-openclaw-manifest";
import { parseSkill } from "@/lib/openclaw/parse-skill";
import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

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
      uiHints: (plugin.uiHints ?? undefined) as Prisma.InputJsonValue | undefined,
      tools: plugin.tools,
      channels: plugin.channels,
      providers: plugin.providers,
    };
  }
  const parsed = parseSkill(source.markdown);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", parsed.message);
  return {
    kind: "openclaw-skill",
    externalId: parsed.value.name,
    name: parsed.value.name,
    description: parsed.value.description,
    version: null,
    configSchema: { type: "object" },
    tools: [],
    channels: [],
    providers: [],
  };
}
