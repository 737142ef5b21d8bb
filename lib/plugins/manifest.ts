// `studio.plugin.json`: what a plugin is, what node types it contributes and which permissions it asks for.
// The built-in `core` plugin is described in the same format (server/plugins/builtin/core-manifest.ts).
import { z } from "zod";
import { PORT_KINDS } from "../graph/node-type";

export const PLUGIN_MANIFEST_FILE = "studio.plugin.json";

const ZSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/, "lowercase letters, digits and '-', 2-64 characters");
const ZSemver = z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/, "a semantic version such as 1.2.0");
const ZJsonSchema = z.record(z.string(), z.unknown());
const ZHost = z.string().min(1).max(253).regex(/^(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/, "a host such as api.example.com, *.example.com or host:port");
const ZSecretName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "letters, digits, '_' and '-'");

export const ZManifestPort = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    label: z.string().max(80).optional(),
    kind: z.enum(PORT_KINDS),
    schema: ZJsonSchema.optional(),
    isRequired: z.boolean().optional(),
    acceptsMany: z.boolean().optional(),
  })
  .strict();

export const ZManifestNodeType = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "letters, digits, '_', '.' and '-'"),
    version: z.number().int().min(1).default(1),
    title: z.string().min(1).max(80),
    category: z.enum(["io", "flow", "data", "human", "ai", "tool", "trigger", "test"]),
    icon: z.string().max(64).default("puzzle"),
    description: z.string().max(300).default(""),
    inputs: z.array(ZManifestPort).max(32).default([]),
    outputs: z.array(ZManifestPort).max(32).default([]),
    configSchema: ZJsonSchema.default({ type: "object" }),
    uiHints: z.record(z.string(), z.unknown()).optional(),
    sideEffects: z.enum(["pure", "effectful"]),
  })
  .strict();

export const ZManifestPermissions = z
  .object({ egress: z.array(ZHost).max(50).default([]), secrets: z.array(ZSecretName).max(50).default([]) })
  .strict();

export const ZPluginSignature = z
  .object({
    algorithm: z.literal("ed25519"),
    /** The signer's public key, SPKI DER in base64: it must also be one of the workspace's trusted keys. */
    publicKey: z.string().min(40).max(200),
    /** sha256 (hex) of every file of the plugin except this manifest. */
    files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
    /** ed25519 over the canonical JSON of { manifest (without `signature`), files }. */
    value: z.string().min(40).max(200),
  })
  .strict();

export const ZPluginManifest = z
  .object({
    id: ZSlug,
    name: z.string().min(1).max(80),
    version: ZSemver,
    publisher: ZSlug,
    description: z.string().max(1_000).default(""),
    /** JavaScript file (relative path) that exports one function per node type name; runs only in the sandbox. */
    entry: z.string().regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9_./-]+\.(c?js|mjs)$/, "a relative path to a .js file").optional(),
    nodeTypes: z.array(ZManifestNodeType).max(100),
    permissions: ZManifestPermissions.default({ egress: [], secrets: [] }),
    signature: ZPluginSignature.optional(),
  })
  .strict();

export type TPluginManifest = z.infer<typeof ZPluginManifest>;
export type TManifestNodeType = z.infer<typeof ZManifestNodeType>;
export type TPluginSignature = z.infer<typeof ZPluginSignature>;
export type TPluginPermissions = z.infer<typeof ZManifestPermissions>;

/** Compares two semantic versions (prerelease tags sort before the release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split("-", 2) as [string, string | undefined];
    return { parts: core.split(".").map(Number), pre };
  };
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (left.parts[i] ?? 0) - (right.parts[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === undefined) return 1;
  if (right.pre === undefined) return -1;
  return left.pre < right.pre ? -1 : 1;
}
