// Published versions checked once per process: a version never changes, so what prepare-run.ts decides about it
// (valid, runnable with the workspace's plugins, where a run starts) holds until the workspace's plugin set changes.
import type { TGraphNode } from "@/lib/graph";
import { AppError, notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { toJsonbText } from "../../db/jsonb-safe";
import { getWorkspaceNodeTypes } from "../../plugins/workspace-plugins";
import { checkRunnableSpec } from "./prepare-run";

export type TPreparedVersion = { graphVersionId: string; startNode: TGraphNode | undefined; specJson: string };

const MAX_ENTRIES = 500;
const MAX_SPEC_CHARS = 32 * 1024 * 1024;

/** Insertion-ordered: the oldest entry goes first when either bound is reached. A refusal is remembered like a success. */
const prepared = new Map<string, { value: TPreparedVersion } | { error: AppError }>();
let specChars = 0;

function remember(key: string, entry: { value: TPreparedVersion } | { error: AppError }): void {
  prepared.set(key, entry);
  if ("value" in entry) specChars += entry.value.specJson.length;
  for (const [oldest, old] of prepared) {
    if (prepared.size <= MAX_ENTRIES && specChars <= MAX_SPEC_CHARS) break;
    prepared.delete(oldest);
    if ("value" in old) specChars -= old.value.specJson.length;
  }
}

/**
 * The published version `graphVersionId` of the graph, checked for a run that starts at `startNodeId`, as
 * `prepareRun` checks it. `pluginSet` describes the workspace's plugin installs (find-webhook-delivery.ts): with
 * another plugin set the version is checked again. Throws the refusal prepareRun would (BAD_REQUEST, NOT_FOUND).
 */
export async function getPreparedVersion(
  db: TDbOrTx,
  options: { workspaceId: string; graphId: string; graphVersionId: string; startNodeId: string; pluginSet: string },
): Promise<TPreparedVersion> {
  const key = `${options.graphVersionId}\u0000${options.startNodeId}\u0000${options.pluginSet}`;
  let entry = prepared.get(key);
  if (!entry) {
    entry = await prepareVersion(db, options).then(
      (value) => ({ value }),
      (error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return { error };
      },
    );
    remember(key, entry);
  }
  if ("error" in entry) throw entry.error;
  return entry.value;
}

async function prepareVersion(db: TDbOrTx, options: { workspaceId: string; graphId: string; graphVersionId: string; startNodeId: string }): Promise<TPreparedVersion> {
  const version = await db.graphVersion.findFirst({ where: { id: options.graphVersionId, graphId: options.graphId }, select: { spec: true } });
  if (!version) throw notFound("Version");
  const nodeTypes = await getWorkspaceNodeTypes(db, options.workspaceId, { graphVersionId: options.graphVersionId });
  const { spec, startNode } = checkRunnableSpec(version.spec, nodeTypes, options.startNodeId);
  return {
    graphVersionId: options.graphVersionId,
    startNode,
    specJson: toJsonbText(spec),
  };
}
