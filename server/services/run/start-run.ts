import { randomUUID } from "node:crypto";
import type { TDb } from "../../db/client";
import { insertRun } from "../../db/insert-run";
import { routeDelivery, type TRoute } from "../../deployments/route-delivery";
import { studioEvents } from "../../events/studio-events";
import { prepareRun, type TRunSource } from "./prepare-run";

/**
 * Queues a run of a published version (`version`: a number, or "latest") or of the current draft. The spec is
 * validated against the node types and snapshotted into the run; it starts at `startNodeId` (required when the graph has
 * several Input and trigger nodes) and the input is validated against that Input node's schema. An API key's run of
 * "latest" belongs to the key's environment: its deployment there decides the version (server/deployments/).
 */
export async function startRun(
  db: TDb,
  options: { workspaceId: string; graphId: string; actorId: string; source: TRunSource; input: unknown; trigger?: string; startNodeId?: string; apiKeyId?: string | null },
) {
  const route = options.apiKeyId && options.source.kind === "version" && options.source.number === "latest" ? await routeApiKeyRun(db, { ...options, apiKeyId: options.apiKeyId }) : null;
  const prepared = await prepareRun(db, { ...options, source: route?.source ?? options.source });
  const run = await insertRun(db, { ...prepared, ...route?.run, trigger: options.trigger ?? "manual", createdById: options.actorId }, { id: true, number: true, status: true, createdAt: true });
  studioEvents.emit("run.queued", { workspaceId: options.workspaceId, runId: run.id });
  return run;
}

async function routeApiKeyRun(db: TDb, options: { workspaceId: string; graphId: string; apiKeyId: string }): Promise<TRoute> {
  const key = await db.apiKey.findFirst({ where: { id: options.apiKeyId, workspaceId: options.workspaceId }, select: { environmentId: true } });
  return routeDelivery(db, { graphId: options.graphId, environmentId: key?.environmentId ?? null, deliveryId: randomUUID() });
}
