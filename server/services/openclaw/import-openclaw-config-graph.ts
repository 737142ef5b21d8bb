import { importOpenClawFiles, type TConfigFiles } from "@/lib/openclaw-config";
import { AppError } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { createGraph } from "../graph/create-graph";

/**
 * Uploaded openclaw.json (+ its `$include`d files and workspace .md files) -> a new graph of openclaw-config nodes.
 * Reads data only: nothing of the config is executed or fetched.
 */
export async function importOpenClawConfigGraph(db: TDbOrTx, options: { workspaceId: string; actorId: string; name: string; files: TConfigFiles }) {
  const imported = importOpenClawFiles(options.files);
  if (!imported.ok) throw new AppError("BAD_REQUEST", imported.message);
  const { spec, agents, bindings, unknownKeys } = imported.value;
  const graph = await createGraph(db, { workspaceId: options.workspaceId, actorId: options.actorId, name: options.name, spec });
  return { graphId: graph.id, name: graph.name, agents, bindings, unknownKeys };
}
