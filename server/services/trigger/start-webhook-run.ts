import { randomUUID } from "node:crypto";
import { WEBHOOK_NODE_TYPE } from "@/lib/triggers";
import { notFound } from "../../app-error";
import { routeDelivery } from "../../deployments/route-delivery";
import type { TDb } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { insertRun } from "../../db/insert-run";
import { studioEvents } from "../../events/studio-events";
import type { TRunTrace } from "../../runtime/trace-context";
import { prepareRun } from "../run/prepare-run";

export type TWebhookTrigger = { id: string; workspaceId: string; graphId: string; nodeId: string; environmentId: string | null };

/**
 * The inspector shows "Last request" to the second, so a burst of deliveries records it once a second per trigger and
 * process, not once per request: each write would take the trigger's row lock and leave a dead row version behind.
 */
const LAST_FIRED_PRECISION_MS = 1_000;
const lastFiredWrites = new Map<string, number>();

function isFiringWorthRecording(triggerId: string, now: Date): boolean {
  const at = now.getTime();
  if (at - (lastFiredWrites.get(triggerId) ?? Number.NEGATIVE_INFINITY) < LAST_FIRED_PRECISION_MS) return false;
  if (lastFiredWrites.size >= 10_000) lastFiredWrites.clear();
  lastFiredWrites.set(triggerId, at);
  return true;
}

/**
 * Queues a run of the version the trigger's environment runs (server/deployments/route-delivery.ts: the deployment's
 * stable or candidate version, routed by the Idempotency-Key, else the latest published) with the request as its input. The request is data only: it becomes
 * the run input and nothing else, so a body shaped like a graph or code can never change what runs. With an
 * Idempotency-Key, a retried delivery answers with the run the first delivery made (the unique key decides races).
 * `trace`: the sender's W3C trace context; the run's trace continues it (else the database gives the run a new trace).
 */
export async function startWebhookRun(db: TDb, options: { trigger: TWebhookTrigger; input: unknown; idempotencyKey?: string; trace?: TRunTrace; now: Date }) {
  const { trigger } = options;
  const idempotencyKey = options.idempotencyKey === undefined ? null : `webhook:${trigger.id}:${options.idempotencyKey}`;
  if (idempotencyKey) {
    const earlier = await findRunByKey(db, trigger.workspaceId, idempotencyKey);
    if (earlier) return { runId: earlier.id, isRepeat: true };
  }
  // A graph deleted or unpublished since the last sync, or a version without this node: the URL is inactive.
  const graph = await db.graph.findFirst({ where: { id: trigger.graphId, workspaceId: trigger.workspaceId, deletedAt: null, currentVersionId: { not: null } }, select: { id: true } });
  if (!graph) throw notFound("Webhook");
  // A delivery without an Idempotency-Key cannot be retried as itself: it is routed as a delivery of its own.
  const route = await routeDelivery(db, { graphId: trigger.graphId, environmentId: trigger.environmentId, deliveryId: options.idempotencyKey ?? randomUUID() });
  const prepared = await prepareRun(db, { workspaceId: trigger.workspaceId, graphId: trigger.graphId, source: route.source, input: options.input, startNodeId: trigger.nodeId });
  const nodes = (prepared.spec as { nodes: { id: string; type: string; disabled?: boolean }[] }).nodes;
  if (!nodes.some((node) => node.id === trigger.nodeId && node.type === WEBHOOK_NODE_TYPE && !node.disabled)) throw notFound("Webhook");

  try {
    const run = await insertRun(db, { ...prepared, ...route.run, ...options.trace, trigger: "webhook", idempotencyKey, startNodeId: trigger.nodeId }, { id: true });
    if (isFiringWorthRecording(trigger.id, options.now)) await db.trigger.update({ where: { id: trigger.id }, data: { lastFiredAt: options.now } });
    studioEvents.emit("run.queued", { workspaceId: trigger.workspaceId, runId: run.id });
    return { runId: run.id, isRepeat: false };
  } catch (error) {
    const earlier = idempotencyKey && isUniqueViolation(error) ? await findRunByKey(db, trigger.workspaceId, idempotencyKey) : null;
    if (earlier) return { runId: earlier.id, isRepeat: true };
    throw error;
  }
}

function findRunByKey(db: TDb, workspaceId: string, idempotencyKey: string) {
  return db.run.findFirst({ where: { idempotencyKey, workspaceId }, select: { id: true } });
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
