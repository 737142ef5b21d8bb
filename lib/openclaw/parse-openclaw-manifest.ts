// Reads a real OpenClaw plugin manifest (`openclaw.plugin.json`, JSON5) as palette metadata. Nothing is executed:
// the manifest is data, and only its declared fields are kept.
import JSON5 from "json5";
import { findJsonSchemaProblem, formatSchemaPath } from "@/lib/graph/check-json-schema";
import { ZOpenClawManifest, type TOpenClawChannelConfig } from "./openclaw-manifest-schema";

export type { TOpenClawChannelConfig } from "./openclaw-manifest-schema";

export type TOpenClawPlugin = {
  id: string;
  name: string;
  description: string;
  version: string | null;
  configSchema: Record<string, unknown>;
  uiHints: Record<string, unknown> | null;
  tools: { name: string; description: string }[];
  channels: string[];
  providers: string[];
  /** Skill folders the plugin ships ("./skills"). */
  skills: string[];
  /** The settings of each channel the plugin adds (`channels.<channel>` in openclaw.json), by channel id. */
  channelConfigs: Record<string, TOpenClawChannelConfig>;
  toolMetadata: Record<string, Record<string, unknown>> | null;
  /** package.json's `openclaw` block (extensions, channel, install ...), as written. */
  packageOpenClaw: Record<string, unknown> | null;
};

export type TParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

type TPackageJson = { name?: unknown; description?: unknown; version?: unknown; openclaw?: unknown };

/**
 * `packageJson` (optional) supplies a name, description and version the manifest leaves out, and its `openclaw` block.
 * A configSchema or channel schema that is not a valid JSON Schema is refused with the path of the mistake.
 */
export function parseOpenClawManifest(manifestText: string, packageJsonText?: string): TParseResult<TOpenClawPlugin> {
  let raw: unknown;
  try {
    raw = JSON5.parse(manifestText);
  } catch (error) {
    return { ok: false, message: `openclaw.plugin.json is not valid JSON5: ${(error as Error).message}` };
  }
  const parsed = ZOpenClawManifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `openclaw.plugin.json: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}` };
  }
  const manifest = parsed.data;
  const schemas: [(string | number)[], unknown][] = [
    [["configSchema"], manifest.configSchema],
    ...Object.entries(manifest.channelConfigs ?? {}).map(([channel, config]): [(string | number)[], unknown] => [["channelConfigs", channel, "schema"], config.schema]),
  ];
  for (const [path, schema] of schemas) {
    const problem = findJsonSchemaProblem(schema);
    if (problem) return { ok: false, message: `openclaw.plugin.json: ${formatSchemaPath([...path, ...problem.path])}: not a valid JSON Schema: ${problem.message}` };
  }
  let packageJson: TPackageJson = {};
  if (packageJsonText) {
    try {
      packageJson = JSON.parse(packageJsonText) as TPackageJson;
    } catch (error) {
      return { ok: false, message: `package.json is not valid JSON: ${(error as Error).message}` };
    }
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
  const channelConfigs = Object.fromEntries(
    Object.entries(manifest.channelConfigs ?? {}).map(([channel, config]) => [
      channel,
      { schema: config.schema, uiHints: config.uiHints ?? null, label: config.label ?? channel, description: config.description ?? "" },
    ]),
  );
  return {
    ok: true,
    value: {
      id: manifest.id,
      name: manifest.name ?? text(packageJson.name) ?? manifest.id,
      description: manifest.description ?? text(packageJson.description) ?? "",
      version: manifest.version ?? text(packageJson.version) ?? null,
      configSchema: manifest.configSchema,
      uiHints: manifest.uiHints ?? null,
      tools: manifest.contracts?.tools ?? [],
      channels: manifest.channels,
      providers: manifest.providers,
      skills: manifest.skills,
      channelConfigs,
      toolMetadata: manifest.toolMetadata ?? null,
      packageOpenClaw: isObject(packageJson.openclaw) ? packageJson.openclaw : null,
    },
  };
}
