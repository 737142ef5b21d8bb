import { z } from "zod";

/**
 * How long a workspace keeps finished runs: `runDays` for succeeded and cancelled runs, `failedDays` for failed ones
 * (at least as long; null: as long as the others). `runDays` null keeps every run. Unfinished runs are never pruned.
 */
export type TRunRetention = { runDays: number | null; failedDays: number | null };

export const RUN_RETENTION_MAX_DAYS = 3650;

const ZDays = z.number().int().min(1).max(RUN_RETENTION_MAX_DAYS).nullable();

export const ZRunRetention = z
  .object({ runDays: ZDays, failedDays: ZDays })
  .strict()
  .superRefine((retention, context) => {
    const problem = runRetentionProblem(retention);
    if (problem) context.addIssue({ code: "custom", path: ["failedDays"], message: problem });
  });

/** Why a retention is refused, in words for the settings form; undefined when it is fine. */
export function runRetentionProblem(retention: TRunRetention): string | undefined {
  if (retention.failedDays === null) return undefined;
  if (retention.runDays === null) return "Failed runs cannot be pruned while other runs are kept forever";
  if (retention.failedDays < retention.runDays) return `Keep failed runs at least as long as other runs (${retention.runDays} days)`;
  return undefined;
}

/** A days field of the settings form: blank keeps forever; else whole days from 1 to RUN_RETENTION_MAX_DAYS. */
export function parseRetentionDays(text: string): { days: number | null } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { days: null };
  const days = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || days < 1 || days > RUN_RETENTION_MAX_DAYS) return { problem: `Enter whole days from 1 to ${RUN_RETENTION_MAX_DAYS}, or leave it blank to keep runs forever` };
  return { days };
}
