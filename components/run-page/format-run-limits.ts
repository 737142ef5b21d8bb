import type { TRunLimitUse } from "@/lib/runs/run-limits";
import { formatCostUsd, formatDurationMs, formatTokens } from "./format-run-values";

/** How close a run came to a limit: reached (the run stops there), near (80% or more), or below it. */
export type TLimitLevel = "reached" | "near" | "below";

/** "steps 12 / 10,000", "1.2 s / 2 s", "274 / 300 tokens", "$0.01 / $0.05"; without a limit, says there is none. */
export function formatRunLimit(use: TRunLimitUse): string {
  const { used, limit } = use;
  switch (use.kind) {
    case "steps":
      return `steps ${formatTokens(used)} / ${formatTokens(limit)}`;
    case "time":
      return limit === undefined ? `${formatDurationMs(used)} (no timeout)` : `${formatDurationMs(used)} / ${formatDurationMs(limit)}`;
    case "tokens":
      return limit === undefined ? `${formatTokens(used)} tokens (no budget)` : `${formatTokens(used)} / ${formatTokens(limit)} tokens`;
    case "cost":
      return limit === undefined ? `${formatCostUsd(used)} (no cost budget)` : `${formatCostUsd(used)} / ${formatCostUsd(limit)}`;
  }
}

export function getLimitLevel(use: TRunLimitUse): TLimitLevel {
  if (use.share === undefined || use.share < 0.8) return "below";
  return use.share >= 1 ? "reached" : "near";
}
