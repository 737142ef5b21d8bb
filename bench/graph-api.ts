// Measures the graph API's hot paths through the real tRPC caller and a real Postgres (DATABASE_URL, else embedded).
// Prints one JSON object per measure: {"name", "value", "unit", ...}.
import { GRAPH_FORMAT, type TGraphSpec } from "@/lib/graph";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { connectDb, disconnectDb } from "@/server/db/client";
import { createThrowawayDatabase } from "./throwaway-database";

const ITERATIONS = 200;

function generateGraph(nodeCount: number, revisionSalt: number): TGraphSpec {
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    id: `n${i}`,
    type: "core/template",
    typeVersion: 1,
    label: `Node ${i}`,
    position: { x: (i % 20) * 220 + revisionSalt, y: Math.floor(i / 20) * 120 },
    config: { template: `Step ${i}: {{input}}` },
  }));
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: { node: `n${i}`, port: "out" }, target: { node: node.id, port: "in" } }));
  return { format: GRAPH_FORMAT, nodes, edges, settings: {} };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

function report(name: string, samples: number[], extra: Record<string, unknown>): void {
  for (const p of [50, 95]) {
    process.stdout.write(`${JSON.stringify({ name: `${name}_p${p}_ms`, value: Number(percentile(samples, p).toFixed(2)), unit: "ms", iterations: samples.length, ...extra })}\n`);
  }
}

const database = await createThrowawayDatabase();

try {
  const db = connectDb(database.url);
  const user = await db.user.create({ data: { email: "bench@example.test" } });
  const workspace = await db.workspace.create({ data: { slug: "bench", name: "Bench" } });
  await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
  const session = { id: user.id, email: user.email, name: null, sessionToken: "bench" };
  const api = createCaller(createInnerContext({ user: session }));
  const workspaceId = workspace.id;

  const nodeCount = 200;
  const graph = await api.graph.create({ workspaceId, name: "Bench graph", spec: generateGraph(nodeCount, 0) });
  let revision = graph.draftRevision;
  const saveSamples = await time(async () => {
    const saved = await api.graph.saveDraft({ workspaceId, graphId: graph.id, spec: generateGraph(nodeCount, revision), baseRevision: revision });
    revision = saved.draftRevision;
  });
  report("graph_save_draft_200_nodes", saveSamples, { nodes: nodeCount, edges: nodeCount - 1 });

  for (let i = 0; i < 199; i++) await api.graph.create({ workspaceId, name: `Graph ${i}`, spec: generateGraph(20, 0) });
  report("graph_list_200_graphs", await time(() => api.graph.list({ workspaceId })), { graphs: 200 });
  report("graph_get_200_nodes", await time(() => api.graph.get({ workspaceId, graphId: graph.id })), { nodes: nodeCount });
} finally {
  await disconnectDb();
  await database.drop();
}
