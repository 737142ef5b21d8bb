import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { rememberSecret } from "../../secrets/live-secrets";
import { decryptSecret, SecretDecryptionError } from "../../secrets/secret-cipher";
import { SECRET_NAME_PATTERN } from "../../secrets/secret-rules";
import { environmentValueAddress } from "./environment-value-address";

/**
 * The one way to read a value in clear, for the runtime only: the caller holds it for the duration of a node's
 * execution and registers it with the run's redactor (redact.ts) before anything it produces is recorded. The value is
 * the one for the run's environment (`environmentId`: its value there, else the default). It is remembered for the
 * process's log redaction too (live-secrets.ts), whatever path might carry it to a log line.
 */
export async function resolveSecretValue(db: TDbOrTx, options: { workspaceId: string; name: string; environmentId?: string | null; masterKey: Buffer }): Promise<string> {
  const { workspaceId, name, environmentId } = options;
  // A name that breaks the naming rule is not echoed: it may be a value pasted into the wrong field.
  if (!SECRET_NAME_PATTERN.test(name)) throw new AppError("NOT_FOUND", "Secret not found: the reference is not a valid secret name");
  const secret = await db.secret.findUnique({
    where: { workspaceId_name: { workspaceId, name } },
    select: {
      ciphertext: true,
      nonce: true,
      keyVersion: true,
      environmentValues: { where: { environmentId: environmentId ?? "" }, select: { ciphertext: true, nonce: true, keyVersion: true } },
    },
  });
  if (!secret) throw new AppError("NOT_FOUND", `Secret ${name} not found in this workspace`);
  // The run's environment's own value when it has one, else the default.
  const override = environmentId ? secret.environmentValues[0] : undefined;
  try {
    const value = override
      ? decryptSecret(options.masterKey, environmentValueAddress({ workspaceId, name, environmentId: environmentId! }), override)
      : decryptSecret(options.masterKey, { workspaceId, name }, secret);
    rememberSecret(name, value);
    return value;
  } catch (error) {
    if (error instanceof SecretDecryptionError) throw new AppError("INTERNAL", `Secret ${name}: ${error.message}`);
    throw error;
  }
}
