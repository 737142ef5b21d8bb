import { verify } from "node:crypto";
import type { TPluginManifest } from "@/lib/plugins/manifest";
import { PluginError } from "../plugin-error";
import { fingerprintOf, parsePublicKey } from "./plugin-keys";
import { describeFileDifference, hashPluginFiles } from "./plugin-files";
import { readManifest, signedPayload } from "./sign-plugin";

export type TVerifiedPlugin = { manifest: TPluginManifest; fileHashes: Record<string, string>; signedBy: string | null };

/**
 * Checks a plugin folder: a valid manifest, files exactly as signed, a signature that verifies, by a trusted key.
 * An unsigned plugin passes only with `allowUnsigned`. Every refusal says why.
 */
export function verifyPluginFolder(dir: string, options: { trustedPublicKeys: readonly string[]; allowUnsigned: boolean }): TVerifiedPlugin {
  const manifest = readManifest(dir);
  const fileHashes = hashPluginFiles(dir);
  const signature = manifest.signature;
  if (!signature) {
    if (!options.allowUnsigned) {
      throw new PluginError("UNSIGNED", `${manifest.id} ${manifest.version} is not signed, and this workspace does not allow unsigned plugins`);
    }
    return { manifest, fileHashes, signedBy: null };
  }
  const difference = describeFileDifference(signature.files, fileHashes);
  if (difference) throw new PluginError("FILES_CHANGED", `${manifest.id}: ${difference} since it was signed`);

  let isValid = false;
  try {
    isValid = verify(null, signedPayload(manifest, signature.files), parsePublicKey(signature.publicKey), Buffer.from(signature.value, "base64"));
  } catch {
    isValid = false;
  }
  if (!isValid) throw new PluginError("BAD_SIGNATURE", `${manifest.id}: the signature does not match the manifest and files`);

  const fingerprint = fingerprintOf(signature.publicKey);
  if (!options.trustedPublicKeys.some((key) => fingerprintOf(key) === fingerprint)) {
    throw new PluginError("UNTRUSTED_KEY", `${manifest.id} is signed by key ${fingerprint}, which this workspace does not trust`);
  }
  return { manifest, fileHashes, signedBy: fingerprint };
}
