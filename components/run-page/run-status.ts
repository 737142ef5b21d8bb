// The run's status as the page shows it: the fetched one, overtaken by newer live events while the run goes.
import type { TRunStreamEvent } from "../realtime/use-run-events";

export type TRunStatus = "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";

const FROM_EVENT: Record<string, TRunStatus> = {
  "run.started": "running",
  "run.waiting": "waiting",
  "run.completed": "succeeded",
  "run.failed": "failed",
  "run.cancelled": "cancelled",
};

export function isFinalStatus(status: string): boolean {
  return status === "succeeded" || status === "failed" || status === "cancelled";
}

/** A final fetched status stands; otherwise the last run event tells where the run is now. */
export function getLiveRunStatus(fetched: TRunStatus, events: readonly TRunStreamEvent[]): TRunStatus {
  if (isFinalStatus(fetched)) return fetched;
  for (let index = events.length - 1; index >= 0; index--) {
    const status = FROM_EVENT[events[index]!.type];
    if (status) return status;
  }
  return fetched;
}

/** Which queries the new events make stale: steps when a step ended or parked, the run when its status moved. */
export function getStaleQueries(events: readonly TRunStreamEvent[]): { steps: boolean; run: boolean } {
  const isStepEnd = (type: string) => type === "node.completed" || type === "node.failed" || type === "node.skipped" || type === "node.waiting";
  return { steps: events.some((event) => isStepEnd(event.type) || event.type in FROM_EVENT), run: events.some((event) => event.type in FROM_EVENT) };
}
