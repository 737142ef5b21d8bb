import type { TDb } from "../../db/client";
import { insertRun } from "../../db/insert-run";
import { studioEvents } from "../../events/studio-events";
import { prepareRun, type TRunSource } from "./prepare-run";

/**
 * Queues a run of a published version (`version`: a number, or "latest") or of the current draft. The spec is
 * validated against the node types and snapshotted into the run; it starts at `startNodeId` (required when the graph has
 * several Input and trigger nodes) and the input is validated against that Input node's schema.
 */
export async function startRun(
  db: TDb,
  options: { workspaceId: string; graphId: string; actorId: string; source: TRunSource; input: unknown; trigger?: string; startNodeId?: string },
) {
  const prepared = await prepareRun(db, options);
  const run = await insertRun(db, { ...prepared, trigger: options.trigger ?? "manual", createdById: options.actorId }, { id: true, number: true, status: true, createdAt: true });
  studioEvents.emit("run.queued", { workspaceId: options.workspaceId, runId: run.id });
  return run;
}
