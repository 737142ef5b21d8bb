// Appends one row to an audit chain. The chain's head row is locked for the transaction, so appends to one chain are
// serialised and each row links to the one before it; chains do not wait on each other.
import type { TDb } from "../db/client";
import { toJsonbValue } from "../db/jsonb-safe";
import type { Prisma } from "../db/generated/client";
import { GENESIS_HASH, hashAuditRow, type THashedAuditFields } from "./audit-hash";

/** Account-level events (sign-in, sign-out, password changes, sign-up) share this chain. */
export const ACCOUNT_CHAIN = "";

export type TAuditEntry = Omit<THashedAuditFields, "seq" | "prevHash" | "at" | "summary"> & { summary: Record<string, unknown>; at?: Date };

export async function recordAuditEvent(db: TDb, entry: TAuditEntry): Promise<void> {
  // Hashed exactly as it will read back: through JSON (dates become text, undefined fields go) and jsonb-safe.
  const summary = JSON.parse(JSON.stringify(toJsonbValue(entry.summary))) as Record<string, unknown>;
  const at = entry.at ?? new Date();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "AuditChainHead" (chain, seq, hash) VALUES (${entry.chain}, 0, ${GENESIS_HASH}) ON CONFLICT (chain) DO NOTHING`;
    const [head] = await tx.$queryRaw<{ seq: number; hash: string }[]>`SELECT seq, hash FROM "AuditChainHead" WHERE chain = ${entry.chain} FOR UPDATE`;
    const fields: THashedAuditFields = { ...entry, at, summary, seq: head!.seq + 1, prevHash: head!.hash };
    const hash = hashAuditRow(fields);
    await tx.auditEvent.create({ data: { ...fields, summary: summary as Prisma.InputJsonValue, hash } });
    await tx.auditChainHead.update({ where: { chain: entry.chain }, data: { seq: fields.seq, hash } });
  });
}
