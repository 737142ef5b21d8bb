import { readGraphDocument } from "@/lib/graph";
import type { TDbOrTx } from "../db/client";

export type TPluginUser = { graphId: string; graphName: string; versionNumber: number; usedBy: string; nodeTypes: string[] };

/**
 * What would stop working if the plugin left the workspace: each version deployed in an environment (stable or
 * candidate), and each graph's published version that enabled triggers start, whose nodes use a type of the plugin.
 */
export async function findPluginUsers(db: TDbOrTx, options: { workspaceId: string; pluginKey: string }): Promise<TPluginUser[]> {
  const version = { select: { number: true, spec: true } } as const;
  const [deployments, triggered] = await Promise.all([
    db.deployment.findMany({
      where: { workspaceId: options.workspaceId, graph: { deletedAt: null } },
      select: { graphId: true, graph: { select: { name: true } }, environment: { select: { name: true } }, stableVersion: version, candidateVersion: version },
      orderBy: [{ graph: { name: "asc" } }, { environment: { position: "asc" } }],
    }),
    db.graph.findMany({
      where: { workspaceId: options.workspaceId, deletedAt: null, currentVersionId: { not: null }, id: { in: await triggeredGraphIds(db, options.workspaceId) } },
      select: { id: true, name: true, currentVersion: version },
      orderBy: { name: "asc" },
    }),
  ]);
  const users: TPluginUser[] = [];
  const add = (graphId: string, graphName: string, used: { number: number; spec: unknown } | null, usedBy: string) => {
    const nodeTypes = used ? pluginNodeTypes(used.spec, options.pluginKey) : [];
    if (used && nodeTypes.length > 0) users.push({ graphId, graphName, versionNumber: used.number, usedBy, nodeTypes });
  };
  for (const deployment of deployments) {
    add(deployment.graphId, deployment.graph.name, deployment.stableVersion, `deployed to ${deployment.environment.name}`);
    add(deployment.graphId, deployment.graph.name, deployment.candidateVersion, `candidate in ${deployment.environment.name}`);
  }
  for (const graph of triggered) add(graph.id, graph.name, graph.currentVersion, "published, started by its triggers");
  return users;
}

/** "Graph "Support" v3 (deployed to production)", one line per user, for the refusal message. */
export function describePluginUsers(users: TPluginUser[]): string {
  return users.map((user) => `Graph "${user.graphName}" v${user.versionNumber} (${user.usedBy}): ${user.nodeTypes.join(", ")}`).join("\n");
}

async function triggeredGraphIds(db: TDbOrTx, workspaceId: string): Promise<string[]> {
  const triggers = await db.trigger.findMany({ where: { workspaceId, isEnabled: true }, select: { graphId: true }, distinct: ["graphId"] });
  return triggers.map((trigger) => trigger.graphId);
}

function pluginNodeTypes(spec: unknown, pluginKey: string): string[] {
  const types = readGraphDocument(spec).nodes.map((node) => node.type).filter((type) => type.startsWith(`${pluginKey}/`));
  return [...new Set(types)].sort();
}
