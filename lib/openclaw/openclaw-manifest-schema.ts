// The fields of a real `openclaw.plugin.json` the studio keeps (zod, loose: other keys are allowed and ignored).
import { z } from "zod";

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const ID_WORDS = "must be letters, digits, '_', '.' or '-'";

const ZTool = z.union([
  z.string().min(1).max(128).transform((name) => ({ name, description: "" })),
  z.object({ name: z.string().min(1).max(128), description: z.string().max(2_000).default("") }).loose(),
]);

const ZJsonObject = z.record(z.string(), z.unknown());

/** `channelConfigs.<channel>`: the settings of `channels.<channel>` in openclaw.json, as a JSON Schema with UI hints. */
const ZChannelConfig = z
  .object({
    schema: z.record(z.string(), z.unknown(), { error: "schema is required and must be an inline JSON Schema object" }),
    uiHints: ZJsonObject.optional(),
    label: z.string().max(200).optional(),
    description: z.string().max(2_000).optional(),
  })
  .loose();

export const ZOpenClawManifest = z
  .object({
    id: z.string({ error: "id is required" }).regex(ID, `id ${ID_WORDS}`),
    configSchema: z.record(z.string(), z.unknown(), { error: "configSchema is required and must be an inline JSON Schema object" }),
    name: z.string().max(200).optional(),
    description: z.string().max(2_000).optional(),
    version: z.string().max(64).optional(),
    kind: z.string().max(64).optional(),
    uiHints: ZJsonObject.optional(),
    channels: z.array(z.string().max(128)).max(100).default([]),
    providers: z.array(z.string().max(128)).max(100).default([]),
    /** Skill folders the plugin ships, relative to its root (e.g. "./skills"). */
    skills: z.array(z.string().max(256)).max(100).default([]),
    contracts: z.object({ tools: z.array(ZTool).max(200).default([]) }).loose().optional(),
    channelConfigs: z.record(z.string().regex(ID, `channel ${ID_WORDS}`), ZChannelConfig).optional(),
    /** `toolMetadata.<tool>`: what OpenClaw knows of a tool before loading the plugin (optional, configSignals ...). */
    toolMetadata: z.record(z.string().max(128), ZJsonObject).optional(),
  })
  .loose();

export type TOpenClawChannelConfig = { schema: Record<string, unknown>; uiHints: Record<string, unknown> | null; label: string; description: string };
