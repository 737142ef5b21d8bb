import type { TRole } from "@/lib/auth/access-rights";
import { AppError } from "../app-error";
import type { TDb } from "../db/client";
import { checkMayEdit, DEFAULT_ENVIRONMENT } from "./environment-rules";
import { findEnvironmentOrThrow } from "./find-environment";

/**
 * What still runs in an environment: the deployments and triggers of its graphs (deleted graphs aside) and its live
 * API keys, each in words. Deleting it would silently send them elsewhere, so each must be moved or removed first.
 */
async function listEnvironmentUsers(db: TDb, environmentId: string): Promise<string[]> {
  const liveGraph = { deletedAt: null };
  const [deployments, triggers, apiKeys] = await Promise.all([
    db.deployment.findMany({ where: { environmentId, graph: liveGraph }, select: { graph: { select: { name: true } }, stableVersion: { select: { number: true } } }, orderBy: { deployedAt: "asc" } }),
    db.trigger.findMany({ where: { environmentId }, select: { kind: true, nodeId: true, graphId: true }, orderBy: { createdAt: "asc" } }),
    db.apiKey.findMany({ where: { environmentId, revokedAt: null }, select: { name: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const graphs = await db.graph.findMany({ where: { id: { in: triggers.map((trigger) => trigger.graphId) }, ...liveGraph }, select: { id: true, name: true } });
  const graphName = new Map(graphs.map((graph) => [graph.id, graph.name]));
  return [
    ...deployments.map((deployment) => `the deployment of “${deployment.graph.name}” (v${deployment.stableVersion.number})`),
    ...triggers.flatMap((trigger) => (graphName.has(trigger.graphId) ? [`the ${trigger.kind} trigger ${trigger.nodeId} of “${graphName.get(trigger.graphId)}”`] : [])),
    ...apiKeys.map((apiKey) => `the API key “${apiKey.name}”`),
  ];
}

/** Deletes an unused environment with its secret values and any pending requests; production stays. */
export async function deleteEnvironment(db: TDb, options: { workspaceId: string; environment: string; actorRole: TRole }) {
  const environment = await findEnvironmentOrThrow(db, options);
  checkMayEdit(environment, options.actorRole);
  if (environment.name === DEFAULT_ENVIRONMENT) {
    throw new AppError("BAD_REQUEST", `${DEFAULT_ENVIRONMENT} cannot be deleted: new triggers and API keys join it`);
  }
  const users = await listEnvironmentUsers(db, environment.id);
  if (users.length > 0) {
    throw new AppError("CONFLICT", `${environment.name} is still in use by ${users.join(", ")}: move or remove them first`, { details: { usedBy: users } });
  }
  await db.environment.delete({ where: { id: environment.id } });
  return { name: environment.name };
}
