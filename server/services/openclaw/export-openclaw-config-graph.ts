import { exportGraphToConfig, isOpenClawConfigType } from "@/lib/openclaw-config";
import { readGraphDocument } from "@/lib/graph";
import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { findGraphOrThrow } from "../graph/find-graph";

/** A graph's draft as openclaw.json text (2-space JSON, which JSON5 reads) and its workspace files. */
export async function exportOpenClawConfigGraph(db: TDbOrTx, options: { workspaceId: string; graphId: string }) {
  const graph = await findGraphOrThrow(db, options, { name: true, draft: true });
  const spec = readGraphDocument(graph.draft);
  if (!spec.nodes.some((node) => isOpenClawConfigType(node.type))) {
    throw new AppError("BAD_REQUEST", `Graph "${graph.name}" has no openclaw.json nodes: import an openclaw.json to make one`);
  }
  const { config, files } = exportGraphToConfig(spec);
  return { name: graph.name, openclawJson: `${JSON.stringify(config, null, 2)}\n`, files };
}
