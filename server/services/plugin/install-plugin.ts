import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { toCanonicalJson } from "@/lib/graph/canonical-json";
import { compareVersions, type TPluginManifest } from "@/lib/plugins/manifest";
import { AppError } from "../../app-error";
import { canOnPlugin } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { PluginError } from "../../plugins/plugin-error";
import { getPluginSourcesDir, pluginVersionDir } from "../../plugins/plugin-storage";
import { extractPluginArchive } from "../../plugins/signing/plugin-archive";
import { verifyPluginFolder } from "../../plugins/signing/verify-plugin";
import { getPluginAbilities } from "./get-plugin-abilities";

const RESERVED_IDS = new Set(["core", "test", "studio", "openclaw"]);

/**
 * Installs (or upgrades) a plugin from an uploaded .tgz: verify signature and files against the workspace's trusted
 * keys, check the caller may install it, refuse a downgrade, store the files, and record the install with no permission
 * granted yet. Nothing from the archive is executed. `previousVersion`: the version an upgrade replaced (null: a new install).
 */
export async function installPlugin(
  db: TDb,
  options: { workspaceId: string; actorId: string; role: TRole } & ({ archive: Buffer } | { folder: string }),
) {
  const { ability, workspace } = await getPluginAbilities(db, options);
  const trustedKeys = await db.trustedKey.findMany({ where: { workspaceId: options.workspaceId }, select: { publicKey: true } });
  // A malformed upload is the uploader's mistake: 400 with the reason (PluginError), never a 500.
  const extracted = "archive" in options
    ? await extractPluginArchive(options.archive).catch((error: unknown) => {
        throw toAppError(error);
      })
    : { dir: resolveSourceFolder(options.folder), cleanup: () => undefined };
  try {
    const verified = verifyPluginFolder(extracted.dir, {
      trustedPublicKeys: trustedKeys.map((key) => key.publicKey),
      allowUnsigned: workspace.allowUnsignedPlugins,
    });
    const { manifest } = verified;
    if (RESERVED_IDS.has(manifest.id)) throw new PluginError("INVALID_MANIFEST", `The plugin id "${manifest.id}" is reserved`);
    if (!canOnPlugin(ability, "install", { isSigned: verified.signedBy !== null, publisher: manifest.publisher })) {
      throw new AppError("FORBIDDEN", `Your role (${options.role}) cannot install ${verified.signedBy ? "plugins" : "unsigned plugins"} in this workspace`);
    }
    const current = await db.pluginInstall.findUnique({
      where: { workspaceId_pluginKey: { workspaceId: options.workspaceId, pluginKey: manifest.id } },
      select: { plugin: { select: { version: true } } },
    });
    if (current && compareVersions(manifest.version, current.plugin.version) < 0) {
      throw new PluginError("DOWNGRADE", `${manifest.id} ${current.plugin.version} is installed; ${manifest.version} is older. Uninstall it first to go back.`);
    }
    const plugin = await storePluginVersion(db, extracted.dir, verified.manifest, verified.fileHashes, verified.signedBy);
    const install = await db.pluginInstall.upsert({
      where: { workspaceId_pluginKey: { workspaceId: options.workspaceId, pluginKey: manifest.id } },
      create: { workspaceId: options.workspaceId, pluginKey: manifest.id, pluginId: plugin.id, grants: { egress: [], secrets: [] }, installedById: options.actorId },
      update: { pluginId: plugin.id, installedById: options.actorId },
      select: { id: true, pluginKey: true, isEnabled: true, plugin: { select: { version: true, signedBy: true } } },
    });
    return { ...install, previousVersion: current?.plugin.version ?? null };
  } catch (error) {
    throw toAppError(error);
  } finally {
    extracted.cleanup();
  }
}

/** A plugin refusal becomes a 400 (a downgrade a 409) naming the reason; anything else stays what it was. */
function toAppError(error: unknown): unknown {
  if (!(error instanceof PluginError)) return error;
  return new AppError(error.code === "DOWNGRADE" ? "CONFLICT" : "BAD_REQUEST", error.message, { details: { reason: error.code } });
}

/**
 * A folder install reads from `<data dir>/plugin-sources/<name>` only: an admin drops a plugin there on the server; no
 * API caller can make the studio read any other path.
 */
function resolveSourceFolder(folder: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(folder) || folder.includes("..")) {
    throw new AppError("BAD_REQUEST", "A plugin folder is a single folder name inside the studio's plugin-sources folder");
  }
  const dir = path.join(getPluginSourcesDir(), folder);
  if (!existsSync(dir)) throw new AppError("NOT_FOUND", `No plugin folder "${folder}" in ${getPluginSourcesDir()}`);
  return dir;
}

/** Stores a version's files once per distinct content (manifest, files and signer); a re-upload reuses the row. */
async function storePluginVersion(db: TDb, sourceDir: string, manifest: TPluginManifest, fileHashes: Record<string, string>, signedBy: string | null) {
  const { signature: _signature, ...unsigned } = manifest;
  const contentHash = createHash("sha256").update(toCanonicalJson({ manifest: unsigned, fileHashes, signedBy })).digest("hex");
  const existing = await db.plugin.findUnique({
    where: { pluginKey_version_contentHash: { pluginKey: manifest.id, version: manifest.version, contentHash } },
    select: { id: true },
  });
  if (existing) return existing;
  const target = pluginVersionDir(manifest.id, `${manifest.version}-${contentHash.slice(0, 12)}`);
  if (existsSync(target)) rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(sourceDir, target, { recursive: true });
  return db.plugin.create({
    data: {
      pluginKey: manifest.id,
      version: manifest.version,
      name: manifest.name,
      publisher: manifest.publisher,
      manifest: manifest as unknown as Prisma.InputJsonValue,
      fileHashes,
      storagePath: target,
      signedBy,
      contentHash,
    },
    select: { id: true },
  });
}
