// Sign-in, failed sign-in and sign-out go to the account chain (they belong to no one workspace).
import type { TDb } from "../db/client";
import { logger } from "../telemetry/logger";
import { ACCOUNT_CHAIN, recordAuditEvent } from "./record-audit-event";

export type TAccountEvent = {
  action: "account.signIn" | "account.signInFailed" | "account.signOut";
  user: { id: string; email: string } | null;
  /** The email typed, for a failed attempt (there may be no such user). */
  email?: string;
  method: string;
  address?: string | null;
  userAgent?: string | null;
};

export async function recordAccountEvent(db: TDb, event: TAccountEvent): Promise<void> {
  await recordAuditEvent(db, {
    chain: ACCOUNT_CHAIN,
    actorType: event.user ? "user" : "anonymous",
    actorId: event.user?.id ?? null,
    actorLabel: event.user?.email ?? event.email ?? null,
    action: event.action,
    targetType: "user",
    targetId: event.user?.id ?? null,
    outcome: event.action === "account.signInFailed" ? "UNAUTHORIZED" : "ok",
    summary: { method: event.method },
    address: event.address ?? null,
    userAgent: event.userAgent ?? null,
  }).catch((error: unknown) => logger.error({ err: error, action: event.action }, "audit record failed"));
}
