import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";

/** A new ed25519 key pair: the private key as PKCS#8 PEM (keep it secret), the public key as SPKI DER base64. */
export function generatePluginKeyPair(): { privateKeyPem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
  };
}

/** A short, stable name for a public key: the first 16 hex characters of the sha256 of its DER bytes. */
export function fingerprintOf(publicKey: string): string {
  return createHash("sha256").update(Buffer.from(publicKey, "base64")).digest("hex").slice(0, 16);
}

/** Parses a base64 SPKI ed25519 public key, with a clear error for anything else. */
export function parsePublicKey(publicKey: string) {
  const key = createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("Only ed25519 public keys are accepted");
  return key;
}
