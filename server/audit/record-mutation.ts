// The audit row of one tRPC mutation, whatever its outcome: who (user, API key, or nobody signed in), from where,
// what (the procedure's path and a secret-free summary of its input, plus before/after when the procedure noted
// them), on what (the first id the input names) and how it ended.
import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { logger } from "../telemetry/logger";
import { summarizeValue } from "./audit-summary";
import { ACCOUNT_CHAIN, recordAuditEvent } from "./record-audit-event";

/** Set by a procedure that knows what it changed (audit-note.ts): shown beside the input. */
export type TAuditNote = { before?: unknown; after?: unknown };

export type TAuditCaller = {
  user: { id: string; email: string } | null;
  apiKey: { id: string; actorId: string } | null;
  client: { address: string | null; userAgent: string | null };
};

type TOutcome = { ok: true } | { ok: false; error: { code: string; cause?: unknown } };

const TARGET_FIELDS = ["runId", "graphId", "userId", "apiKeyId", "invitationId", "pluginId", "pluginKey", "triggerId", "commandId", "fingerprint", "host", "name", "email"] as const;

export async function recordMutation(db: TDb, options: { path: string; input: unknown; outcome: TOutcome; note: TAuditNote; caller: TAuditCaller }): Promise<void> {
  const { path, outcome, caller } = options;
  const input = options.input !== null && typeof options.input === "object" ? (options.input as Record<string, unknown>) : {};
  const target = TARGET_FIELDS.find((field) => typeof input[field] === "string");
  try {
    await recordAuditEvent(db, {
      chain: await chainOf(db, input.workspaceId),
      actorType: caller.apiKey ? "apiKey" : caller.user ? "user" : "anonymous",
      actorId: caller.apiKey?.id ?? caller.user?.id ?? null,
      actorLabel: caller.apiKey ? `API key (for user ${caller.apiKey.actorId})` : (caller.user?.email ?? null),
      action: path,
      targetType: target ? target.replace(/Id$/, "") : null,
      targetId: target ? String(input[target]) : null,
      outcome: outcome.ok ? "ok" : outcome.error.cause instanceof AppError ? outcome.error.cause.code : outcome.error.code,
      summary: { input: summarizeValue(input), ...noted("before", options.note.before), ...noted("after", options.note.after) },
      address: caller.client.address,
      userAgent: caller.client.userAgent,
    });
  } catch (error) {
    // The action already happened: a lost audit row is logged loudly rather than turning a success into an error.
    logger.error({ err: error, action: path }, "audit record failed");
  }
}

/** A side of the note, bounded and redacted like the input; absent when the procedure noted nothing. */
function noted(side: "before" | "after", value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [side]: summarizeValue(value) };
}

/** A workspace's own chain when the input names one that exists; else the account chain (no chains for made-up ids). */
async function chainOf(db: TDb, workspaceId: unknown): Promise<string> {
  if (typeof workspaceId !== "string") return ACCOUNT_CHAIN;
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } });
  return workspace?.id ?? ACCOUNT_CHAIN;
}
