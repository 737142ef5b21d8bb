import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type TRunOutputs = inferRouterOutputs<AppRouter>["run"];

/** `run.get` as the browser receives it (dates arrive as ISO strings: there is no transformer). */
export type TRunDetail = TRunOutputs["get"];
/** One row of `run.steps`: big values are truncation markers (lib/run-values). */
export type TListedStep = TRunOutputs["steps"][number];

export type TInstant = Date | string | number;

export function toMs(instant: TInstant): number;
export function toMs(instant: TInstant | null | undefined): number | undefined;
export function toMs(instant: TInstant | null | undefined): number | undefined {
  if (instant === null || instant === undefined) return undefined;
  return typeof instant === "number" ? instant : new Date(instant).getTime();
}

/** The statuses a step shows: the recorded ones plus what only events know (running, retrying). */
export type TStepViewStatus = "running" | "retrying" | "waiting" | "succeeded" | "failed" | "skipped" | "cancelled";

export type TUsage = { tokens: number; costUsd: number };
