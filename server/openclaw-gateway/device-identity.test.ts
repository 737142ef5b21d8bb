import { createPublicKey, randomBytes, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildDeviceAuthPayloadV3, deriveDeviceIdentity, signDeviceAuth } from "./device-identity";

const FIELDS = { clientId: "gateway-client", clientMode: "backend", role: "operator", scopes: ["operator.read", "operator.write"], signedAtMs: 1737264000000, token: "tok", nonce: "n-1", platform: " Linux ", deviceFamily: undefined };

describe("device identity", () => {
  it("builds the v3 payload of the reference client: fields joined by |, platform trimmed and lower-cased", () => {
    expect(buildDeviceAuthPayloadV3("dev", FIELDS)).toBe("v3|dev|gateway-client|backend|operator|operator.read,operator.write|1737264000000|tok|n-1|linux|");
    expect(buildDeviceAuthPayloadV3("dev", { ...FIELDS, token: null })).toBe("v3|dev|gateway-client|backend|operator|operator.read,operator.write|1737264000000||n-1|linux|");
  });

  it("keeps one device per workspace and master key, and signs what a gateway can verify with the sent public key", () => {
    const masterKey = randomBytes(32);
    const identity = deriveDeviceIdentity(masterKey, "workspace-a");
    expect(deriveDeviceIdentity(masterKey, "workspace-a").deviceId).toBe(identity.deviceId);
    expect(deriveDeviceIdentity(masterKey, "workspace-b").deviceId).not.toBe(identity.deviceId);
    expect(identity.deviceId).toMatch(/^[0-9a-f]{64}$/);
    const device = signDeviceAuth(identity, FIELDS);
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: device.publicKey }, format: "jwk" });
    expect(verify(null, Buffer.from(buildDeviceAuthPayloadV3(device.id, FIELDS)), key, Buffer.from(device.signature, "base64url"))).toBe(true);
    expect(verify(null, Buffer.from(buildDeviceAuthPayloadV3(device.id, { ...FIELDS, nonce: "other" })), key, Buffer.from(device.signature, "base64url"))).toBe(false);
    expect(device).toMatchObject({ signedAt: FIELDS.signedAtMs, nonce: "n-1" });
  });
});
