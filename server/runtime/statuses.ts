// Every status of a run and of a step, and which are final. Only the engine changes a run's status.
export const RUN_STATUSES = ["queued", "running", "waiting", "succeeded", "failed", "cancelled"] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];

export const STEP_STATUSES = ["succeeded", "failed", "skipped", "waiting", "cancelled"] as const;
export type TStepStatus = (typeof STEP_STATUSES)[number];

const FINAL_RUN_STATUSES: ReadonlySet<TRunStatus> = new Set(["succeeded", "failed", "cancelled"]);

export function isFinalRunStatus(status: TRunStatus): boolean {
  return FINAL_RUN_STATUSES.has(status);
}
