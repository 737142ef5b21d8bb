// AES-256-GCM for workspace secret values. The tag is appended to the ciphertext (one Bytes column). The nonce is random
// per encryption: 96-bit random nonces stay safe for 2^32 encryptions under one key (NIST SP 800-38D), far beyond the
// number of secret writes a studio makes.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { MASTER_KEY_BYTES } from "./master-key";

/** Stored with each row so that a future key rotation can tell which key sealed it; today there is only version 1. */
export const CURRENT_KEY_VERSION = 1;

const ALGORITHM = "aes-256-gcm";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export type TSecretAddress = { workspaceId: string; name: string };
export type TSealedSecret = { ciphertext: Uint8Array<ArrayBuffer>; nonce: Uint8Array<ArrayBuffer>; keyVersion: number };

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

export function encryptSecret(key: Buffer, address: TSecretAddress, value: string): TSealedSecret {
  checkKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(toAad(address));
  const ciphertext = Buffer.concat([cipher.update(value, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return { ciphertext, nonce, keyVersion: CURRENT_KEY_VERSION };
}

/**
 * Throws SecretDecryptionError when the row was altered, copied to another workspace or name, or sealed with another
 * key. The message never includes any byte of the input or of node's own error.
 */
export function decryptSecret(key: Buffer, address: TSecretAddress, sealed: TSealedSecret): string {
  checkKey(key);
  if (sealed.keyVersion !== CURRENT_KEY_VERSION) {
    throw new SecretDecryptionError(`The secret was encrypted with master key version ${sealed.keyVersion}, which this studio does not have`);
  }
  if (sealed.nonce.length !== NONCE_BYTES || sealed.ciphertext.length < TAG_BYTES) {
    throw new SecretDecryptionError("The stored secret is malformed");
  }
  const body = sealed.ciphertext.subarray(0, sealed.ciphertext.length - TAG_BYTES);
  const tag = sealed.ciphertext.subarray(sealed.ciphertext.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(toAad(address));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      "The secret could not be decrypted: it was altered, belongs to another workspace or name, or the master key changed",
    );
  }
}

// Binds the ciphertext to its row: a value copied to another workspace or renamed fails authentication. The NUL
// separator cannot occur in either part (ids are cuids, names match SECRET_NAME_PATTERN), so the pair is unambiguous.
function toAad(address: TSecretAddress): Buffer {
  return Buffer.from(`${address.workspaceId}\0${address.name}`, "utf8");
}

function checkKey(key: Buffer): void {
  if (key.length !== MASTER_KEY_BYTES) throw new Error(`The master key must be ${MASTER_KEY_BYTES} bytes`);
}
