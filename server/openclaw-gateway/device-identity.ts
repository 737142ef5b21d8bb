// The device identity the gateway asks every operator connection for (docs/gateway/protocol/auth.md): an Ed25519 key
// whose sha256 fingerprint is the device id; the client signs the challenge-bound v3 payload
// (packages/gateway-client/src/device-auth.ts: buildDeviceAuthPayloadV3). The key is derived from the studio's master
// key and the workspace, so a workspace keeps one device (one pairing approval) across restarts and processes,
// and nothing new has to be stored.
import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, type KeyObject } from "node:crypto";

export type TDeviceIdentity = { deviceId: string; publicKeyBase64Url: string; privateKey: KeyObject };

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export function deriveDeviceIdentity(masterKey: Buffer, workspaceId: string): TDeviceIdentity {
  const seed = Buffer.from(hkdfSync("sha256", masterKey, Buffer.from(workspaceId), "openclaw-gateway-device", 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  const raw = createPublicKey(privateKey).export({ format: "jwk" }).x!;
  const rawBytes = Buffer.from(raw, "base64url");
  return { deviceId: createHash("sha256").update(rawBytes).digest("hex"), publicKeyBase64Url: rawBytes.toString("base64url"), privateKey };
}

export type TDeviceAuthFields = {
  clientId: string;
  clientMode: string;
  role: string;
  scopes: readonly string[];
  signedAtMs: number;
  token: string | null;
  nonce: string;
  platform: string;
  deviceFamily?: string;
};

/** `v3|device|client|mode|role|scopes|signedAt|token|nonce|platform|family`, metadata trimmed and lower-cased. */
export function buildDeviceAuthPayloadV3(deviceId: string, fields: TDeviceAuthFields): string {
  const normalise = (value: string | undefined) => (value ?? "").trim().replace(/[A-Z]/g, (char) => char.toLowerCase());
  return ["v3", deviceId, fields.clientId, fields.clientMode, fields.role, fields.scopes.join(","), String(fields.signedAtMs), fields.token ?? "", fields.nonce, normalise(fields.platform), normalise(fields.deviceFamily)].join("|");
}

/** The `device` object of the connect request: the signature is base64url, like the reference client's. */
export function signDeviceAuth(identity: TDeviceIdentity, fields: TDeviceAuthFields) {
  const signature = sign(null, Buffer.from(buildDeviceAuthPayloadV3(identity.deviceId, fields), "utf8"), identity.privateKey).toString("base64url");
  return { id: identity.deviceId, publicKey: identity.publicKeyBase64Url, signature, signedAt: fields.signedAtMs, nonce: fields.nonce };
}
