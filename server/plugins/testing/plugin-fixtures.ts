// Copies of the fixture plugins in temporary folders, signed with fresh keys, for plugin tests.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PLUGIN_MANIFEST_FILE } from "@/lib/plugins/manifest";
import { packPluginFolder } from "../signing/plugin-archive";
import { generatePluginKeyPair } from "../signing/plugin-keys";
import { signPluginFolder } from "../signing/sign-plugin";

const FIXTURES = path.join(import.meta.dirname, "fixtures");

export function copyFixture(name: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "studio-plugin-test-")), name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Rewrites fields of a plugin folder's manifest (before or after signing). */
export function editManifest(dir: string, edit: (manifest: Record<string, unknown>) => void): void {
  const file = path.join(dir, PLUGIN_MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

export function createSignedFixture(name: string, options: { version?: string } = {}) {
  const keys = generatePluginKeyPair();
  const dir = copyFixture(name);
  if (options.version) editManifest(dir, (manifest) => (manifest.version = options.version));
  signPluginFolder(dir, keys.privateKeyPem);
  return { dir, keys };
}

/** The .tgz an admin would upload for the plugin folder `dir`. */
export async function packFixtureArchive(dir: string): Promise<Buffer> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-archive-")), "plugin.tgz");
  await packPluginFolder(dir, file);
  return readFileSync(file);
}
