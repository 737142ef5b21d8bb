// The chain's hash: sha256 over the previous row's hash and this row's canonical JSON (keys sorted at every level, the
// way jsonb gives them back in another order), so recomputing it from the stored row gives the same value.
import { createHash } from "node:crypto";

/** The fields a row's hash covers: everything but its id and its own hash. */
export type THashedAuditFields = {
  chain: string;
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  summary: unknown;
  address: string | null;
  userAgent: string | null;
  prevHash: string;
};

/** The hash a chain starts from (the `prevHash` of its first row). */
export const GENESIS_HASH = "0".repeat(64);

export function hashAuditRow(row: THashedAuditFields): string {
  const { chain, seq, at, actorType, actorId, actorLabel, action, targetType, targetId, outcome, summary, address, userAgent, prevHash } = row;
  const fields = { chain, seq, at: at.toISOString(), actorType, actorId, actorLabel, action, targetType, targetId, outcome, summary, address, userAgent };
  return createHash("sha256").update(prevHash).update(canonicalJson(fields)).digest("hex");
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}
