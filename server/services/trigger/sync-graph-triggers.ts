import { getNodeName, type TGraphNode, type TGraphSpec } from "@/lib/graph";
import { computeNextFireTime, describeScheduleProblem, readScheduleConfig, TRIGGER_KIND_OF_NODE_TYPE } from "@/lib/triggers";
import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";

/**
 * Makes a graph's Trigger rows follow the version just published (called inside the publish transaction): a row per
 * enabled webhook/schedule node, enabled; rows whose node is gone (or disabled) are disabled, keeping a webhook's
 * token so the URL works again if the node comes back. A schedule keeps its next tick unless its cron or zone changed
 * or it was off, so republishing an unrelated change neither skips nor repeats a tick. An invalid schedule refuses
 * the publish: the editor shows the same problem on the node (lib/graph find-invalid-schedules).
 */
export async function syncGraphTriggers(tx: TDbOrTx, options: { workspaceId: string; graphId: string; spec: TGraphSpec; now: Date }) {
  const { workspaceId, graphId, now } = options;
  const nodes = options.spec.nodes.filter((node) => TRIGGER_KIND_OF_NODE_TYPE[node.type] && !node.disabled);
  const existing = await tx.trigger.findMany({ where: { graphId }, select: { id: true, nodeId: true, kind: true, cron: true, timezone: true, isEnabled: true, nextFireAt: true } });
  const keyOf = (nodeId: string, kind: string) => `${kind}:${nodeId}`;
  const byKey = new Map(existing.map((row) => [keyOf(row.nodeId, row.kind), row]));
  const kept = new Set<string>();

  for (const node of nodes) {
    const kind = TRIGGER_KIND_OF_NODE_TYPE[node.type]!;
    const row = byKey.get(keyOf(node.id, kind));
    kept.add(keyOf(node.id, kind));
    const schedule = kind === "schedule" ? readValidSchedule(node, now) : undefined;
    if (!row) {
      await tx.trigger.create({ data: { workspaceId, graphId, nodeId: node.id, kind, ...(schedule ?? {}) } });
      continue;
    }
    const isScheduleChanged = schedule !== undefined && (row.cron !== schedule.cron || row.timezone !== schedule.timezone || !row.isEnabled || row.nextFireAt === null);
    if (row.isEnabled && !isScheduleChanged) continue;
    await tx.trigger.update({ where: { id: row.id }, data: { isEnabled: true, ...(isScheduleChanged ? schedule : {}) } });
  }

  const gone = existing.filter((row) => row.isEnabled && !kept.has(keyOf(row.nodeId, row.kind))).map((row) => row.id);
  if (gone.length > 0) await tx.trigger.updateMany({ where: { id: { in: gone } }, data: { isEnabled: false, nextFireAt: null } });
}

function readValidSchedule(node: TGraphNode, now: Date) {
  const schedule = readScheduleConfig(node.config);
  const problem = describeScheduleProblem(schedule, now);
  if (problem) throw new AppError("BAD_REQUEST", `Schedule "${getNodeName(node)}": ${problem.message}`);
  return { ...schedule, nextFireAt: computeNextFireTime(schedule, now) };
}
