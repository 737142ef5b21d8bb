// Graphs and runs through the studio's own API (tRPC over HTTP), as the signed-in user of `request`.
import { expect, type APIRequestContext } from "@playwright/test";

export async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.status(), `${path} should answer`).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

export async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: input });
  expect(response.status(), `${path} should succeed: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** A graph by its exact name, or by a pattern (the demo graph is renamed by another spec). */
export async function findGraphId(request: APIRequestContext, workspaceId: string, name: string | RegExp): Promise<string> {
  const graphs = await trpcQuery<{ id: string; name: string }[]>(request, "graph.list", { workspaceId });
  const found = graphs.find((graph) => (typeof name === "string" ? graph.name === name : name.test(graph.name)));
  if (!found) throw new Error(`No graph named ${String(name)} in ${graphs.map((graph) => graph.name).join(", ")}`);
  return found.id;
}

export async function createGraph(request: APIRequestContext, workspaceId: string, name: string, spec: unknown): Promise<string> {
  return (await trpcMutation<{ id: string }>(request, "graph.create", { workspaceId, name, spec })).id;
}

export async function startRun(request: APIRequestContext, workspaceId: string, graphId: string, input?: unknown): Promise<string> {
  return (await trpcMutation<{ id: string }>(request, "run.start", { workspaceId, graphId, input })).id;
}

export async function waitForRunStatus(request: APIRequestContext, workspaceId: string, runId: string, statuses: string[]): Promise<void> {
  await expect
    .poll(async () => (await trpcQuery<{ status: string }>(request, "run.get", { workspaceId, runId })).status, { timeout: 30_000 })
    .toMatch(new RegExp(`^(${statuses.join("|")})$`));
}

type TNode = { id: string; type: string; label: string; config?: Record<string, unknown> };

/** A graph spec of nodes in a row, connected by `from.port->to.port` edges. */
export function buildSpec(nodes: TNode[], edges: string[]) {
  return {
    format: "openclaw.graph/v1",
    nodes: nodes.map((node, index) => ({ typeVersion: 1, position: { x: index * 260, y: 80 }, config: {}, ...node })),
    edges: edges.map((edge) => {
      const [source, target] = edge.split("->") as [string, string];
      const [sourceNode, sourcePort] = source.split(".") as [string, string];
      const [targetNode, targetPort] = target.split(".") as [string, string];
      return { id: `${sourceNode}-${sourcePort}-${targetNode}`, source: { node: sourceNode, port: sourcePort }, target: { node: targetNode, port: targetPort } };
    }),
    settings: {},
  };
}
