import type { TRetryPolicy } from "@/lib/graph";
import { RetryAfterError } from "./errors";

export const DEFAULT_RETRY: TRetryPolicy = { attempts: 1, backoffMs: 1_000, maxBackoffMs: 60_000 };

/** Exponential backoff with full jitter in [50%, 100%] of the step; a RetryAfterError chooses its own delay. */
export function getRetryDelayMs(policy: TRetryPolicy, failedAttempt: number, error: unknown, random: () => number): number {
  if (error instanceof RetryAfterError) return Math.min(error.delayMs, policy.maxBackoffMs);
  const exponential = Math.min(policy.backoffMs * 2 ** (failedAttempt - 1), policy.maxBackoffMs);
  return Math.round(exponential * (0.5 + random() / 2));
}
