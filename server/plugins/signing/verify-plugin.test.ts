import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PluginError } from "../plugin-error";
import { copyFixture, createSignedFixture, editManifest } from "../testing/plugin-fixtures";
import { generatePluginKeyPair } from "./plugin-keys";
import { signPluginFolder } from "./sign-plugin";
import { verifyPluginFolder } from "./verify-plugin";

function refusal(run: () => unknown): PluginError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PluginError);
    return error as PluginError;
  }
  throw new Error("expected a refusal");
}

describe("verifyPluginFolder", () => {
  it("accepts a plugin signed by a trusted key and reports its files and signer", () => {
    const { dir, keys } = createSignedFixture("shout-plugin");
    const verified = verifyPluginFolder(dir, { trustedPublicKeys: [keys.publicKey], allowUnsigned: false });
    expect(verified.manifest.id).toBe("acme-shout");
    expect(Object.keys(verified.fileHashes)).toEqual(["index.js"]);
    expect(verified.signedBy).toMatch(/^[0-9a-f]{16}$/);
  });

  it("refuses a file with one flipped byte", () => {
    const { dir, keys } = createSignedFixture("shout-plugin");
    const file = path.join(dir, "index.js");
    const bytes = readFileSync(file);
    bytes[10] = bytes[10]! ^ 0x01;
    writeFileSync(file, bytes);
    const error = refusal(() => verifyPluginFolder(dir, { trustedPublicKeys: [keys.publicKey], allowUnsigned: false }));
    expect([error.code, error.message]).toEqual(["FILES_CHANGED", "acme-shout: index.js was changed (its sha256 differs) since it was signed"]);
  });

  it("refuses an added or removed file", () => {
    const added = createSignedFixture("shout-plugin");
    writeFileSync(path.join(added.dir, "extra.js"), "module.exports = {}");
    expect(refusal(() => verifyPluginFolder(added.dir, { trustedPublicKeys: [added.keys.publicKey], allowUnsigned: false })).message).toContain("extra.js was added");
    const removed = createSignedFixture("shout-plugin");
    rmSync(path.join(removed.dir, "index.js"));
    expect(refusal(() => verifyPluginFolder(removed.dir, { trustedPublicKeys: [removed.keys.publicKey], allowUnsigned: false })).message).toContain("index.js is missing");
  });

  it("refuses a manifest changed after signing (a swapped manifest)", () => {
    const { dir, keys } = createSignedFixture("shout-plugin");
    editManifest(dir, (manifest) => ((manifest.permissions as { egress: string[] }).egress = ["attacker.example"]));
    expect(refusal(() => verifyPluginFolder(dir, { trustedPublicKeys: [keys.publicKey], allowUnsigned: false })).code).toBe("BAD_SIGNATURE");
  });

  it("refuses a flipped byte in the signature itself", () => {
    const { dir, keys } = createSignedFixture("shout-plugin");
    editManifest(dir, (manifest) => {
      const signature = manifest.signature as { value: string };
      const bytes = Buffer.from(signature.value, "base64");
      bytes[0] = bytes[0]! ^ 0x80;
      signature.value = bytes.toString("base64");
    });
    expect(refusal(() => verifyPluginFolder(dir, { trustedPublicKeys: [keys.publicKey], allowUnsigned: false })).code).toBe("BAD_SIGNATURE");
  });

  it("refuses a removed signature unless unsigned plugins are allowed", () => {
    const { dir, keys } = createSignedFixture("shout-plugin");
    editManifest(dir, (manifest) => delete manifest.signature);
    expect(refusal(() => verifyPluginFolder(dir, { trustedPublicKeys: [keys.publicKey], allowUnsigned: false })).code).toBe("UNSIGNED");
    expect(verifyPluginFolder(dir, { trustedPublicKeys: [], allowUnsigned: true }).signedBy).toBeNull();
  });

  it("refuses a valid signature by a key the workspace does not trust, and a key swapped into the manifest", () => {
    const { dir } = createSignedFixture("shout-plugin");
    const trusted = generatePluginKeyPair();
    expect(refusal(() => verifyPluginFolder(dir, { trustedPublicKeys: [trusted.publicKey], allowUnsigned: false })).code).toBe("UNTRUSTED_KEY");
    editManifest(dir, (manifest) => ((manifest.signature as { publicKey: string }).publicKey = trusted.publicKey));
    expect(refusal(() => verifyPluginFolder(dir, { trustedPublicKeys: [trusted.publicKey], allowUnsigned: false })).code).toBe("BAD_SIGNATURE");
  });

  it("refuses an invalid manifest with the field named", () => {
    const dir = copyFixture("shout-plugin");
    editManifest(dir, (manifest) => (manifest.version = "one"));
    const error = refusal(() => verifyPluginFolder(dir, { trustedPublicKeys: [], allowUnsigned: true }));
    expect(error.code).toBe("INVALID_MANIFEST");
    expect(error.message).toContain("version");
    appendFileSync(path.join(dir, "studio.plugin.json"), "}}");
    expect(refusal(() => verifyPluginFolder(dir, { trustedPublicKeys: [], allowUnsigned: true })).message).toContain("not valid JSON");
  });

  it("signing again after an edit produces a plugin that verifies", () => {
    const keys = generatePluginKeyPair();
    const dir = copyFixture("shout-plugin");
    signPluginFolder(dir, keys.privateKeyPem);
    appendFileSync(path.join(dir, "index.js"), "\n// v2\n");
    signPluginFolder(dir, keys.privateKeyPem);
    expect(verifyPluginFolder(dir, { trustedPublicKeys: [keys.publicKey], allowUnsigned: false }).signedBy).not.toBeNull();
  });
});
