import { AppError, notFound } from "../../app-error";
import type { TRole } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";
import { fingerprintOf, parsePublicKey } from "../../plugins/signing/plugin-keys";
import { getPluginAbilities } from "./get-plugin-abilities";

async function assertCanManageKeys(db: TDb, options: { workspaceId: string; role: TRole }) {
  const { ability } = await getPluginAbilities(db, options);
  if (!ability.can("manageTrustedKeys", "Workspace")) throw new AppError("FORBIDDEN", `Your role (${options.role}) cannot manage trusted keys`);
}

export async function listTrustedKeys(db: TDb, options: { workspaceId: string }) {
  return db.trustedKey.findMany({ where: { workspaceId: options.workspaceId }, orderBy: { createdAt: "asc" }, select: { id: true, publisher: true, fingerprint: true, publicKey: true, createdAt: true } });
}

/** Trusts a publisher's ed25519 public key (base64 SPKI, as `npm run plugin -- keygen` writes it). */
export async function addTrustedKey(db: TDb, options: { workspaceId: string; role: TRole; actorId: string; publisher: string; publicKey: string }) {
  await assertCanManageKeys(db, options);
  try {
    parsePublicKey(options.publicKey);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Not an ed25519 public key: ${(error as Error).message}`);
  }
  const fingerprint = fingerprintOf(options.publicKey);
  const existing = await db.trustedKey.findUnique({ where: { workspaceId_fingerprint: { workspaceId: options.workspaceId, fingerprint } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `The key ${fingerprint} is already trusted`);
  return db.trustedKey.create({
    data: { workspaceId: options.workspaceId, publisher: options.publisher, publicKey: options.publicKey.trim(), fingerprint, addedById: options.actorId },
    select: { id: true, publisher: true, fingerprint: true },
  });
}

export async function removeTrustedKey(db: TDb, options: { workspaceId: string; role: TRole; keyId: string }) {
  await assertCanManageKeys(db, options);
  const removed = await db.trustedKey.deleteMany({ where: { id: options.keyId, workspaceId: options.workspaceId } });
  if (removed.count === 0) throw notFound("Trusted key");
  return { id: options.keyId };
}
