// Reads a real OpenClaw plugin manifest (`openclaw.plugin.json`, JSON5) as palette metadata. Nothing is executed:
// the manifest is data, and only its declared fields are kept.
import JSON5 from "json5";
import { z } from "zod";

const ZTool = z.union([
  z.string().min(1).max(128).transform((name) => ({ name, description: "" })),
  z.object({ name: z.string().min(1).max(128), description: z.string().max(2_000).default("") }).loose(),
]);

const ZOpenClawManifest = z
  .object({
    id: z.string({ error: "id is required" }).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, "id must be letters, digits, '_', '.' or '-'"),
    configSchema: z.record(z.string(), z.unknown(), { error: "configSchema is required and must be an inline JSON Schema object" }),
    name: z.string().max(200).optional(),
    description: z.string().max(2_000).optional(),
    version: z.string().max(64).optional(),
    kind: z.string().max(64).optional(),
    uiHints: z.record(z.string(), z.unknown()).optional(),
    channels: z.array(z.string().max(128)).max(100).default([]),
    providers: z.array(z.string().max(128)).max(100).default([]),
    skills: z.array(z.string().max(256)).max(100).default([]),
    contracts: z.object({ tools: z.array(ZTool).max(200).default([]) }).loose().optional(),
  })
  .loose();

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
};

export type TParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** `packageJson` (optional) supplies a name, description and version the manifest leaves out (its `openclaw` fields). */
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
  let packageJson: { name?: unknown; description?: unknown; version?: unknown } = {};
  if (packageJsonText) {
    try {
      packageJson = JSON.parse(packageJsonText) as typeof packageJson;
    } catch (error) {
      return { ok: false, message: `package.json is not valid JSON: ${(error as Error).message}` };
    }
  }
  const manifest = parsed.data;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
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
    },
  };
}
