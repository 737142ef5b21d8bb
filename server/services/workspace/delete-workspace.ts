import { setTimeout as sleep } from "node:timers/promises";
import { AppError, notFound } from "../../app-error";
import type { TDb } from "../../db/client";
import { studioEvents } from "../../events/studio-events";
import { isFinalRunStatus, RUN_STATUSES } from "../../runtime/statuses";
import { removeWorkspaceValueFiles } from "../../step-values/step-value-files";

/** Long enough for an executor on another process to see the cancel at its next heartbeat (5 s) and end the run. */
const STOP_RUNS_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

/**
 * Deletes a workspace and everything of it (graphs, versions, runs, steps, events, triggers, secrets, keys, plugin
 * installs, memberships: every table cascades from Workspace), then its step values kept in files. The caller types
 * the workspace's name to confirm.
 *
 * Runs are cancelled first: every unfinished run gets `cancelRequested`, and the delete waits until no executor holds
 * a lease on one, so running nodes are aborted by the engine (their HTTP calls, sandboxes, model streams) instead of
 * having their rows vanish underneath them. Queued and parked runs nobody holds are simply deleted.
 */
export async function deleteWorkspace(db: TDb, options: { workspaceId: string; confirmName: string; stopRunsTimeoutMs?: number }) {
  const { workspaceId } = options;
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { name: true, memberships: { select: { userId: true } } } });
  if (!workspace) throw notFound("Workspace");
  if (options.confirmName.trim() !== workspace.name) throw new AppError("BAD_REQUEST", `Type the workspace's name, ${workspace.name}, to confirm`);

  await requestCancelOfRuns(db, workspaceId);
  const deadline = Date.now() + (options.stopRunsTimeoutMs ?? STOP_RUNS_TIMEOUT_MS);
  for (;;) {
    if (await waitWhileRunsAreHeld(db, workspaceId, deadline)) {
      // The engine writes a run's last events right after it lets go of the lease (batches every 20 ms).
      await sleep(POLL_MS);
    }
    if (await deleteUnlessRunsAreHeld(db, workspaceId)) break;
  }
  await removeWorkspaceValueFiles(workspaceId);
  for (const { userId } of workspace.memberships) studioEvents.emit("membership.removed", { workspaceId, userId });
  return { id: workspaceId };
}

async function requestCancelOfRuns(db: TDb, workspaceId: string): Promise<void> {
  const unfinished = await db.run.findMany({ where: { workspaceId, status: { in: RUN_STATUSES.filter((status) => !isFinalRunStatus(status)) } }, select: { id: true } });
  if (unfinished.length === 0) return;
  await db.run.updateMany({ where: { id: { in: unfinished.map((run) => run.id) } }, data: { cancelRequested: true } });
  for (const { id } of unfinished) studioEvents.emit("run.cancel_requested", { workspaceId, runId: id });
}

/** Polls until no executor holds a run of the workspace; true when one did at first. CONFLICT past the deadline. */
async function waitWhileRunsAreHeld(db: TDb, workspaceId: string, deadline: number): Promise<boolean> {
  let wasHeld = false;
  for (;;) {
    const held = await db.run.count({ where: { workspaceId, leaseOwner: { not: null }, leaseExpiresAt: { gt: new Date() } } });
    if (held === 0) return wasHeld;
    if (Date.now() >= deadline) {
      throw new AppError("CONFLICT", `${held} run(s) of this workspace are still stopping; their cancellation is requested, try again in a moment`);
    }
    wasHeld = true;
    await sleep(POLL_MS);
  }
}

/**
 * Locks every run of the workspace, then deletes it unless an executor claimed one meanwhile (it claims with SKIP
 * LOCKED, so once the rows are locked nothing new can be claimed). False: wait again.
 */
async function deleteUnlessRunsAreHeld(db: TDb, workspaceId: string): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ held: number }[]>`
        WITH runs AS MATERIALIZED (SELECT "leaseOwner", "leaseExpiresAt" FROM "Run" WHERE "workspaceId" = ${workspaceId} FOR UPDATE)
        SELECT count(*)::int AS held FROM runs WHERE "leaseOwner" IS NOT NULL AND "leaseExpiresAt" > (now() AT TIME ZONE 'UTC')`;
      if ((locked?.held ?? 0) > 0) return false;
      await tx.workspace.delete({ where: { id: workspaceId } });
      return true;
    },
    // A workspace with a long history deletes many rows (steps, events) in this one statement.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
