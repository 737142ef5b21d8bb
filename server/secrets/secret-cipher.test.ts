import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretDecryptionError, type TSealedSecret } from "./secret-cipher";

const key = randomBytes(32);
const address = { workspaceId: "ws_1", name: "OPENAI_API_KEY" };
const value = "sk-CANARY-1f0c2a5e-7b1d-4c61-9d6a-0e3c1f2b4a5d ✓";

function flipBit(bytes: Uint8Array<ArrayBuffer>, index: number): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  copy[index] = copy[index]! ^ 1;
  return copy;
}

function decryptionFailureOf(run: () => unknown): SecretDecryptionError {
  const error = (() => {
    try {
      run();
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(SecretDecryptionError);
  return error as SecretDecryptionError;
}

describe("secret cipher", () => {
  it("round-trips a value with a fresh nonce each time", () => {
    const first = encryptSecret(key, address, value);
    const second = encryptSecret(key, address, value);
    expect(first.nonce).toHaveLength(12);
    expect(first.keyVersion).toBe(1);
    expect(Buffer.from(first.nonce).equals(second.nonce)).toBe(false);
    expect(Buffer.from(first.ciphertext).includes(Buffer.from(value))).toBe(false);
    expect(decryptSecret(key, address, first)).toBe(value);
    expect(decryptSecret(key, address, second)).toBe(value);
  });

  it("refuses tampered ciphertext, tag or nonce without revealing anything", () => {
    const sealed = encryptSecret(key, address, value);
    const tampered: TSealedSecret[] = [
      { ...sealed, ciphertext: flipBit(sealed.ciphertext, 0) },
      { ...sealed, ciphertext: flipBit(sealed.ciphertext, sealed.ciphertext.length - 1) },
      { ...sealed, nonce: flipBit(sealed.nonce, 3) },
      { ...sealed, ciphertext: sealed.ciphertext.slice(0, 10) },
    ];
    for (const row of tampered) {
      const error = decryptionFailureOf(() => decryptSecret(key, address, row));
      expect(error.message).not.toContain(value);
      expect(error.cause).toBeUndefined();
    }
  });

  it("binds the ciphertext to its workspace and name", () => {
    const sealed = encryptSecret(key, address, value);
    decryptionFailureOf(() => decryptSecret(key, { ...address, workspaceId: "ws_2" }, sealed));
    decryptionFailureOf(() => decryptSecret(key, { ...address, name: "OTHER_KEY" }, sealed));
    // The separator keeps ("ws_1", "AB") and ("ws_1A", "B")-style pairs apart.
    decryptionFailureOf(() => decryptSecret(key, { workspaceId: "ws_1O", name: "PENAI_API_KEY" }, sealed));
  });

  it("refuses another key and an unknown key version", () => {
    const sealed = encryptSecret(key, address, value);
    const wrongKey = decryptionFailureOf(() => decryptSecret(randomBytes(32), address, sealed));
    expect(wrongKey.message).toMatch(/could not be decrypted/);
    const rotated = decryptionFailureOf(() => decryptSecret(key, address, { ...sealed, keyVersion: 2 }));
    expect(rotated.message).toMatch(/key version 2/);
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => encryptSecret(randomBytes(16), address, value)).toThrow(/32 bytes/);
  });
});
