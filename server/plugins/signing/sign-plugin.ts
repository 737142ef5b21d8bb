import { createPrivateKey, createPublicKey, sign } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { toCanonicalJson } from "@/lib/graph/canonical-json";
import { PLUGIN_MANIFEST_FILE, ZPluginManifest, type TPluginManifest } from "@/lib/plugins/manifest";
import { PluginError } from "../plugin-error";
import { hashPluginFiles } from "./plugin-files";

/** The exact bytes a signature covers: the manifest without its signature, and the hash of every other file. */
export function signedPayload(manifest: TPluginManifest, files: Record<string, string>): Buffer {
  const { signature: _signature, ...unsigned } = manifest;
  return Buffer.from(toCanonicalJson({ manifest: unsigned, files }));
}

export function readManifest(dir: string): TPluginManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dir, PLUGIN_MANIFEST_FILE), "utf8"));
  } catch (error) {
    throw new PluginError("INVALID_MANIFEST", `${PLUGIN_MANIFEST_FILE} is missing or not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ZPluginManifest.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new PluginError("INVALID_MANIFEST", `${PLUGIN_MANIFEST_FILE}: ${first.path.join(".") || "(root)"}: ${first.message}`);
  }
  return parsed.data;
}

/** Signs a plugin folder in place: hashes every file and writes the signature into its manifest. */
export function signPluginFolder(dir: string, privateKeyPem: string): TPluginManifest {
  const manifest = readManifest(dir);
  const privateKey = createPrivateKey(privateKeyPem);
  const files = hashPluginFiles(dir);
  const value = sign(null, signedPayload(manifest, files), privateKey).toString("base64");
  const publicKey = createPublicKey(privateKey).export({ type: "spki", format: "der" }).toString("base64");
  const signed = { ...manifest, signature: { algorithm: "ed25519" as const, publicKey, files, value } };
  writeFileSync(path.join(dir, PLUGIN_MANIFEST_FILE), `${JSON.stringify(signed, null, 2)}\n`);
  return signed;
}
