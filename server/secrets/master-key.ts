// The key that encrypts every workspace secret. server/env.ts reads the environment; this file only decides where the
// key comes from, and holds it for the process once server/main.ts has loaded it.
import path from "node:path";
import { loadOrCreateSecretFile } from "../secret-file";

export const MASTER_KEY_BYTES = 32;
const MASTER_KEY_FILE = "master-key";

/**
 * STUDIO_MASTER_KEY when set. Otherwise only embedded mode may generate one: its data folder is the single place the
 * database lives too, so the key is kept (and backed up, and lost) together with the ciphertexts it opens. With an
 * external database the data folder may be ephemeral or differ between instances, and a generated key would silently
 * make every stored secret unreadable after a redeploy.
 */
export function loadMasterKey(options: { envKey: string | undefined; dataDir: string; isEmbedded: boolean }): Buffer {
  if (options.envKey) return decodeKey(Buffer.from(options.envKey, "base64"), "STUDIO_MASTER_KEY");
  if (!options.isEmbedded) {
    throw new Error(
      "STUDIO_MASTER_KEY is not set. With an external database (DATABASE_URL) the studio needs a master key to encrypt " +
        "workspace secrets: generate one with `openssl rand -base64 32`, set STUDIO_MASTER_KEY to it, and keep it safe " +
        "(secrets stored with it cannot be read without it).",
    );
  }
  const file = path.join(options.dataDir, MASTER_KEY_FILE);
  return decodeKey(Buffer.from(loadOrCreateSecretFile(options.dataDir, MASTER_KEY_FILE), "base64url"), file);
}

function decodeKey(key: Buffer, source: string): Buffer {
  if (key.length !== MASTER_KEY_BYTES) {
    throw new Error(`The master key from ${source} must be ${MASTER_KEY_BYTES} bytes (base64); it has ${key.length}`);
  }
  return key;
}

// ---------------------------------------------------------------------------- process-wide holder

// The tRPC context carries no key (it is built per request and from tests); procedures read it from here instead.
let current: Buffer | undefined;

export function setMasterKey(key: Buffer): void {
  current = Buffer.from(decodeKey(key, "setMasterKey"));
}

export function getMasterKey(): Buffer {
  if (!current) throw new Error("The master key is not loaded: server/main.ts must call setMasterKey(loadMasterKey(...)) at start-up");
  return current;
}
