import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { findEnvironmentOrThrow } from "../../deployments/find-environment";
import { encryptSecret } from "../../secrets/secret-cipher";
import { createSecretHint, maskSecretHint } from "../../secrets/secret-rules";
import { checkSecret } from "./create-secret";
import { environmentValueAddress } from "./environment-value-address";

async function findTarget(db: TDbOrTx, options: { workspaceId: string; name: string; environment: string }) {
  const secret = await db.secret.findUnique({ where: { workspaceId_name: { workspaceId: options.workspaceId, name: options.name } }, select: { id: true } });
  if (!secret) throw notFound("Secret");
  const environment = await findEnvironmentOrThrow(db, options);
  return { secret, environment };
}

/**
 * The secret's value for runs of one environment (Run.environmentId), replacing an earlier one; every other
 * environment keeps resolving the default. Same rules as a default value; the answer is a mask.
 */
export async function setSecretEnvironmentValue(db: TDbOrTx, options: { workspaceId: string; name: string; environment: string; value: string; masterKey: Buffer }) {
  checkSecret(options.name, options.value);
  const { secret, environment } = await findTarget(db, options);
  const sealed = encryptSecret(options.masterKey, environmentValueAddress({ ...options, environmentId: environment.id }), options.value);
  const data = { ciphertext: sealed.ciphertext, nonce: sealed.nonce, keyVersion: sealed.keyVersion, hint: createSecretHint(options.value) };
  const saved = await db.secretEnvironmentValue.upsert({
    where: { secretId_environmentId: { secretId: secret.id, environmentId: environment.id } },
    create: { secretId: secret.id, environmentId: environment.id, ...data },
    update: data,
    select: { hint: true, updatedAt: true },
  });
  return { name: options.name, environment: environment.name, mask: maskSecretHint(saved.hint), updatedAt: saved.updatedAt };
}

/** Back to the default value in that environment. */
export async function clearSecretEnvironmentValue(db: TDbOrTx, options: { workspaceId: string; name: string; environment: string }) {
  const { secret, environment } = await findTarget(db, options);
  const { count } = await db.secretEnvironmentValue.deleteMany({ where: { secretId: secret.id, environmentId: environment.id } });
  if (count === 0) throw notFound(`A value of ${options.name} for ${environment.name}`);
  return { name: options.name, environment: environment.name };
}
