import { computeNextFireTime, SCHEDULE_NODE_TYPE } from "@/lib/triggers";
import { AppError } from "../../app-error";
import type { TDb, TTx } from "../../db/client";
import { insertRun } from "../../db/insert-run";
import { routeDelivery } from "../../deployments/route-delivery";
import { studioEvents } from "../../events/studio-events";
import { prepareRun } from "../run/prepare-run";

export type TScheduleTrigger = { id: string; workspaceId: string; graphId: string; nodeId: string; environmentId: string | null; cron: string; timezone: string; nextFireAt: Date };

export type TTickOutcome =
  | { kind: "fired"; runId: string }
  /** Another scheduler (a second process, or this one before a restart) fired this tick first. */
  | { kind: "taken" }
  /** The tick was consumed without a run: the graph cannot run it (the reason is for the log). */
  | { kind: "skipped"; reason: string };

/**
 * Fires one due tick, at most once across processes and restarts: one transaction moves `nextFireAt` forward only if
 * it still equals the tick being fired (compare-and-set) and inserts the run keyed `schedule:<trigger>@<tick>`
 * (unique). The compare-and-set holds the trigger's row until commit, so a run already holding that key was made by an
 * earlier firing: the tick is then only moved on. The next tick is computed from `now`, so after downtime the missed
 * tick fires once and the schedule continues from the present instead of replaying every tick it missed.
 */
export async function fireScheduleTick(db: TDb, options: { trigger: TScheduleTrigger; now: Date }): Promise<TTickOutcome> {
  const { trigger, now } = options;
  const tick = trigger.nextFireAt;
  const outcome = await db.$transaction(async (tx): Promise<TTickOutcome> => {
    const nextFireAt = computeNextFireTime(trigger, now > tick ? now : tick);
    const { count } = await tx.trigger.updateMany({ where: { id: trigger.id, nextFireAt: tick, isEnabled: true }, data: { nextFireAt, lastFiredAt: now } });
    if (count === 0) return { kind: "taken" };

    const isActive = await isNodePublished(tx, trigger);
    if (!isActive) {
      await tx.trigger.update({ where: { id: trigger.id }, data: { isEnabled: false, nextFireAt: null } });
      return { kind: "skipped", reason: "the graph was deleted or its published version has no such Schedule node" };
    }
    const input = { firedAt: tick.toISOString(), cron: trigger.cron, timezone: trigger.timezone };
    const idempotencyKey = `schedule:${trigger.id}@${tick.toISOString()}`;
    // The tick is the delivery: a tick fired again after a crash is routed to the same version.
    const route = await routeDelivery(tx, { graphId: trigger.graphId, environmentId: trigger.environmentId, deliveryId: idempotencyKey });
    let prepared: Awaited<ReturnType<typeof prepareRun>>;
    try {
      prepared = await prepareRun(tx, { workspaceId: trigger.workspaceId, graphId: trigger.graphId, source: route.source, input, startNodeId: trigger.nodeId });
    } catch (error) {
      // The published version cannot run (a plugin was disabled since, an Input schema refuses the tick): retrying
      // every few seconds would not help, so the tick is consumed and the reason logged.
      if (error instanceof AppError) return { kind: "skipped", reason: error.message };
      throw error;
    }
    if (await tx.run.findUnique({ where: { idempotencyKey }, select: { id: true } })) return { kind: "taken" };
    const run = await insertRun(tx, { ...prepared, ...route.run, trigger: "schedule", idempotencyKey, startNodeId: trigger.nodeId }, { id: true });
    return { kind: "fired", runId: run.id };
  });
  if (outcome.kind === "fired") studioEvents.emit("run.queued", { workspaceId: trigger.workspaceId, runId: outcome.runId });
  return outcome;
}

async function isNodePublished(tx: TTx, trigger: TScheduleTrigger): Promise<boolean> {
  const graph = await tx.graph.findFirst({ where: { id: trigger.graphId, workspaceId: trigger.workspaceId, deletedAt: null }, select: { currentVersion: { select: { spec: true } } } });
  const nodes = (graph?.currentVersion?.spec as { nodes?: { id: string; type: string; disabled?: boolean }[] } | undefined)?.nodes ?? [];
  return nodes.some((node) => node.id === trigger.nodeId && node.type === SCHEDULE_NODE_TYPE && !node.disabled);
}
