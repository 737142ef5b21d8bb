import { randomUUID } from "node:crypto";
import { WEBHOOK_NODE_TYPE } from "@/lib/triggers";
import { notFound } from "../../app-error";
import { pickDeploymentVersion } from "../../deployments/route-delivery";
import type { TDb } from "../../db/client";
import { insertQueuedRun, isUniqueViolation } from "../../db/insert-run";
import { studioEvents } from "../../events/studio-events";
import type { TRunTrace } from "../../runtime/trace-context";
import { findWebhookDelivery, type TWebhookDelivery } from "../../triggers/find-webhook-delivery";
import { checkRunInput } from "../run/prepare-run";
import { getPreparedVersion } from "../run/prepared-versions";

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
 * Queues a run of the version the trigger's environment runs (the deployment's stable or candidate version, routed
 * by the Idempotency-Key as server/deployments/route-delivery.ts does, else the latest published) with the request as
 * its input. The request is data only: it becomes the run input and nothing else, so a body shaped like a graph or
 * code can never change what runs. With an Idempotency-Key, a retried delivery answers with the run the first
 * delivery made (the unique key decides races). `trace`: the sender's W3C trace context; the run's trace continues it
 * (else the database gives the run a new trace). `delivery`: what the webhook handler already read for this
 * trigger and key (find-webhook-delivery.ts); without it, it is read here.
 *
 * Two statements in the usual case: the delivery's facts and the insert. The version's checks (valid graph, plugins,
 * the webhook node present and enabled) are made once per version and plugin set (prepared-versions.ts).
 */
export async function startWebhookRun(
  db: TDb,
  options: { trigger: TWebhookTrigger; delivery?: TWebhookDelivery; input: unknown; idempotencyKey?: string; trace?: TRunTrace; now: Date },
) {
  const delivery = options.delivery ?? (await findWebhookDelivery({ triggerId: options.trigger.id }, options.idempotencyKey));
  if (!delivery) throw notFound("Webhook");
  const { trigger } = delivery;
  if (delivery.earlierRunId) return { runId: delivery.earlierRunId, isRepeat: true };
  // A graph deleted or unpublished since the last sync, or a version without this node: the URL is inactive.
  if (!delivery.isGraphLive || !delivery.currentVersionId) throw notFound("Webhook");
  // A delivery without an Idempotency-Key cannot be retried as itself: it is routed as a delivery of its own.
  const { deployment } = delivery;
  const routed = deployment
    ? pickDeploymentVersion({ id: deployment.id, candidateShare: deployment.candidateShare, stable: deployment.stableVersionId, candidate: deployment.candidateVersionId }, options.idempotencyKey ?? randomUUID())
    : null;
  const prepared = await getPreparedVersion(db, {
    workspaceId: trigger.workspaceId,
    graphId: trigger.graphId,
    graphVersionId: routed?.version ?? delivery.currentVersionId,
    startNodeId: trigger.nodeId,
    pluginSet: delivery.pluginSet,
  });
  const { startNode } = prepared;
  if (startNode?.type !== WEBHOOK_NODE_TYPE || startNode.disabled) throw notFound("Webhook");
  const input = checkRunInput(startNode, options.input);

  const idempotencyKey = options.idempotencyKey === undefined ? null : `webhook:${trigger.id}:${options.idempotencyKey}`;
  try {
    const run = await insertQueuedRun({
      workspaceId: trigger.workspaceId,
      graphId: trigger.graphId,
      graphVersionId: prepared.graphVersionId,
      specJson: prepared.specJson,
      trigger: "webhook",
      input,
      idempotencyKey,
      startNodeId: trigger.nodeId,
      environmentId: trigger.environmentId,
      deploymentId: deployment?.id ?? null,
      deploymentArm: routed?.arm ?? null,
      trace: options.trace,
    });
    if (isFiringWorthRecording(trigger.id, options.now)) await db.trigger.update({ where: { id: trigger.id }, data: { lastFiredAt: options.now } });
    studioEvents.emit("run.queued", { workspaceId: trigger.workspaceId, runId: run.id });
    return { runId: run.id, isRepeat: false };
  } catch (error) {
    const earlier = idempotencyKey && isUniqueViolation(error) ? await db.run.findFirst({ where: { idempotencyKey, workspaceId: trigger.workspaceId }, select: { id: true } }) : null;
    if (earlier) return { runId: earlier.id, isRepeat: true };
    throw error;
  }
}
