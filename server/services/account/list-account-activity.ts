import type { TDbOrTx } from "../../db/client";
import { ACCOUNT_CHAIN } from "../../audit/record-audit-event";

const ACTIVITY_LIMIT = 50;

/**
 * The account's own security record, newest first, from the account audit chain: sign-ins (password or which
 * provider), failed attempts with its email (whoever typed them), sign-outs and changes to the account itself.
 */
export async function listAccountActivity(db: TDbOrTx, options: { userId: string; email: string }) {
  const rows = await db.auditEvent.findMany({
    where: {
      chain: ACCOUNT_CHAIN,
      OR: [
        { actorId: options.userId },
        { targetType: "user", targetId: options.userId },
        { action: "account.signInFailed", actorLabel: { equals: options.email, mode: "insensitive" } },
      ],
    },
    orderBy: { seq: "desc" },
    take: ACTIVITY_LIMIT,
    select: { id: true, at: true, action: true, outcome: true, summary: true, address: true, userAgent: true },
  });
  return rows.map(({ summary, ...row }) => ({ ...row, method: readMethod(summary) }));
}

function readMethod(summary: unknown): string | null {
  const method = (summary as { method?: unknown } | null)?.method;
  return typeof method === "string" ? method : null;
}
