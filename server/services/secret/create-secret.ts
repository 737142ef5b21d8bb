import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { encryptSecret } from "../../secrets/secret-cipher";
import {
  MAX_SECRET_VALUE_BYTES,
  MIN_SECRET_VALUE_CHARS,
  SECRET_NAME_PATTERN,
  SECRET_NAME_RULE,
  createSecretHint,
} from "../../secrets/secret-rules";
import { SECRET_SUMMARY_SELECT, toSecretSummary } from "./secret-summary";

/**
 * Stores a value encrypted under the master key. An existing name is a CONFLICT unless `overwrite` is set, which
 * replaces the value (and its hint) in place. Messages never contain the value.
 */
export async function createSecret(
  db: TDbOrTx,
  options: { workspaceId: string; actorId: string; name: string; value: string; overwrite?: boolean; masterKey: Buffer },
) {
  const { workspaceId, name, value } = options;
  checkSecret(name, value);
  const sealed = encryptSecret(options.masterKey, { workspaceId, name }, value);
  const data = { ciphertext: sealed.ciphertext, nonce: sealed.nonce, keyVersion: sealed.keyVersion, hint: createSecretHint(value) };

  if (options.overwrite) {
    const secret = await db.secret.upsert({
      where: { workspaceId_name: { workspaceId, name } },
      create: { workspaceId, name, createdById: options.actorId, ...data },
      update: data,
      select: SECRET_SUMMARY_SELECT,
    });
    return toSecretSummary(secret);
  }
  try {
    const secret = await db.secret.create({ data: { workspaceId, name, createdById: options.actorId, ...data }, select: SECRET_SUMMARY_SELECT });
    return toSecretSummary(secret);
  } catch (error) {
    // The unique index decides, so two concurrent creates of one name cannot both succeed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A secret named ${name} already exists; overwrite it to replace its value`);
    }
    throw error;
  }
}

/** The naming rule, and a value long enough to redact and small enough to store. */
export function checkSecret(name: string, value: string): void {
  if (!SECRET_NAME_PATTERN.test(name)) throw new AppError("BAD_REQUEST", SECRET_NAME_RULE);
  if ([...value].length < MIN_SECRET_VALUE_CHARS) {
    throw new AppError("BAD_REQUEST", `A secret value must be at least ${MIN_SECRET_VALUE_CHARS} characters: shorter ones cannot be reliably redacted from logs`);
  }
  if (Buffer.byteLength(value, "utf8") > MAX_SECRET_VALUE_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `A secret value must be at most ${MAX_SECRET_VALUE_BYTES / 1024} KiB`);
  }
}
